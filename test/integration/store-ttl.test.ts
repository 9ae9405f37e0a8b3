// The embedded store's TTL: expired items go, eventually, and the sweep that finds them reads a
// bounded page a step, whatever the table holds, instead of the whole table each time.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStore, startStore } from '#local/store.ts';

const credentials = { accessKeyId: 'ttl-test', secretAccessKey: 'ttl-test' };
const TABLE = 'ttl-test';
const NOW = new Date('2027-06-01T00:00:00Z');
const epoch = (date: Date) => Math.floor(date.getTime() / 1000);

let store: LocalStore;
let doc: DynamoDBDocumentClient;

beforeAll(async () => {
  store = await startStore({ tableName: TABLE, credentials, sweepEveryMs: 0, sweepPageSize: 7 });
  doc = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: store.endpoint,
      region: 'local',
      credentials,
      ...(store.requestHandler && { requestHandler: store.requestHandler }),
    }),
  );
});
afterAll(() => store.close());

async function putAll(items: Record<string, unknown>[]) {
  for (let i = 0; i < items.length; i += 25)
    await doc.send(
      new BatchWriteCommand({
        RequestItems: { [TABLE]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) },
      }),
    );
}

const has = async (pk: string) =>
  Boolean((await doc.send(new GetCommand({ TableName: TABLE, Key: { pk, sk: 'X' } }))).Item);

describe('the TTL sweeper', () => {
  it('deletes what expired and nothing else, a bounded page a step, starting over at the end', async () => {
    // Prepare: 10 expired, 10 expiring later, 10 with no TTL, interleaved.
    const items = Array.from({ length: 30 }, (_, i) => ({
      pk: `ITEM#${String(i).padStart(2, '0')}`,
      sk: 'X',
      ...(i % 3 === 0 && { ttl: epoch(NOW) - 60 }),
      ...(i % 3 === 1 && { ttl: epoch(NOW) + 86_400 }),
    }));
    await putAll(items);

    // Act: steps until the sweep has read the whole table once.
    const steps = [];
    do steps.push(await store.sweepStep!(NOW));
    while (!steps.at(-1)!.wrapped);

    // Assess: no step read more than its page, together they read every item once, and only the
    // expired ten are gone.
    expect(Math.max(...steps.map((s) => s.examined))).toBeLessThanOrEqual(7);
    expect(steps.reduce((n, s) => n + s.examined, 0)).toBe(30);
    expect(steps.reduce((n, s) => n + s.removed, 0)).toBe(10);
    for (const [i, item] of items.entries()) expect(await has(item.pk)).toBe(i % 3 !== 0);

    // The sweep starts over: an item expired since is found on the next pass.
    await doc.send(new PutCommand({ TableName: TABLE, Item: { pk: 'ITEM#00', sk: 'X', ttl: epoch(NOW) - 1 } }));
    let removed = 0;
    for (;;) {
      const step = await store.sweepStep!(NOW);
      removed += step.removed;
      if (step.wrapped) break;
    }
    expect(removed).toBe(1);
    expect(await has('ITEM#00')).toBe(false);
  });

  it('sweeps the whole table at once when asked, and leaves an item written again with a later TTL', async () => {
    await putAll([
      { pk: 'AGAIN#1', sk: 'X', ttl: epoch(NOW) - 5 },
      { pk: 'AGAIN#2', sk: 'X', ttl: epoch(NOW) - 5 },
    ]);
    await doc.send(new PutCommand({ TableName: TABLE, Item: { pk: 'AGAIN#2', sk: 'X', ttl: epoch(NOW) + 5 } }));
    expect(await store.sweepExpired(NOW)).toBe(1);
    expect([await has('AGAIN#1'), await has('AGAIN#2')]).toEqual([false, true]);
  });
});
