// Which keys of the single table take the most requests: every request the handlers send is
// counted against the partition keys it touches (the table's pk and any index key it writes or
// queries), per simulated hour, so the simulation can name the keys that would run hot on AWS.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

// Marshalled ({ S: "…" }) or not, depending on where in the stack the document client marshals.
type Value = string | { S?: string } | undefined;
type Item = Record<string, Value>;
const str = (v: Value) => (typeof v === 'string' ? v : v?.S);

const INDEX_KEYS = ['gsi1pk', 'gsi2pk', 'gsi3pk'] as const;
const INDEX_OF: Record<string, string> = { gsi1pk: 'byPort', gsi2pk: 'byStatus', gsi3pk: 'byOwner' };

export interface KeyHeat {
  key: string;
  reads: number;
  writes: number;
  /** The most requests in any one simulated hour. */
  peakPerHour: number;
}

export function countKeys(client: DynamoDBClient, hourOf: () => number) {
  const heat = new Map<string, { reads: number; writes: number; hours: Map<number, number> }>();
  const touch = (key: string | undefined, kind: 'reads' | 'writes', n = 1) => {
    if (!key) return;
    const h = heat.get(key) ?? { reads: 0, writes: 0, hours: new Map<number, number>() };
    h[kind] += n;
    const hour = hourOf();
    h.hours.set(hour, (h.hours.get(hour) ?? 0) + n);
    heat.set(key, h);
  };
  const written = (item: Item | undefined) => {
    touch(str(item?.pk), 'writes');
    // An item carrying an index key is a write to that index's partition too.
    for (const k of INDEX_KEYS) {
      const value = str(item?.[k]);
      if (value) touch(`${INDEX_OF[k]}: ${value}`, 'writes');
    }
  };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Record<string, any>;
      switch (context.commandName) {
        case 'PutItemCommand':
          written(input.Item);
          break;
        case 'UpdateItemCommand':
        case 'DeleteItemCommand':
          touch(str(input.Key?.pk), 'writes');
          break;
        case 'GetItemCommand':
          touch(str(input.Key?.pk), 'reads');
          break;
        case 'QueryCommand': {
          const pk = str(input.ExpressionAttributeValues?.[':pk']);
          touch(input.IndexName ? `${input.IndexName}: ${pk}` : pk, 'reads');
          break;
        }
        case 'BatchWriteItemCommand':
          for (const requests of Object.values(input.RequestItems ?? {}) as any[][])
            for (const r of requests) written(r.PutRequest?.Item);
          break;
        case 'BatchGetItemCommand':
          for (const table of Object.values(input.RequestItems ?? {}) as { Keys: Item[] }[])
            for (const key of table.Keys) touch(str(key.pk), 'reads');
          break;
      }
      return next(args);
    },
    { step: 'initialize', name: 'hotKeyCounter' },
  );
  return {
    /**
     * The busiest keys of the table and of its indexes (busiest hour first), and the busiest of
     * those shared by many calls (a port's, a status's), which grow with traffic, not with one ship.
     */
    hottest(n = 8): { table: KeyHeat[]; indexes: KeyHeat[]; shared: KeyHeat[] } {
      const all = [...heat]
        .map(([key, h]) => ({ key, reads: h.reads, writes: h.writes, peakPerHour: Math.max(...h.hours.values()) }))
        .sort((a, b) => b.peakPerHour - a.peakPerHour || b.reads + b.writes - (a.reads + a.writes));
      const isIndex = (k: KeyHeat) => /^by[A-Z]/.test(k.key);
      // An id (a letter and 26 more of a ULID) in the key: one call's, device's or review's own.
      const own = (k: KeyHeat) => /[A-Z][0-9A-HJKMNP-TV-Z]{26}/.test(k.key);
      return {
        table: all.filter((k) => !isIndex(k)).slice(0, n),
        indexes: all.filter(isIndex).slice(0, n),
        shared: all.filter((k) => !own(k)).slice(0, n),
      };
    },
  };
}
