// The watch lists in the single table: each port's own, one item per entry, keyed by the port and
// what it matches on, so a screening is a batch of key look-ups and no port can change another's.
import { BatchGetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '#shared/aws.ts';
import { keys } from '#shared/keys.ts';
import { decodeToken, encodeToken } from '#shared/pagination.ts';
import { withoutKeys } from '#shared/dynamo.ts';
import type { StoredWatchEntry } from './schema.ts';

export interface WatchListStore {
  put(entries: StoredWatchEntry[]): Promise<void>;
  /** The stored entries of `port`'s list among `keys`. */
  lookup(port: string, keys: string[]): Promise<StoredWatchEntry[]>;
  list(port: string, limit: number, nextToken?: string): Promise<{ items: StoredWatchEntry[]; nextToken?: string }>;
}

export const dynamoWatchListStore: WatchListStore = {
  async put(entries) {
    // Loading the same entry again replaces it: a load can be repeated safely.
    for (const e of entries) {
      await documentClient().send(
        new PutCommand({
          TableName: tableName(),
          Item: { ...keys.watch(e.port, e.key), ...keys.watchListing(e.port, e.key), ...e },
        }),
      );
    }
  },

  async lookup(port, wanted) {
    const unique = [...new Set(wanted)];
    const found: StoredWatchEntry[] = [];
    for (let i = 0; i < unique.length; i += 100) {
      let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = {
        [tableName()]: { Keys: unique.slice(i, i + 100).map((k) => keys.watch(port, k)) },
      };
      // BatchGet may leave keys unprocessed under load: ask again until all are answered.
      for (let round = 0; request && Object.keys(request).length; round++) {
        if (round > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** round)));
        const out = await documentClient().send(new BatchGetCommand({ RequestItems: request }));
        for (const item of out.Responses?.[tableName()] ?? []) found.push(strip(item));
        request = out.UnprocessedKeys as typeof request;
      }
    }
    return found;
  },

  async list(port, limit, nextToken) {
    const out = await documentClient().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'byPort',
        KeyConditionExpression: 'gsi1pk = :listing',
        ExpressionAttributeValues: { ':listing': keys.watchListPartition(port) },
        Limit: limit,
        ExclusiveStartKey: await decodeToken(nextToken, 'gsi1pk', keys.watchListPartition(port)),
      }),
    );
    return { items: (out.Items ?? []).map(strip), nextToken: await encodeToken(out.LastEvaluatedKey) };
  },
};

const strip = (item: Record<string, unknown>) => withoutKeys<StoredWatchEntry>(item);
