// Idempotency-Key under concurrency and reuse: one effect, the first answer or 409 in progress, never a 5xx.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announcement, declaration } from '../support/fixtures.ts';
import { type TestSystem, startTestSystem } from '../support/runtime.ts';

let sys: TestSystem;
let acme: string;

beforeAll(async () => {
  // Admission control would shed part of a 50-request burst with 503 (tested on its own): here the
  // requests must all reach the idempotency layer.
  sys = await startTestSystem({ admission: false });
  acme = await sys.token({ role: 'agent', agentId: 'ACME-SHIPPING' });
});
afterAll(() => sys.stop());

async function callsOfVoyage(voyage: string) {
  const list = await sys.request('GET', '/v1/calls?limit=100', { token: acme });
  return list.body.items.filter((c: { voyage: string }) => c.voyage === voyage);
}

describe('Idempotency-Key', () => {
  it('gives 50 identical creates sent at once exactly one call, and no 5xx', async () => {
    const payload = announcement();
    const headers = { 'idempotency-key': `burst-${payload.voyage}` };
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => sys.request('POST', '/v1/calls', { token: acme, body: payload, headers })),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    const created = answers.filter((a) => a.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((a) => a.body.callId)).size).toBe(1);
    for (const busy of answers.filter((a) => a.status === 409)) {
      expect(busy.body.error.code).toBe('IDEMPOTENCY_IN_PROGRESS');
      expect(Number(busy.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(await callsOfVoyage(payload.voyage)).toHaveLength(1);
    // A retry after the burst gets the first answer.
    const retry = await sys.request('POST', '/v1/calls', { token: acme, body: payload, headers });
    expect(retry.status).toBe(201);
    expect(retry.body.callId).toBe(created[0]!.body.callId);
  });

  it('refuses a key reused on another path with 422 naming the key, and leaves that call untouched', async () => {
    const first = announcement();
    const second = announcement();
    const c1 = (await sys.request('POST', '/v1/calls', { token: acme, body: first })).body.callId;
    const c2 = (await sys.request('POST', '/v1/calls', { token: acme, body: second })).body.callId;
    const headers = { 'idempotency-key': `arrival-${c1}` };
    const body = declaration(first.eta);
    const ok = await sys.request('PUT', `/v1/calls/${c1}/arrival`, { token: acme, body, headers });
    expect(ok.status).toBe(202);
    const crossed = await sys.request('PUT', `/v1/calls/${c2}/arrival`, { token: acme, body, headers });
    expect(crossed.status).toBe(422);
    expect(crossed.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(crossed.body.error.details[0].path).toBe('headers.idempotency-key');
    const untouched = await sys.request('GET', `/v1/calls/${c2}`, { token: acme });
    expect(untouched.body.status).toBe('DRAFT');
    expect(untouched.body.arrival).toBeUndefined();
  });

  it('refuses a key reused with another method on the same path', async () => {
    const a = announcement();
    const callId = (await sys.request('POST', '/v1/calls', { token: acme, body: a })).body.callId;
    const headers = { 'idempotency-key': `method-${callId}` };
    const put = await sys.request('PUT', `/v1/calls/${callId}/arrival`, {
      token: acme,
      body: declaration(a.eta),
      headers,
    });
    expect(put.status).toBe(202);
    const cancel = await sys.request('POST', `/v1/calls/${callId}/cancel`, { token: acme, body: {}, headers });
    expect(cancel.status).toBe(422);
    expect(cancel.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('answers 20 identical arrival submissions sent at once with one version', async () => {
    const a = announcement();
    const callId = (await sys.request('POST', '/v1/calls', { token: acme, body: a })).body.callId;
    const headers = { 'idempotency-key': `arrival-burst-${callId}` };
    const body = declaration(a.eta);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        sys.request('PUT', `/v1/calls/${callId}/arrival`, { token: acme, body, headers }),
      ),
    );
    expect(answers.filter((r) => r.status >= 500)).toEqual([]);
    expect(answers.every((r) => r.status === 202 || r.status === 409)).toBe(true);
    const call = await sys.request('GET', `/v1/calls/${callId}`, { token: acme });
    expect(call.body.arrival.version).toBe(1);
  });
});
