// Arrival declarations, one immutable item per version under the call.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '#shared/aws.ts';
import { ConflictError } from '#shared/errors.ts';
import { keys } from '#shared/table.ts';
import type { StoredDeclaration } from './schema.ts';

const PREFIX = 'ARRIVAL#';
const sk = (version: number) => `${PREFIX}${String(version).padStart(6, '0')}`;

export interface DeclarationStore {
  /**
   * Writes version N. It may replace an N left behind by a submission that never committed
   * (based on an older call version), never one that another submission just wrote.
   */
  put(stored: StoredDeclaration, basedOnCallVersion: number): Promise<void>;
  get(callId: string, version?: number): Promise<StoredDeclaration | undefined>;
}

export const dynamoDeclarationStore: DeclarationStore = {
  async put(stored, basedOnCallVersion) {
    try {
      await documentClient().send(
        new PutCommand({
          TableName: tableName(),
          Item: { pk: keys.callPartition(stored.callId), sk: sk(stored.version), ...stored, basedOnCallVersion },
          ConditionExpression: 'attribute_not_exists(pk) OR basedOnCallVersion < :based',
          ExpressionAttributeValues: { ':based': basedOnCallVersion },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        throw new ConflictError('Another declaration for this call is being submitted; read the call and retry');
      }
      throw error;
    }
  },

  async get(callId, version) {
    if (version !== undefined) {
      const out = await documentClient().send(
        new GetCommand({ TableName: tableName(), Key: { pk: keys.callPartition(callId), sk: sk(version) }, ConsistentRead: true }),
      );
      return out.Item ? strip(out.Item) : undefined;
    }
    const out = await documentClient().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.callPartition(callId), ':prefix': PREFIX },
        ScanIndexForward: false,
        Limit: 1,
        ConsistentRead: true,
      }),
    );
    return out.Items?.[0] ? strip(out.Items[0]) : undefined;
  },
};

function strip(item: Record<string, unknown>): StoredDeclaration {
  const { pk: _pk, sk: _sk, basedOnCallVersion: _b, ...rest } = item;
  return rest as StoredDeclaration;
}
