// Port calls over HTTP on the embedded runtime, as agents and officers use them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokenLink } from '#shared/audit.ts';
import { announcement } from '../support/fixtures.ts';
import { type TestSystem, startTestSystem } from '../support/runtime.ts';

let sys: TestSystem;
let acme: string;
let other: string;
let officer: string;
let officerElsewhere: string;

beforeAll(async () => {
  sys = await startTestSystem();
  acme = await sys.token({ role: 'agent', agentId: 'ACME-SHIPPING' });
  other = await sys.token({ role: 'agent', agentId: 'OTHER-AGENCY' });
  officer = await sys.token({ role: 'officer', port: 'CNTXG' });
  officerElsewhere = await sys.token({ role: 'officer', port: 'CNSHA' });
});
afterAll(() => sys.stop());

async function announce(token = acme, body: unknown = announcement()) {
  const res = await sys.request('POST', '/v1/calls', { token, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.callId as string;
}

describe('announcing a port call', () => {
  it('creates a draft call the agent can read back with its timeline', async () => {
    const payload = announcement();
    const res = await sys.request('POST', '/v1/calls', { token: acme, body: payload });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'DRAFT', version: 1 });
    expect(res.headers.get('location')).toBe(`/v1/calls/${res.body.callId}`);

    const read = await sys.request('GET', `/v1/calls/${res.body.callId}`, { token: acme });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      callId: res.body.callId,
      agentId: 'ACME-SHIPPING',
      status: 'DRAFT',
      vessel: payload.vessel,
      port: 'CNTXG',
      eta: payload.eta,
    });
    expect(read.body.timeline).toHaveLength(1);
    expect(read.body.timeline[0]).toMatchObject({
      action: 'CALL_ANNOUNCED',
      toStatus: 'DRAFT',
      actor: { role: 'agent', id: 'ACME-SHIPPING' },
    });
  });

  it('answers 400 naming each malformed field', async () => {
    const res = await sys.request('POST', '/v1/calls', {
      token: acme,
      body: {
        ...announcement(),
        vessel: { ...announcement().vessel, imo: '94123', mmsi: 'abc' },
        eta: 'tomorrow',
        surprise: true,
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const paths = res.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['vessel.imo', 'vessel.mmsi', 'eta', 'surprise']));
  });

  it('answers 400 for a body that is not JSON', async () => {
    const res = await sys.request('POST', '/v1/calls', { token: acme, rawBody: '{"vessel":' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/not valid JSON/);
  });

  it('answers 422 for a wrong IMO check digit, an unknown flag and ETD before ETA', async () => {
    const base = announcement();
    const res = await sys.request('POST', '/v1/calls', {
      token: acme,
      body: { ...base, vessel: { ...base.vessel, imo: '9412348', flag: 'XX' }, etd: base.eta },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual(
      expect.arrayContaining([
        { path: 'vessel.imo', rule: 'IMO_CHECK_DIGIT', message: expect.stringMatching(/check digit/) },
        { path: 'vessel.flag', rule: 'FLAG_UNKNOWN', message: expect.stringMatching(/ISO 3166/) },
        { path: 'etd', rule: 'ETD_NOT_AFTER_ETA', message: expect.stringMatching(/after the arrival/) },
      ]),
    );
  });

  it('answers rule violations and structural errors in Chinese when asked', async () => {
    const base = announcement();
    const headers = { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' };
    const rule = await sys.request('POST', '/v1/calls', {
      token: acme,
      headers,
      body: { ...base, vessel: { ...base.vessel, imo: '9412348' } },
    });
    expect(rule.status).toBe(422);
    expect(rule.body.error.details).toEqual([
      { path: 'vessel.imo', rule: 'IMO_CHECK_DIGIT', message: 'IMO 编号校验位不正确' },
    ]);
    const { voyage: _v, ...missing } = base;
    const shape = await sys.request('POST', '/v1/calls', { token: acme, headers, body: missing });
    expect(shape.status).toBe(400);
    expect(shape.body.error.details[0]).toMatchObject({
      path: 'voyage',
      message: expect.stringMatching(/[\u4e00-\u9fff]/),
    });
  });

  it('refuses the same voyage announced twice with 409 naming the existing call', async () => {
    const payload = announcement();
    const first = await announce(acme, payload);
    const again = await sys.request('POST', '/v1/calls', { token: acme, body: payload });
    expect(again.status).toBe(409);
    expect(again.body.error.details[0]).toMatchObject({ path: 'voyage', message: expect.stringContaining(first) });
  });

  it('creates one call for the same Idempotency-Key sent twice', async () => {
    const payload = announcement();
    const headers = { 'idempotency-key': `create-${payload.voyage}` };
    const first = await sys.request('POST', '/v1/calls', { token: acme, body: payload, headers });
    const second = await sys.request('POST', '/v1/calls', { token: acme, body: payload, headers });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.callId).toBe(first.body.callId);
    const list = await sys.request('GET', '/v1/calls?limit=100', { token: acme });
    expect(list.body.items.filter((c: { voyage: string }) => c.voyage === payload.voyage)).toHaveLength(1);
  });

  it('refuses an Idempotency-Key reused with another body', async () => {
    const headers = { 'idempotency-key': 'reused-key' };
    await sys.request('POST', '/v1/calls', { token: acme, body: announcement(), headers });
    const res = await sys.request('POST', '/v1/calls', { token: acme, body: announcement(), headers });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('keeps idempotency keys apart between agents', async () => {
    const headers = { 'idempotency-key': 'same-key-two-agents' };
    const a = await sys.request('POST', '/v1/calls', { token: acme, body: announcement(), headers });
    const b = await sys.request('POST', '/v1/calls', { token: other, body: announcement(), headers });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body.callId).not.toBe(a.body.callId);
  });
});

describe('who sees what', () => {
  it('answers 401 without a token and with a forged one', async () => {
    expect((await sys.request('GET', '/v1/calls')).status).toBe(401);
    const forged = `${acme.slice(0, -4)}AAAA`;
    const res = await sys.request('GET', '/v1/calls', { token: forged });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ message: 'Unauthorized' });
  });

  it("answers 404 for another agent's call, as for a missing one", async () => {
    const callId = await announce();
    const res = await sys.request('GET', `/v1/calls/${callId}`, { token: other });
    expect(res.status).toBe(404);
    const cancel = await sys.request('POST', `/v1/calls/${callId}/cancel`, { token: other, body: {} });
    expect(cancel.status).toBe(404);
  });

  it("lists only the agent's own calls", async () => {
    await announce(other);
    const res = await sys.request('GET', '/v1/calls?limit=100', { token: acme });
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items.every((c: { agentId: string }) => c.agentId === 'ACME-SHIPPING')).toBe(true);
  });

  it("lets an officer read and list their port's calls but not another port's", async () => {
    const callId = await announce();
    expect((await sys.request('GET', `/v1/calls/${callId}`, { token: officer })).status).toBe(200);
    expect((await sys.request('GET', `/v1/calls/${callId}`, { token: officerElsewhere })).status).toBe(404);
    const mine = await sys.request('GET', '/v1/calls?status=DRAFT&limit=100', { token: officer });
    expect(mine.body.items.map((c: { callId: string }) => c.callId)).toContain(callId);
    const theirs = await sys.request('GET', '/v1/calls?limit=100', { token: officerElsewhere });
    expect(theirs.body.items).toEqual([]);
  });

  it('does not let an officer announce or cancel calls', async () => {
    const callId = await announce();
    expect((await sys.request('POST', '/v1/calls', { token: officer, body: announcement() })).status).toBe(403);
    expect((await sys.request('POST', `/v1/calls/${callId}/cancel`, { token: officer, body: {} })).status).toBe(403);
  });
});

describe('listing', () => {
  it('pages through calls in ETA order with nextToken', async () => {
    const agent = await sys.token({ role: 'agent', agentId: 'PAGING-AGENT' });
    for (const days of [9, 3, 6, 4, 8]) await announce(agent, announcement({ daysAhead: days }));
    const seen: string[] = [];
    let nextToken: string | undefined;
    do {
      const res = await sys.request('GET', `/v1/calls?limit=2${nextToken ? `&nextToken=${nextToken}` : ''}`, {
        token: agent,
      });
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((c: { eta: string }) => c.eta));
      nextToken = res.body.nextToken;
    } while (nextToken);
    expect(seen).toHaveLength(5);
    expect([...seen].sort()).toEqual(seen);
  });

  it('answers 400 for a nextToken from another listing and for a bad limit', async () => {
    const forged = Buffer.from(
      JSON.stringify({ gsi3pk: 'AGENT#OTHER-AGENCY', gsi3sk: 'x', pk: 'x', sk: 'x' }),
    ).toString('base64url');
    const res = await sys.request('GET', `/v1/calls?nextToken=${forged}`, { token: acme });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('query.nextToken');
    const limit = await sys.request('GET', '/v1/calls?limit=1000', { token: acme });
    expect(limit.status).toBe(400);
    expect(limit.body.error.details[0].path).toBe('query.limit');
  });
});

describe('page tokens', () => {
  it('answers 400, not 500, to a crafted token naming the caller’s own listing', async () => {
    // DynamoDB refuses this start key ("starting key is invalid"): it lacks the table's keys.
    const crafted = Buffer.from(JSON.stringify({ gsi3pk: 'AGENT#ACME-SHIPPING', gsi3sk: 'x' })).toString('base64url');
    const res = await sys.request('GET', `/v1/calls?nextToken=${crafted}`, { token: acme });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ path: 'query.nextToken', message: 'is not a token from this listing' }]);
  });

  it('answers 400 to a token it issued once its start key is changed', async () => {
    const agent = await sys.token({ role: 'agent', agentId: 'TAMPER-AGENT' });
    for (const days of [3, 4]) await announce(agent, announcement({ daysAhead: days }));
    const first = await sys.request('GET', '/v1/calls?limit=1', { token: agent });
    const [payload, mac] = String(first.body.nextToken).split('.');
    const key = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8'));
    const changed = Buffer.from(JSON.stringify({ ...key, gsi3sk: 'CALL#0' })).toString('base64url');
    const res = await sys.request('GET', `/v1/calls?limit=1&nextToken=${changed}.${mac}`, { token: agent });
    expect(res.status).toBe(400);
    const honest = await sys.request('GET', `/v1/calls?limit=1&nextToken=${first.body.nextToken}`, { token: agent });
    expect(honest.status).toBe(200);
    expect(honest.body.items).toHaveLength(1);
  });
});

describe('cancelling', () => {
  it('cancels a draft call, records why, and treats a repeat as done', async () => {
    const callId = await announce();
    const res = await sys.request('POST', `/v1/calls/${callId}/cancel`, {
      token: acme,
      body: { reason: 'voyage omitted' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'CANCELLED', version: 2, cancelReason: 'voyage omitted' });
    const again = await sys.request('POST', `/v1/calls/${callId}/cancel`, { token: acme });
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(2);

    const read = await sys.request('GET', `/v1/calls/${callId}`, { token: acme });
    expect(read.body.timeline.map((e: { action: string }) => e.action)).toEqual(['CALL_ANNOUNCED', 'CALL_CANCELLED']);
    expect(brokenLink(read.body.timeline)).toBeUndefined();
  });

  it('frees the voyage so it can be announced again', async () => {
    const payload = announcement();
    const callId = await announce(acme, payload);
    await sys.request('POST', `/v1/calls/${callId}/cancel`, { token: acme });
    const again = await sys.request('POST', '/v1/calls', { token: acme, body: payload });
    expect(again.status).toBe(201);
  });

  it('answers 400 for a malformed call id', async () => {
    const res = await sys.request('POST', '/v1/calls/not-an-id/cancel', { token: acme });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('path.callId');
  });
});

describe('platform', () => {
  it('answers health without a token', async () => {
    const res = await sys.request('GET', '/v1/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
  });

  it('serves an OpenAPI 3.1 document covering every route', async () => {
    const res = await sys.request('GET', '/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/v1/calls', '/v1/calls/{callId}', '/v1/calls/{callId}/cancel', '/v1/health']),
    );
    expect(res.body.paths['/v1/calls'].post.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/CallAnnouncement',
    });
    expect(res.body.components.schemas.Vessel.properties.imo.pattern).toBe('^\\d{7}$');
  });

  it('answers 404 with the error shape for an unknown route', async () => {
    const res = await sys.request('GET', '/v1/nothing');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });

  it('refuses a body over the size limit with 413', async () => {
    const res = await sys.request('POST', '/v1/calls', { token: acme, rawBody: `"${'x'.repeat(5_300_000)}"` });
    expect(res.status).toBe(413);
  });
});
