// Past capacity the gateway sheds load instead of slowing everyone down: a burst of gangway
// events beyond the route's in-flight limit and queue gets 503 with Retry-After, and every event
// is stored exactly once after the devices retry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postSigned, scan } from '#local/device-client.ts';
import { dynamoGangwayStore } from '#gangway/store.ts';
import { api, callAtGangway, tokens } from '../../bench/scenario.ts';
import { type TestSystem, startTestSystem } from '../support/runtime.ts';

let sys: TestSystem;
beforeAll(async () => {
  sys = await startTestSystem({ admission: { inFlight: 2, queue: 2, retryAfterSeconds: 2 } });
});
afterAll(() => sys.stop());

describe('admission control', () => {
  it('answers a burst past capacity with 503 and Retry-After, and loses no event once devices retry', async () => {
    // Prepare: a ship in port with three crew and a device at its gangway.
    const g = await callAtGangway(sys.runtime, api(sys.url), await tokens(sys.runtime), 3, 1);
    const start = Date.now() - 3_600_000;
    const events = Array.from({ length: 40 }, (_, i) =>
      scan({
        callId: g.callId,
        personRef: g.refs[i % 3]!,
        direction: Math.floor(i / 3) % 2 ? 'BOARD' : 'DISEMBARK',
        capturedAt: new Date(start + i * 1000),
      }),
    );

    // Act: all at once.
    const first = await Promise.all(events.map((e) => postSigned(sys.url, g.device, e)));

    // Assess: some in, the rest refused whole with the error shape and a time to come back.
    const refused = first.flatMap((res, i) => (res.status === 503 ? [i] : []));
    expect(first.filter((r) => r.status === 202).length).toBeGreaterThanOrEqual(4);
    expect(refused.length).toBeGreaterThan(0);
    expect(first.every((r) => r.status === 202 || r.status === 503)).toBe(true);
    expect(first[refused[0]!]!.body.error).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(refused.every((i) => first[i]!.retryAfter === 2)).toBe(true);

    // The refused ones had done nothing: sent again one at a time, each is new, none a duplicate.
    for (const i of refused) {
      const retry = await postSigned(sys.url, g.device, events[i]!);
      expect(retry.status).toBe(202);
      expect(retry.body).toMatchObject({ accepted: 1, duplicates: 0 });
    }
    expect(await dynamoGangwayStore.countEvents(g.callId)).toBe(40);
  });
});
