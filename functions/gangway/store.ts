// Gangway events (deduplicated on the device's event id, expiring by TTL) and each person's
// presence (moved only by a newer capture) in the single table.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, BatchWriteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { countAll, queryAll, withoutKeys } from '#shared/dynamo.ts';
import { documentClient, tableName } from '#shared/aws.ts';
import { keys } from '#shared/keys.ts';
import type { Presence, StoredEvent } from './schema.ts';

export interface StoredPresence extends Presence {
  callId: string;
  port: string;
  landedAt?: string;
}

export interface GangwayStore {
  /** The ids among `eventIds` already stored for the call. */
  existingEvents(callId: string, eventIds: string[]): Promise<Set<string>>;
  /** Stores one event unless its id is stored already (then false): the single-event path. */
  putEvent(event: StoredEvent, retentionDays: number): Promise<boolean>;
  /**
   * Stores the event unless its id is taken, decided by a conditional write so that concurrent
   * repeats get one `new` between them: `same` is a repeat, `conflict` other content under that id.
   */
  claimEvent(event: StoredEvent, retentionDays: number): Promise<Claim>;
  /** The same for a batch: one consistent read for those stored already, a conditional put each for the rest. */
  claimEvents(events: StoredEvent[], retentionDays: number): Promise<Claim[]>;
  /** Stores events (not seen before), expiring `retentionDays` after capture. */
  putEvents(events: StoredEvent[], retentionDays: number): Promise<void>;
  presence(callId: string): Promise<StoredPresence[]>;
  /** The presence of just these persons. */
  presenceOf(callId: string, refs: string[]): Promise<StoredPresence[]>;
  /** Moves presence to `next` unless a newer capture already did; false if it did not move. */
  movePresence(next: StoredPresence): Promise<boolean>;
  /** The same, answering what the presence was before when it moved. */
  movePresenceFrom(
    next: StoredPresence,
  ): Promise<{ moved: false } | { moved: true; previous: StoredPresence | undefined }>;
  /** How many gangway passes the call has had (within the retention period). */
  countEvents(callId: string): Promise<number>;
  /** People ashore since before `landedBefore`, across ports. */
  ashoreSince(landedBefore: string): Promise<StoredPresence[]>;
}

const isConditionFailure = (e: unknown) => e instanceof ConditionalCheckFailedException;

export type Claim = 'new' | 'same' | 'conflict';

/** Whether a stored event says what `event` says (events stored before fingerprints: what moves presence). */
function sameEvent(stored: Record<string, unknown> | undefined, event: StoredEvent): boolean {
  return stored?.fingerprint
    ? stored.fingerprint === event.fingerprint
    : stored?.personRef === event.personRef &&
        stored?.direction === event.direction &&
        stored?.capturedAt === event.capturedAt;
}

export const dynamoGangwayStore: GangwayStore = {
  async existingEvents(callId, eventIds) {
    const keysOf = [...new Set(eventIds)].map((id) => keys.event(callId, id));
    const seen = new Set<string>();
    for (const item of await batchGet(keysOf, ['eventId'])) seen.add(item.eventId as string);
    return seen;
  },

  async putEvent(event, retentionDays) {
    try {
      await documentClient().send(
        new PutCommand({
          TableName: tableName(),
          Item: eventItem(event, retentionDays),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },

  async claimEvent(event, retentionDays) {
    if (await this.putEvent(event, retentionDays)) return 'new';
    const out = await documentClient().send(
      new GetCommand({
        TableName: tableName(),
        Key: keys.event(event.callId, event.eventId),
        ConsistentRead: true,
      }),
    );
    return sameEvent(out.Item, event) ? 'same' : 'conflict';
  },

  async claimEvents(events, retentionDays) {
    const callId = events[0]?.callId;
    if (!callId) return [];
    const wanted = [...new Set(events.map((e) => e.eventId))].map((id) => keys.event(callId, id));
    const stored = new Map(
      (await batchGet(wanted, ['eventId', 'fingerprint', 'personRef', 'direction', 'capturedAt'])).map((i) => [
        i.eventId as string,
        i,
      ]),
    );
    // A retry is told apart by the read; what is new is claimed one conditional write each, so that
    // of identical uploads arriving at once exactly one is told `new`.
    return Promise.all(
      events.map((e) =>
        stored.has(e.eventId)
          ? Promise.resolve<Claim>(sameEvent(stored.get(e.eventId), e) ? 'same' : 'conflict')
          : this.claimEvent(e, retentionDays),
      ),
    );
  },

  async putEvents(events, retentionDays) {
    const items = events.map((event) => ({ PutRequest: { Item: eventItem(event, retentionDays) } }));
    // The same event id twice in one batch would be refused by the store: keep the first.
    const unique = [...new Map(items.map((i) => [i.PutRequest.Item.sk, i])).values()];
    for (let i = 0; i < unique.length; i += 25) {
      let request: Record<string, typeof unique> | undefined = { [tableName()]: unique.slice(i, i + 25) };
      for (let round = 0; request && Object.keys(request).length; round++) {
        if (round > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** round)));
        const out = await documentClient().send(new BatchWriteCommand({ RequestItems: request }));
        request = out.UnprocessedItems as typeof request;
      }
    }
  },

  async presence(callId) {
    const items = await queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.callPartition(callId), ':prefix': keys.presencePrefix },
      ConsistentRead: true,
    });
    return items.map((i) => withoutKeys<StoredPresence>(i));
  },

  async presenceOf(callId, refs) {
    const items = await batchGet(refs.map((ref) => keys.presence(callId, ref)));
    return items.map((item) => withoutKeys<StoredPresence>(item));
  },

  async movePresence(next) {
    return (await this.movePresenceFrom(next)).moved;
  },

  async movePresenceFrom(next) {
    const capturedAt = next.lastEvent!.capturedAt;
    const ashore = next.state === 'ASHORE';
    try {
      const out = await documentClient().send(
        new PutCommand({
          TableName: tableName(),
          Item: {
            ...keys.presence(next.callId, next.ref),
            lastCapturedAt: capturedAt,
            ...(ashore && keys.ashore(capturedAt, next.callId, next.ref)),
            ...next,
            ...(ashore && { landedAt: capturedAt }),
          },
          // Newest captured-at wins: devices upload buffered events late and out of order.
          ConditionExpression: 'attribute_not_exists(lastCapturedAt) OR lastCapturedAt < :capturedAt',
          ExpressionAttributeValues: { ':capturedAt': capturedAt },
          ReturnValues: 'ALL_OLD',
        }),
      );
      return { moved: true, previous: out.Attributes ? withoutKeys<StoredPresence>(out.Attributes) : undefined };
    } catch (error) {
      if (isConditionFailure(error)) return { moved: false };
      throw error;
    }
  },

  countEvents(callId) {
    return countAll({
      IndexName: 'byOwner',
      KeyConditionExpression: 'gsi3pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.eventsOfCall(callId) },
    });
  },

  async ashoreSince(landedBefore) {
    const items = await queryAll({
      IndexName: 'byStatus',
      KeyConditionExpression: 'gsi2pk = :ashore AND gsi2sk < :before',
      ExpressionAttributeValues: { ':ashore': keys.ashorePartition, ':before': landedBefore },
    });
    return items.map((i) => withoutKeys<StoredPresence>(i));
  },
};

/** Consistent batch reads, 100 keys a request, asking again for what the store left unprocessed. */
async function batchGet(wanted: Record<string, unknown>[], attributes?: string[]): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = [];
  for (let i = 0; i < wanted.length; i += 100) {
    let request:
      | Record<string, { Keys: Record<string, unknown>[]; ConsistentRead: boolean; ProjectionExpression?: string }>
      | undefined = {
      [tableName()]: {
        Keys: wanted.slice(i, i + 100),
        ConsistentRead: true,
        ...(attributes && { ProjectionExpression: attributes.join(', ') }),
      },
    };
    for (let round = 0; request && Object.keys(request).length; round++) {
      if (round > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** round)));
      const out = await documentClient().send(new BatchGetCommand({ RequestItems: request }));
      found.push(...(out.Responses?.[tableName()] ?? []));
      request = out.UnprocessedKeys as typeof request;
    }
  }
  return found;
}

function eventItem(event: StoredEvent, retentionDays: number) {
  return {
    ...keys.event(event.callId, event.eventId),
    ...keys.eventOfCall(event.callId, event.capturedAt, event.eventId),
    ttl: Math.floor(Date.parse(event.capturedAt) / 1000) + retentionDays * 86_400,
    ...event,
  };
}
