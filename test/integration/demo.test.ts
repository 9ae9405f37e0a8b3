// The demo day (`npm run seed`, `npm start -- --demo`): a port as an officer would find it, made
// through the API, and seeded once only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clock } from '#shared/clock.ts';
import { DEMO_PORT, seedDemo } from '#local/demo.ts';
import { type TestSystem, startTestSystem } from '../support/runtime.ts';

let sys: TestSystem;
let officer: string;
beforeAll(async () => {
  sys = await startTestSystem();
  officer = await sys.token({ role: 'officer', port: DEMO_PORT });
});
afterAll(() => sys.stop());

describe('demo day', () => {
  it('fills the port with ships sailed, in port, departing and expected, and gives the clock back', async () => {
    const before = Date.now();
    expect(await seedDemo(sys.runtime)).toEqual({ seeded: true, calls: 13 });
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1_000);
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(before);

    const calls = (await sys.request('GET', '/v1/calls?limit=100', { token: officer })).body.items as {
      status: string;
    }[];
    const byStatus: Record<string, number> = {};
    for (const c of calls) byStatus[c.status] = (byStatus[c.status] ?? 0) + 1;
    expect(byStatus).toEqual({
      DEPARTED: 3,
      DEPARTURE_CLEARED: 1,
      IN_PORT: 3,
      ARRIVAL_CLEARED: 3,
      ARRIVAL_REVIEW: 2,
      DRAFT: 1,
    });

    const reviews = (await sys.request('GET', '/v1/reviews', { token: officer })).body.items as {
      reasons: { code: string }[];
    }[];
    expect(reviews.flatMap((r) => r.reasons.map((x) => x.code)).sort()).toEqual(['STOWAWAYS', 'WATCH_LIST_HIT']);
    const alerts = (await sys.request('GET', '/v1/alerts', { token: officer })).body.items as {
      rule: string;
      personRef: string;
      callId: string;
    }[];
    const missing = alerts.filter((a) => a.rule === 'PERSON_MISSING');
    expect(
      alerts
        .filter((a) => a.rule !== 'PERSON_MISSING')
        .map((a) => `${a.rule} ${a.personRef}`)
        .sort(),
    ).toEqual(['LOW_MATCH X42', 'NOT_ON_LIST X42']);
    // The ship an officer let sail with crew still ashore reports them missing, and no other ship does.
    expect(missing.length).toBeGreaterThan(0);
    expect(new Set(missing.map((a) => a.callId)).size).toBe(1);

    // The figures read like a port's: one ship waited for a late declaration; every ship sailed on time.
    const overview = (await sys.request('GET', `/v1/ports/${DEMO_PORT}/overview`, { token: officer })).body;
    expect(overview.figures.zeroWaitingShare).toBeGreaterThan(0.8);
    expect(overview.figures.zeroWaitingShare).toBeLessThan(1);
    expect(overview.figures.zeroDelayShare).toBe(1);
    expect(overview.figures.reviewsOpened).toBe(4);
  });

  it('seeds nothing into a port that already has calls', async () => {
    expect(await seedDemo(sys.runtime)).toEqual({ seeded: false, calls: 0 });
    const calls = (await sys.request('GET', '/v1/calls?limit=100', { token: officer })).body.items;
    expect(calls).toHaveLength(13);
  });
});
