// Throttling means what it means on AWS: each route has a limit shared by every caller (API
// Gateway's route throttle), so one busy caller slows the others on that route and no other route.
// Locally each caller also has a share: by address before anything is verified (invalid tokens and
// made-up device ids count), by identity after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { throttleOf } from '#functions/routes.ts';
import { ADDRESS_SHARE } from '#local/rate-limit.ts';
import { type TestSystem, startTestSystem } from '../support/runtime.ts';

const perCaller = { perSecond: 0.01, burst: 3 };

describe('a route’s limit, shared by all callers as on AWS', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    // The route table's limits, scaled down so a test can reach them; callers' shares out of the way.
    const scaled = (route: Parameters<typeof throttleOf>[0]) => ({ rate: 0.01, burst: throttleOf(route).burst / 25 });
    sys = await startTestSystem({ rateLimit: { perSecond: 1000, burst: 1000, perRoute: scaled } });
  });
  afterAll(() => sys.stop());

  it('answers 429 with Retry-After to every caller once the callers together used the route’s burst', async () => {
    // GET /v1/calls: 50/s, burst 100 on AWS; scaled here to a burst of 4.
    const busy = await sys.token({ role: 'agent', agentId: 'BUSY-AGENT' });
    const calm = await sys.token({ role: 'agent', agentId: 'CALM-AGENT' });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await sys.request('GET', '/v1/calls', { token: busy })).status);
    statuses.push((await sys.request('GET', '/v1/calls', { token: calm })).status);
    expect(statuses).toEqual([200, 200, 200, 200]);

    const refused = await sys.request('GET', '/v1/calls', { token: calm });
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringContaining('route') });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await sys.request('GET', '/v1/calls', { token: busy })).status).toBe(429);
  });

  it('leaves other routes alone', async () => {
    const officer = await sys.token({ role: 'officer', port: 'CNTXG' });
    expect((await sys.request('GET', '/v1/reviews', { token: officer })).status).toBe(200);
  });
});

describe('each caller’s share (embedded runtime only)', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await startTestSystem({ rateLimit: { ...perCaller, perRoute: () => ({ rate: 1000, burst: 1000 }) } });
  });
  afterAll(() => sys.stop());

  it('gives each verified caller its own share', async () => {
    const agent = await sys.token({ role: 'agent', agentId: 'EAGER-AGENT' });
    const other = await sys.token({ role: 'agent', agentId: 'PATIENT-AGENT' });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await sys.request('GET', '/v1/calls', { token: agent })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect((await sys.request('GET', '/v1/calls', { token: other })).status).toBe(200);
  });

  it('limits invalid bearer tokens by the address they come from', async () => {
    const statuses = new Set<number>();
    for (let i = 0; i <= perCaller.burst * ADDRESS_SHARE; i++) {
      statuses.add((await sys.request('GET', '/v1/calls', { token: `forged-${i}` })).status);
    }
    expect([...statuses]).toEqual([401, 429]);
  });
});

describe('device requests before their signature is checked', () => {
  let sys: TestSystem;
  beforeAll(async () => {
    sys = await startTestSystem({ rateLimit: { ...perCaller, perRoute: () => ({ rate: 1000, burst: 1000 }) } });
  });
  afterAll(() => sys.stop());

  it('are limited by address, whatever device id each one names', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= perCaller.burst * ADDRESS_SHARE; i++) {
      const res = await sys.request('POST', '/v1/gangway/events', {
        rawBody: '{}',
        headers: { 'x-device-id': `D${crypto.randomUUID()}`, 'x-timestamp': '0', 'x-signature': '0' },
      });
      statuses.push(res.status);
    }
    expect(statuses.at(0)).toBe(401);
    expect(statuses.at(-1)).toBe(429);
  });
});
