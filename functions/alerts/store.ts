// Alerts in the single table. An alert's id is derived from its cause, so a retried event or a
// repeated sweep raises it once; it sits on the port's byStatus index under its current status.
import { keys } from '#shared/keys.ts';
import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '#shared/aws.ts';
import { ConflictError } from '#shared/errors.ts';
import { decodeToken, encodeToken } from '#shared/pagination.ts';
import { queryAll, withoutKeys } from '#shared/dynamo.ts';
import type { Alert } from './schema.ts';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const key = keys.alert;
const statusIndex = keys.alertsInStatus;

/** The same cause always gives the same id. */
export function alertIdFor(...cause: string[]): string {
  const digest = createHash('sha256').update(cause.join('|')).digest();
  return `A${[...digest.subarray(0, 26)].map((b) => CROCKFORD[b % 32]).join('')}`;
}

export interface AlertStore {
  /** Raises the alert unless it exists; true when it is new. */
  raise(alert: Alert): Promise<boolean>;
  get(alertId: string): Promise<Alert | undefined>;
  /** Saves a changed alert if its status is still `from`. */
  transition(alert: Alert, from: Alert['status']): Promise<void>;
  list(
    port: string,
    status: Alert['status'],
    limit: number,
    nextToken?: string,
  ): Promise<{ items: Alert[]; nextToken?: string }>;
  /** Every alert of a call, whatever its status. */
  ofCall(callId: string): Promise<Alert[]>;
}

function item(alert: Alert) {
  return {
    ...key(alert.alertId),
    ...keys.alertByStatus(alert.port, alert.status, alert.raisedAt, alert.alertId),
    ...keys.alertOfCall(alert.callId, alert.raisedAt, alert.alertId),
    ...alert,
  };
}

const strip = (i: Record<string, unknown>) => withoutKeys<Alert>(i);

export const dynamoAlertStore: AlertStore = {
  async raise(alert) {
    try {
      await documentClient().send(
        new PutCommand({ TableName: tableName(), Item: item(alert), ConditionExpression: 'attribute_not_exists(pk)' }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  },

  async get(alertId) {
    const out = await documentClient().send(
      new GetCommand({ TableName: tableName(), Key: key(alertId), ConsistentRead: true }),
    );
    return out.Item ? strip(out.Item) : undefined;
  },

  async transition(alert, from) {
    try {
      await documentClient().send(
        new PutCommand({
          TableName: tableName(),
          Item: item(alert),
          ConditionExpression: '#status = :from',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':from': from },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException)
        throw new ConflictError('The alert was changed meanwhile; read it again');
      throw error;
    }
  },

  async list(port, status, limit, nextToken) {
    const pk = statusIndex(port, status);
    const out = await documentClient().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'byStatus',
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
        ScanIndexForward: false,
        Limit: limit,
        ExclusiveStartKey: await decodeToken(nextToken, 'gsi2pk', pk),
      }),
    );
    return { items: (out.Items ?? []).map(strip), nextToken: await encodeToken(out.LastEvaluatedKey) };
  },

  async ofCall(callId) {
    const items = await queryAll({
      IndexName: 'byOwner',
      KeyConditionExpression: 'gsi3pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.alertsOfCall(callId) },
    });
    return items.map(strip);
  },
};
