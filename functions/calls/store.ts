// Port calls in the single table: the call item, its audit entries and the voyage guard that
// stops one voyage from being announced twice.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '#shared/audit.ts';
import { documentClient, tableName } from '#shared/aws.ts';
import { ConflictError } from '#shared/errors.ts';
import { decodeToken, encodeToken } from '#shared/pagination.ts';
import { queryAll, withoutKeys } from '#shared/dynamo.ts';
import { dynamoAuditStore } from '#functions/audit/store.ts';
import { keys } from '#shared/keys.ts';
import { countIfClosed } from '#port/closing.ts';
import type { Call, CallStatus } from './schema.ts';

export interface StoredCall extends Call {
  lastAudit: AuditEntry;
  /**
   * Whether an officer has taken a landing decision on the call: `false` from the announcement,
   * `true` from the first decision's commit, which comes before the decision is stored. The
   * gangway reads the decisions only when it is not `false`; a call stored before the field
   * existed (absent) is always read. Stored only, like `lastAudit`.
   */
  landingDecided?: boolean;
}

/** What a change may set on the stored call: anything but the audit entry, which is the commit. */
export type CallPatch = Partial<Omit<StoredCall, 'lastAudit'>>;

export type CallScope = { agentId: string } | { port: string };

export interface CallPageQuery {
  status?: CallStatus;
  limit: number;
  nextToken?: string;
}

export interface CallStore {
  /** Holds the voyage for `callId`; answers the call id already holding it, if any. */
  reserveVoyage(
    call: Pick<Call, 'callId' | 'vessel' | 'voyage' | 'port'>,
    takeOverFrom?: string,
  ): Promise<string | undefined>;
  releaseVoyage(call: Pick<Call, 'callId' | 'vessel' | 'voyage' | 'port'>): Promise<void>;
  create(call: StoredCall): Promise<void>;
  get(callId: string): Promise<StoredCall | undefined>;
  list(scope: CallScope, query: CallPageQuery): Promise<{ items: StoredCall[]; nextToken?: string }>;
  /** Applies `patch` if the call is still at the version read; the new audit entry is the commit. */
  update(current: StoredCall, patch: CallPatch, audit: AuditEntry): Promise<StoredCall>;
  timeline(callId: string): Promise<AuditEntry[]>;
  /** Calls of a port with ETA in [from, to], whatever their status (the shift board's window). */
  inWindow(port: string, from: string, to: string): Promise<StoredCall[]>;
}

const voyageKey = (c: Pick<Call, 'vessel' | 'voyage' | 'port'>) => keys.voyage(c.vessel.imo, c.voyage, c.port);

function indexKeys(call: Call) {
  return {
    ...keys.callByPort(call.port, call.eta, call.callId),
    ...keys.callByStatus(call.port, call.status, call.eta, call.callId),
    ...keys.callByOwner(call.agentId, call.eta, call.callId),
  };
}

const fromItem = (item: Record<string, unknown>) => withoutKeys<StoredCall>(item);

const isConditionFailure = (e: unknown) => e instanceof ConditionalCheckFailedException;

export const dynamoCallStore: CallStore = {
  async reserveVoyage(call, takeOverFrom) {
    try {
      await documentClient().send(
        new PutCommand({
          TableName: tableName(),
          Item: { ...voyageKey(call), callId: call.callId },
          ConditionExpression: takeOverFrom ? 'callId = :previous' : 'attribute_not_exists(pk) OR callId = :callId',
          ExpressionAttributeValues: takeOverFrom ? { ':previous': takeOverFrom } : { ':callId': call.callId },
        }),
      );
      return undefined;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const held = await documentClient().send(
        new GetCommand({ TableName: tableName(), Key: voyageKey(call), ConsistentRead: true }),
      );
      return (held.Item?.callId as string | undefined) ?? 'unknown';
    }
  },

  async releaseVoyage(call) {
    try {
      await documentClient().send(
        new DeleteCommand({
          TableName: tableName(),
          Key: voyageKey(call),
          ConditionExpression: 'callId = :callId',
          ExpressionAttributeValues: { ':callId': call.callId },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error; // already released or taken over
    }
  },

  async create(call) {
    await documentClient().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...keys.call(call.callId), ...indexKeys(call), ...call },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    await putAudit(call.callId, call.lastAudit);
    await indexDays(call.callId, call.lastAudit);
  },

  async get(callId) {
    const out = await documentClient().send(
      new GetCommand({ TableName: tableName(), Key: keys.call(callId), ConsistentRead: true }),
    );
    return out.Item ? fromItem(out.Item) : undefined;
  },

  async list(scope, query) {
    const [index, pkAttr, pk, skPrefix] =
      'agentId' in scope
        ? (['byOwner', 'gsi3pk', keys.agentPartition(scope.agentId), keys.callItemPrefix] as const)
        : query.status
          ? (['byStatus', 'gsi2pk', keys.callsInStatus(scope.port, query.status), undefined] as const)
          : (['byPort', 'gsi1pk', keys.portPartition(scope.port), keys.callItemPrefix] as const);
    const skAttr = pkAttr.replace('pk', 'sk');
    const filterByStatus = 'agentId' in scope && query.status;
    const items: StoredCall[] = [];
    let startKey = await decodeToken(query.nextToken, pkAttr, pk);
    // A status filter on the owner index can return short pages: keep reading until full.
    do {
      const out = await documentClient().send(
        new QueryCommand({
          TableName: tableName(),
          IndexName: index,
          KeyConditionExpression: skPrefix ? '#pk = :pk AND begins_with(#sk, :prefix)' : '#pk = :pk',
          ExpressionAttributeNames: {
            '#pk': pkAttr,
            ...(skPrefix && { '#sk': skAttr }),
            ...(filterByStatus && { '#status': 'status' }),
          },
          ExpressionAttributeValues: {
            ':pk': pk,
            ...(skPrefix && { ':prefix': skPrefix }),
            ...(filterByStatus && { ':status': query.status }),
          },
          ...(filterByStatus && { FilterExpression: '#status = :status' }),
          Limit: query.limit - items.length,
          ExclusiveStartKey: startKey,
        }),
      );
      items.push(...(out.Items ?? []).map(fromItem));
      startKey = out.LastEvaluatedKey;
    } while (startKey && items.length < query.limit);
    return { items, nextToken: await encodeToken(startKey) };
  },

  async update(current, patch, audit) {
    const { callId, version: expectedVersion } = current;
    const next: StoredCall = { ...current, ...patch, version: expectedVersion + 1, lastAudit: audit };
    // The entry the call carries is in the trail (and the day's index) before the next one is
    // committed: the trail has no gap, even when the writes after an earlier commit were slow or
    // cut short. Both writes are idempotent.
    await Promise.all([putAudit(callId, current.lastAudit), indexDays(callId, current.lastAudit)]);
    try {
      await documentClient().send(
        new PutCommand({
          TableName: tableName(),
          Item: { ...keys.call(callId), ...indexKeys(next), ...next },
          ConditionExpression: 'version = :expected',
          ExpressionAttributeValues: { ':expected': expectedVersion },
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) {
        throw new ConflictError('The call was changed by someone else; read it again and retry');
      }
      throw error;
    }
    // After the commit, the new entry's copies and, once the call is closed, the port-day read
    // model's count (the overview reads days, not calls): independent writes, so at once.
    await Promise.all([putAudit(callId, audit), indexDays(callId, audit), countIfClosed(current, next)]);
    return next;
  },

  async inWindow(port, from, to) {
    const items = await queryAll({
      IndexName: 'byPort',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': keys.portPartition(port),
        ':from': `${keys.callItemPrefix}${from}`,
        ':to': `${keys.callItemPrefix}${to}~`,
      },
    });
    return items.map(fromItem);
  },

  async timeline(callId) {
    const items = await queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.callPartition(callId), ':prefix': keys.auditPrefix },
    });
    return items.map((i) => withoutKeys<AuditEntry>(i));
  },
};

// Written after the call item (the commit point, which carries the same entry as `lastAudit`),
// so a retry after a crash in between can always complete the trail.
async function putAudit(callId: string, audit: AuditEntry): Promise<void> {
  try {
    await documentClient().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...keys.audit(callId, audit.seq), ...audit },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}

/** The day's index of entries, across all chains, is what the daily audit root is built from. */
async function indexDays(callId: string, ...entries: AuditEntry[]): Promise<void> {
  for (const entry of entries) await dynamoAuditStore.indexDay(`CALL#${callId}`, entry);
}
