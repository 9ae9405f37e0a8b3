// Each caller gets its share of requests; past it, 429 with Retry-After, and others are unaffected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestSystem, startTestSystem } from '../support/runtime.ts';

let sys: TestSystem;
beforeAll(async () => {
  sys = await startTestSystem({ rateLimit: { perSecond: 1, burst: 3 } });
});
afterAll(() => sys.stop());

describe('rate limits', () => {
  it('answers 429 with Retry-After once a caller has used its burst, and not to other callers', async () => {
    const agent = await sys.token({ role: 'agent', agentId: 'BUSY-AGENT' });
    const other = await sys.token({ role: 'agent', agentId: 'CALM-AGENT' });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await sys.request('GET', '/v1/calls', { token: agent })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await sys.request('GET', '/v1/calls', { token: agent });
    expect(refused.body.error.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await sys.request('GET', '/v1/calls', { token: other })).status).toBe(200);
  });
});
