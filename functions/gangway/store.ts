// Gangway events (deduplicated on the device's event id, expiring by TTL) and each person's
// presence (moved only by a newer capture) in the single table.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { countAll, queryAll, withoutKeys } from '#shared/dynamo.ts';
import { documentClient, tableName } from '#shared/aws.ts';
import { keys } from '#shared/table.ts';
import type { Presence, StoredEvent } from './schema.ts';

const ASHORE = 'ASHORE';

export interface StoredPresence extends Presence {
  callId: string;
  port: string;
  landedAt?: string;
}

export interface GangwayStore {
  /** Stores the event once; false when that event id was already stored. */
  putEvent(event: StoredEvent, expiresAt: number): Promise<boolean>;
  presence(callId: string): Promise<StoredPresence[]>;
  /** The presence of just these persons. */
  presenceOf(callId: string, refs: string[]): Promise<StoredPresence[]>;
  /** Moves presence to `next` unless a newer capture already did; false if it did not move. */
  movePresence(next: StoredPresence): Promise<boolean>;
  /** How many gangway passes the call has had (within the retention period). */
  countEvents(callId: string): Promise<number>;
  /** People ashore since before `landedBefore`, across ports. */
  ashoreSince(landedBefore: string): Promise<StoredPresence[]>;
}

const isConditionFailure = (e: unknown) => e instanceof ConditionalCheckFailedException;

export const dynamoGangwayStore: GangwayStore = {
  async putEvent(event, expiresAt) {
    try {
      await documentClient().send(
        new PutCommand({
          TableName: tableName(),
          Item: {
            pk: keys.callPartition(event.callId),
            sk: `EVENT#${event.eventId}`,
            gsi3pk: `CALLEVENTS#${event.callId}`,
            gsi3sk: `${event.capturedAt}#${event.eventId}`,
            ttl: expiresAt,
            ...event,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },

  async presence(callId) {
    const items = await queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.callPartition(callId), ':prefix': 'PERSON#' },
      ConsistentRead: true,
    });
    return items.map((i) => withoutKeys<StoredPresence>(i));
  },

  async presenceOf(callId, refs) {
    const found: StoredPresence[] = [];
    for (let i = 0; i < refs.length; i += 100) {
      let request: Record<string, { Keys: Record<string, unknown>[]; ConsistentRead: boolean }> | undefined = {
        [tableName()]: { Keys: refs.slice(i, i + 100).map((ref) => ({ pk: keys.callPartition(callId), sk: `PERSON#${ref}` })), ConsistentRead: true },
      };
      while (request && Object.keys(request).length) {
        const out = await documentClient().send(new BatchGetCommand({ RequestItems: request }));
        found.push(...(out.Responses?.[tableName()] ?? []).map((item) => withoutKeys<StoredPresence>(item)));
        request = out.UnprocessedKeys as typeof request;
      }
    }
    return found;
  },

  async movePresence(next) {
    const capturedAt = next.lastEvent!.capturedAt;
    const ashore = next.state === 'ASHORE';
    try {
      await documentClient().send(
        new PutCommand({
          TableName: tableName(),
          Item: {
            pk: keys.callPartition(next.callId),
            sk: `PERSON#${next.ref}`,
            lastCapturedAt: capturedAt,
            ...(ashore && { gsi2pk: ASHORE, gsi2sk: `${capturedAt}#${next.callId}#${next.ref}` }),
            ...next,
            ...(ashore && { landedAt: capturedAt }),
          },
          // Newest captured-at wins: devices upload buffered events late and out of order.
          ConditionExpression: 'attribute_not_exists(lastCapturedAt) OR lastCapturedAt < :capturedAt',
          ExpressionAttributeValues: { ':capturedAt': capturedAt },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },

  countEvents(callId) {
    return countAll({ IndexName: 'byOwner', KeyConditionExpression: 'gsi3pk = :pk', ExpressionAttributeValues: { ':pk': `CALLEVENTS#${callId}` } });
  },

  async ashoreSince(landedBefore) {
    const items = await queryAll({
      IndexName: 'byStatus',
      KeyConditionExpression: 'gsi2pk = :ashore AND gsi2sk < :before',
      ExpressionAttributeValues: { ':ashore': ASHORE, ':before': landedBefore },
    });
    return items.map((i) => withoutKeys<StoredPresence>(i));
  },
};

