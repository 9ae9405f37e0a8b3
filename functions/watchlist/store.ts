// The watch list in the single table: one item per entry, keyed by what it matches on, so a
// screening is a batch of key look-ups.
import { keys } from '#shared/keys.ts';
import { BatchGetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '#shared/aws.ts';
import { decodeToken, encodeToken } from '#shared/pagination.ts';
import { withoutKeys } from '#shared/dynamo.ts';
import type { StoredWatchEntry } from './schema.ts';

export interface WatchListStore {
  put(entries: StoredWatchEntry[]): Promise<void>;
  /** The stored entries among `keys`. */
  lookup(keys: string[]): Promise<StoredWatchEntry[]>;
  list(limit: number, nextToken?: string): Promise<{ items: StoredWatchEntry[]; nextToken?: string }>;
}

export const dynamoWatchListStore: WatchListStore = {
  async put(entries) {
    // Loading the same entry again replaces it: a load can be repeated safely.
    for (const e of entries) {
      await documentClient().send(
        new PutCommand({
          TableName: tableName(),
          Item: { ...keys.watch(e.key), ...keys.watchListing(e.key), ...e },
        }),
      );
    }
  },

  async lookup(matchKeys) {
    const unique = [...new Set(matchKeys)];
    const found: StoredWatchEntry[] = [];
    for (let i = 0; i < unique.length; i += 100) {
      let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = {
        [tableName()]: { Keys: unique.slice(i, i + 100).map((k) => keys.watch(k)) },
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

  async list(limit, nextToken) {
    const out = await documentClient().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'byPort',
        KeyConditionExpression: 'gsi1pk = :listing',
        ExpressionAttributeValues: { ':listing': keys.watchListPartition },
        Limit: limit,
        ExclusiveStartKey: decodeToken(nextToken, 'gsi1pk', keys.watchListPartition),
      }),
    );
    return { items: (out.Items ?? []).map(strip), nextToken: encodeToken(out.LastEvaluatedKey) };
  },
};

const strip = (item: Record<string, unknown>) => withoutKeys<StoredWatchEntry>(item);
