// Hostile input on every route: whatever the body, query or path holds, the answer is a 4xx with
// the error shape — never a 500 — and a refused write leaves nothing behind.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeList } from '#functions/routes.ts';
import { type TestSystem, startTestSystem } from '../support/runtime.ts';

let sys: TestSystem;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  sys = await startTestSystem();
  tokens.agent = await sys.token({ role: 'agent', agentId: 'FUZZ-AGENT' });
  tokens.officer = await sys.token({ role: 'officer', port: 'CNTXG' });
  tokens.supervisor = await sys.token({ role: 'supervisor', port: 'CNTXG' });
});
afterAll(() => sys.stop());

const segment = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('C01KB0000000000000000000000', '..', '%00', 'CNTXG', "' OR 1=1"),
);
const jsonish = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.string({ maxLength: 200 }),
  fc.constant('{"__proto__":{"x":1}}'),
);

describe('hostile input on every route', () => {
  const jwtRoutes = routeList.filter((r) => r.roles !== 'public' && !r.roles.includes('device'));

  it.each(jwtRoutes.map((r) => [`${r.method} ${r.path}`, r] as const))('%s never answers 5xx', async (_name, route) => {
    const token = route.roles.includes('agent')
      ? tokens.agent
      : route.roles.includes('supervisor')
        ? tokens.supervisor
        : tokens.officer;
    await fc.assert(
      fc.asyncProperty(
        segment,
        jsonish,
        fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 20 }), { maxKeys: 3 }),
        async (param, body, query) => {
          const path = route.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(param) || 'x');
          const qs = new URLSearchParams(query).toString();
          const res = await sys.request(route.method, `${path}${qs ? `?${qs}` : ''}`, {
            token,
            ...(route.method !== 'GET' && { rawBody: typeof body === 'string' ? body : JSON.stringify(body) }),
          });
          expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
          if (res.status >= 400)
            expect(res.body.error).toEqual(
              expect.objectContaining({ code: expect.any(String), details: expect.any(Array) }),
            );
        },
      ),
      { numRuns: 25 },
    );
  });

  it('answers any window of instants on the overview, from year 1 to 2999 in either order, with 200 or a 400 naming it', async () => {
    const instant = fc
      .date({
        min: new Date('0001-01-01T00:00:00.000Z'),
        max: new Date('2999-12-31T23:59:59.999Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString());
    await fc.assert(
      fc.asyncProperty(fc.option(instant), fc.option(instant), async (from, to) => {
        const qs = new URLSearchParams({ ...(from && { from }), ...(to && { to }) }).toString();
        const res = await sys.request('GET', `/v1/ports/CNTXG/overview${qs ? `?${qs}` : ''}`, {
          token: tokens.officer,
        });
        const effectiveFrom = from ?? new Date(Date.now() - 30 * 86_400_000).toISOString();
        const effectiveTo = to ?? new Date(Date.now() + 14 * 86_400_000).toISOString();
        if (effectiveFrom <= effectiveTo) expect(res.status, JSON.stringify(res.body)).toBe(200);
        else {
          expect(res.status).toBe(400);
          expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual([to ? 'query.to' : 'query.from']);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('stores no call from any refused announcement', async () => {
    const list = await sys.request('GET', '/v1/calls?limit=100', { token: tokens.agent });
    // Random bodies never make a valid announcement; anything stored would be a partial record.
    expect(list.body.items).toEqual([]);
  });
});
