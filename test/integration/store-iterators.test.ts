// A port runs the embedded store for weeks: every query must let go of the LevelDB iterator it
// read through, or the store's memory grows with each one until the machine runs out.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announcement } from '../support/fixtures.ts';
import { startTestSystem, type TestSystem } from '../support/runtime.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'three-zeros-iterators-'));
let sys: TestSystem;
beforeAll(async () => {
  sys = await startTestSystem({ dataDir });
});
afterAll(async () => {
  await sys.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the embedded store', () => {
  it('holds no iterator open once the queries that read through them are answered', async () => {
    // Prepare: a few calls, so lists have pages and stop before their end.
    const agent = await sys.token({ role: 'agent', agentId: 'ACME-SHIPPING' });
    for (let i = 0; i < 3; i++)
      expect(
        (await sys.request('POST', '/v1/calls', { token: agent, body: announcement({ daysAhead: i + 1 }) })).status,
      ).toBe(201);

    // Act: whole lists and first pages, many at once.
    const lists = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        sys.request('GET', i % 2 ? '/v1/calls?limit=1' : '/v1/calls', { token: agent }),
      ),
    );

    // Assess: every list answered, and the store holds no iterator open.
    expect(lists.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(lists[1]!.body.items).toHaveLength(1);
    expect(lists[0]!.body.items).toHaveLength(3);
    const memory = await sys.runtime.storeMemory!();
    expect(memory.openIterators).toBe(0);
  });
});
