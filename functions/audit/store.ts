// The audit's own items: port-level chains (watch list, AEO trust, devices, agency answers, alert
// resolutions), the index of each day's entries across all chains, and the signed daily roots.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type AuditEntry, type AuditFact, auditDay, nextAuditEntry } from '#shared/audit.ts';
import { documentClient, tableName } from '#shared/aws.ts';
import { queryAll, withoutKeys } from '#shared/dynamo.ts';
import { keys } from '#shared/keys.ts';
import type { Leaf } from './merkle.ts';
import type { DailyRoot } from './schema.ts';

export interface AuditStore {
  /** Appends `fact` to a port-level chain; a racing append makes this one retry on the new head. */
  append(chain: string, fact: AuditFact): Promise<AuditEntry>;
  /** Every entry of a port-level chain, in order. */
  chain(chain: string): Promise<AuditEntry[]>;
  /** Marks an entry of any chain (call or port-level) as written on its day. */
  indexDay(chain: string, entry: AuditEntry): Promise<void>;
  /** The last entry of each chain written on `day`: the day's leaves. */
  dayLeaves(day: string): Promise<Leaf[]>;
  /** Stores a day's root once; false when one is already published (it is never replaced). */
  publishRoot(root: DailyRoot): Promise<boolean>;
  root(day: string): Promise<DailyRoot | undefined>;
}

const isConditionFailure = (e: unknown) => e instanceof ConditionalCheckFailedException;

export const dynamoAuditStore: AuditStore = {
  async append(chain, fact) {
    for (let attempt = 1; ; attempt++) {
      const out = await documentClient().send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.auditChainPartition(chain) },
          ScanIndexForward: false,
          Limit: 1,
          ConsistentRead: true,
        }),
      );
      const head = out.Items?.[0] && withoutKeys<AuditEntry>(out.Items[0]);
      const entry = nextAuditEntry(head, fact);
      try {
        // The seq decides the race: two appends on the same head cannot both take the next one.
        await documentClient().send(
          new PutCommand({
            TableName: tableName(),
            Item: { ...keys.auditChainEntry(chain, entry.seq), ...entry },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
      } catch (error) {
        if (!isConditionFailure(error) || attempt >= 20) throw error;
        continue;
      }
      await this.indexDay(chain, entry);
      return entry;
    }
  },

  async chain(chain) {
    const items = await queryAll({
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.auditChainPartition(chain) },
      ConsistentRead: true,
    });
    return items.map((i) => withoutKeys<AuditEntry>(i));
  },

  async indexDay(chain, entry) {
    await documentClient().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...keys.auditDayEntry(auditDay(entry.at), chain, entry.seq), chain, seq: entry.seq, hash: entry.hash },
      }),
    );
  },

  async dayLeaves(day) {
    const items = await queryAll({
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.auditDayPartition(day) },
      ConsistentRead: true,
    });
    // Sorted by chain then seq: the last item of each chain is its head that day.
    const heads = new Map<string, Leaf>();
    for (const i of items)
      heads.set(i.chain as string, { chain: i.chain as string, seq: i.seq as number, hash: i.hash as string });
    return [...heads.values()];
  },

  async publishRoot(root) {
    try {
      await documentClient().send(
        new PutCommand({
          TableName: tableName(),
          Item: { ...keys.auditRoot(root.day), ...root },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },

  async root(day) {
    const out = await documentClient().send(
      new GetCommand({ TableName: tableName(), Key: keys.auditRoot(day), ConsistentRead: true }),
    );
    return out.Item ? withoutKeys<DailyRoot>(out.Item) : undefined;
  },
};
