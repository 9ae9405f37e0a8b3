// DynamoDB's TTL for the embedded store: expired items are deleted eventually, as DynamoDB
// promises ("typically within a few days"), by a sweep whose work per tick is bounded. Each step
// reads one page of at most `pageSize` items from where the last one stopped, and starts over
// at the end of the table. A sweep of the whole table every minute cost time in proportion to
// everything the port had ever stored: a month of a busy port scanned 116,000 items a simulated
// day by its ninth day, and the store thread slowed every request with it. Nothing relies on the
// moment of deletion: an idempotency record's own expiry is what Powertools checks.
import { DeleteCommand, type DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { TABLE } from '#shared/table.ts';

export interface SweepStep {
  /** Items the page read. */
  examined: number;
  /** Expired items it deleted. */
  removed: number;
  /** The page reached the table's end: the next step starts again at its beginning. */
  wrapped: boolean;
}

export function ttlSweeper(doc: DynamoDBDocumentClient, tableName: string, pageSize: number) {
  let cursor: Record<string, unknown> | undefined;
  const names = { '#ttl': TABLE.ttlAttribute, '#pk': TABLE.partitionKey, '#sk': TABLE.sortKey };

  async function step(now = new Date()): Promise<SweepStep> {
    const epoch = Math.floor(now.getTime() / 1000);
    const page = await doc.send(
      new ScanCommand({
        TableName: tableName,
        Limit: pageSize,
        FilterExpression: '#ttl < :now',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: { ':now': epoch },
        ProjectionExpression: '#pk, #sk',
        ExclusiveStartKey: cursor,
      }),
    );
    let removed = 0;
    for (const key of page.Items ?? []) {
      try {
        // Only if it is still expired: an item written again since the page was read keeps its new TTL.
        await doc.send(
          new DeleteCommand({
            TableName: tableName,
            Key: key,
            ConditionExpression: '#ttl < :now',
            ExpressionAttributeNames: { '#ttl': TABLE.ttlAttribute },
            ExpressionAttributeValues: { ':now': epoch },
          }),
        );
        removed += 1;
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    }
    cursor = page.LastEvaluatedKey;
    return { examined: page.ScannedCount ?? 0, removed, wrapped: !cursor };
  }

  /** One pass over the whole table from the beginning (tools and tests); returns how many it deleted. */
  async function all(now = new Date()): Promise<number> {
    cursor = undefined;
    let removed = 0;
    for (;;) {
      const result = await step(now);
      removed += result.removed;
      if (result.wrapped) return removed;
    }
  }

  return { step, all };
}
