// The embedded store's TTL: expired items go, eventually, and the sweep that finds them reads a
// bounded page a step, whatever the table holds, instead of the whole table each time.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  ScanCommand,
} from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type LocalStore, startStore } from '#local/store.ts';
import { type SweepStep, ttlSweeper } from '#local/store-ttl.ts';

const credentials = { accessKeyId: 'ttl-test', secretAccessKey: 'ttl-test' };
const TABLE = 'ttl-test';
const NOW = new Date('2027-06-01T00:00:00Z');
const epoch = (date: Date) => Math.floor(date.getTime() / 1000);

let store: LocalStore;
let doc: DynamoDBDocumentClient;
const dir = mkdtempSync(join(tmpdir(), 'three-zeros-ttl-'));

function clientOf(s: LocalStore) {
  return DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: s.endpoint,
      region: 'local',
      credentials,
      ...(s.requestHandler && { requestHandler: s.requestHandler }),
    }),
  );
}

beforeAll(async () => {
  store = await startStore({ tableName: TABLE, credentials, sweepEveryMs: 0, sweepPageSize: 7 });
  doc = clientOf(store);
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function emptyTable() {
  for (;;) {
    const page = await doc.send(new ScanCommand({ TableName: TABLE, ProjectionExpression: 'pk, sk' }));
    if (!page.Items?.length) return;
    for (const Key of page.Items) await doc.send(new DeleteCommand({ TableName: TABLE, Key }));
  }
}

/** 30 items, interleaved: every third expired, every third expiring tomorrow, every third with no TTL. */
async function thirtyItems() {
  const items = Array.from({ length: 30 }, (_, i) => ({
    pk: `ITEM#${String(i).padStart(2, '0')}`,
    sk: 'X',
    ...(i % 3 === 0 && { ttl: epoch(NOW) - 60 }),
    ...(i % 3 === 1 && { ttl: epoch(NOW) + 86_400 }),
  }));
  for (let i = 0; i < items.length; i += 25)
    await doc.send(
      new BatchWriteCommand({
        RequestItems: { [TABLE]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) },
      }),
    );
  return items;
}

const has = async (pk: string) =>
  Boolean((await doc.send(new GetCommand({ TableName: TABLE, Key: { pk, sk: 'X' } }))).Item);

beforeEach(emptyTable);

/** Steps from where the sweeper stands until it has reached the table's end. */
async function toTheEnd(step: (now: Date) => Promise<SweepStep>) {
  const steps: SweepStep[] = [];
  do steps.push(await step(NOW));
  while (!steps.at(-1)!.wrapped);
  return steps;
}

describe('the TTL sweeper', () => {
  it('deletes what expired and nothing else, a bounded page a step, starting over at the end', async () => {
    const items = await thirtyItems();

    // Act: steps until the sweep has read the whole table once.
    const steps = await toTheEnd(store.sweepStep!);

    // Assess: no step read more than its page, together they read every item once, and only the
    // expired ten are gone.
    expect(Math.max(...steps.map((s) => s.examined))).toBeLessThanOrEqual(7);
    expect(steps.reduce((n, s) => n + s.examined, 0)).toBe(30);
    expect(steps.reduce((n, s) => n + s.removed, 0)).toBe(10);
    for (const [i, item] of items.entries()) expect(await has(item.pk)).toBe(i % 3 !== 0);

    // The sweep starts over: an item expired since is found on the next pass.
    await doc.send(new PutCommand({ TableName: TABLE, Item: { pk: 'ITEM#00', sk: 'X', ttl: epoch(NOW) - 1 } }));
    const again = await toTheEnd(store.sweepStep!);
    expect(again.reduce((n, s) => n + s.removed, 0)).toBe(1);
    expect(await has('ITEM#00')).toBe(false);
  });

  it('keeps an item written again with a later TTL between reading the page and deleting it', async () => {
    await thirtyItems();
    // A client that, once a page is read, lets a handler rewrite the page's first expired item.
    let rewritten: string | undefined;
    const racing = {
      send: async (command: ScanCommand | DeleteCommand) => {
        const out = await doc.send(command as never);
        const first = (out as { Items?: { pk: string }[] }).Items?.[0];
        if (command instanceof ScanCommand && first && !rewritten) {
          rewritten = first.pk;
          await doc.send(new PutCommand({ TableName: TABLE, Item: { pk: first.pk, sk: 'X', ttl: epoch(NOW) + 60 } }));
        }
        return out;
      },
    } as unknown as DynamoDBDocumentClient;

    const steps = await toTheEnd(ttlSweeper(racing, TABLE, { pageSize: 7, everyMs: 0 }).step);

    expect(rewritten).toBeDefined();
    expect(await has(rewritten!)).toBe(true);
    expect(steps.reduce((n, s) => n + s.removed, 0)).toBe(9);
  });

  it('answers two steps asked for at once with one page, not the same page read twice', async () => {
    await thirtyItems();
    const sweeper = ttlSweeper(doc, TABLE, { pageSize: 7, everyMs: 0 });
    const [a, b] = await Promise.all([sweeper.step(NOW), sweeper.step(NOW)]);
    expect(a).toBe(b);
    const rest = await toTheEnd(sweeper.step);
    expect(a.examined + rest.reduce((n, s) => n + s.examined, 0)).toBe(30);
  });

  it('carries on after a restart from where it stopped, so a short run still reaches the table end', async () => {
    await thirtyItems();
    const cursorFile = join(dir, 'cursor.json');
    const before = ttlSweeper(doc, TABLE, { pageSize: 7, everyMs: 0, cursorFile });
    const read = [(await before.step(NOW)).examined, (await before.step(NOW)).examined];

    const after = ttlSweeper(doc, TABLE, { pageSize: 7, everyMs: 0, cursorFile });
    for (const step of await toTheEnd(after.step)) read.push(step.examined);

    expect(read.reduce((n, e) => n + e, 0)).toBe(30);
    // It holds a key of the table: this user's only, as every file of the data folder.
    expect(statSync(cursorFile).mode & 0o777).toBe(0o600);
  });

  it('steps on its timer one at a time until what expired is gone', async () => {
    await thirtyItems();
    let inFlight = 0;
    let most = 0;
    const counting = {
      send: async (command: never) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        try {
          return await doc.send(command);
        } finally {
          inFlight -= 1;
        }
      },
    } as unknown as DynamoDBDocumentClient;
    const sweeper = ttlSweeper(counting, TABLE, { pageSize: 7, everyMs: 1, now: () => NOW });
    try {
      await expect
        .poll(async () => (await doc.send(new ScanCommand({ TableName: TABLE }))).Count, { timeout: 5_000 })
        .toBe(20);
    } finally {
      await sweeper.stop();
    }
    expect(most).toBe(1);
  });
});

describe('a closed store', () => {
  it('refuses a request made after it closed instead of leaving it waiting', async () => {
    const other = await startStore({ tableName: TABLE, credentials, sweepEveryMs: 0 });
    const client = clientOf(other);
    await other.close();
    await expect(client.send(new GetCommand({ TableName: TABLE, Key: { pk: 'A', sk: 'X' } }))).rejects.toMatchObject({
      name: 'InternalServerError',
    });
  });
});
