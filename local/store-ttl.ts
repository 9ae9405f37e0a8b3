// DynamoDB's TTL for the embedded store: expired items are deleted eventually, as DynamoDB
// promises ("typically within a few days"), by a sweep whose work per tick is bounded. Each step
// reads one page of at most `pageSize` items from where the last one stopped, and starts over
// at the end of the table; the next step is armed only once the last has finished, and where it
// stopped is kept on disk, so a restart carries on instead of starting from the beginning.
// A sweep of the whole table every minute cost time in proportion to everything the port had
// ever stored: a month of a busy port scanned 116,000 items a simulated day by its ninth day, and
// the store thread slowed every request with it. Nothing relies on the moment of deletion: an
// idempotency record's own expiry is what Powertools checks.
import { readFileSync, writeFileSync } from 'node:fs';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, type DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { TABLE } from '#shared/table.ts';

type Key = Record<string, unknown>;

export interface SweepStep {
  /** Items the page read. */
  examined: number;
  /** Expired items it deleted. */
  removed: number;
  /** The page reached the table's end: the next step starts again at its beginning. */
  wrapped: boolean;
}

export interface SweeperOptions {
  pageSize: number;
  /** Milliseconds between the end of a step and the start of the next; 0: no timer, steps on demand. */
  everyMs: number;
  /** Where the timer's position is kept between runs; none keeps it in memory. */
  cursorFile?: string;
  /** The time the timer's steps judge expiry by; the machine's clock unless told. */
  now?: () => Date;
  /** Told of a step that failed; the next step reads the same page again. */
  onError?(error: unknown): void;
}

const names = { '#ttl': TABLE.ttlAttribute, '#pk': TABLE.partitionKey, '#sk': TABLE.sortKey };

/** Reads one page from `cursor` and deletes the items of it still expired at `now`. */
async function sweepPage(
  doc: DynamoDBDocumentClient,
  tableName: string,
  pageSize: number,
  cursor: Key | undefined,
  now: Date,
) {
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
  const next = page.LastEvaluatedKey;
  return { step: { examined: page.ScannedCount ?? 0, removed, wrapped: !next }, next };
}

function readCursor(file: string | undefined): Key | undefined {
  if (!file) return undefined;
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { cursor?: Key };
    return saved.cursor && typeof saved.cursor === 'object' ? saved.cursor : undefined;
  } catch {
    return undefined; // none yet, or unreadable: start at the beginning
  }
}

export function ttlSweeper(doc: DynamoDBDocumentClient, tableName: string, options: SweeperOptions) {
  let cursor = readCursor(options.cursorFile);
  let running: Promise<SweepStep> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  /** The timer's next step, from where the last stopped; a step asked for while one runs is that one. */
  function step(now = options.now?.() ?? new Date()): Promise<SweepStep> {
    running ??= (async () => {
      try {
        const { step, next } = await sweepPage(doc, tableName, options.pageSize, cursor, now);
        cursor = next;
        // A key of the table: readable by this user only, as every file of the data folder.
        if (options.cursorFile)
          writeFileSync(options.cursorFile, JSON.stringify({ cursor: cursor ?? null }), { mode: 0o600 });
        return step;
      } finally {
        running = undefined;
      }
    })();
    return running;
  }

  function arm() {
    if (stopped || options.everyMs <= 0) return;
    timer = setTimeout(() => {
      step()
        .catch((error) => options.onError?.(error))
        .finally(arm);
    }, options.everyMs);
    timer.unref();
  }
  arm();

  /** Stops the timer and waits for the step in flight. */
  async function stop(): Promise<void> {
    stopped = true;
    if (timer) clearTimeout(timer);
    await running?.catch(() => undefined);
  }

  return { step, stop };
}
