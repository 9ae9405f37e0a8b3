// Input a hostile or careless caller sends that is well-formed but cannot be true: dates no ship or
// device can have meant, names that hide or reorder text. Each is a 422 naming the field (a gangway
// event is rejected in its own result, as every bad event of a batch is), and nothing is kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postSigned, scan } from '#local/device-client.ts';
import { announcement, declaration } from '../support/fixtures.ts';
import { clearedCall, deviceAt } from '../support/flows.ts';
import { type TestSystem, startTestSystem } from '../support/runtime.ts';

let sys: TestSystem;
let agent: string;
let supervisor: string;
beforeAll(async () => {
  sys = await startTestSystem();
  agent = await sys.token({ role: 'agent', agentId: 'ODD-DATES' });
  supervisor = await sys.token({ role: 'supervisor', port: 'CNTXG' });
});
afterAll(() => sys.stop());

describe('implausible dates', () => {
  it('refuses a call announced with an ETA in 1900', async () => {
    const res = await sys.request('POST', '/v1/calls', {
      token: agent,
      body: announcement({ eta: '1900-01-01T06:00:00Z' }),
    });
    expect(res.status).toBe(422);
    expect(res.body.error.details).toContainEqual(expect.objectContaining({ path: 'eta', rule: 'ETA_IMPLAUSIBLE' }));
    expect((await sys.request('GET', '/v1/calls', { token: agent })).body.items).toEqual([]);
  });

  it('refuses an ATA of 1970 and keeps the call as it was', async () => {
    const callId = await clearedCall(sys, agent);
    const res = await sys.request('POST', `/v1/calls/${callId}/arrived`, {
      token: agent,
      body: { at: '1970-01-01T00:00:00Z' },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual([expect.objectContaining({ path: 'at', rule: 'MOVEMENT_BEFORE_CALL' })]);
    const call = (await sys.request('GET', `/v1/calls/${callId}`, { token: agent })).body;
    expect(call).toMatchObject({ status: 'ARRIVAL_CLEARED' });
    expect(call.ata).toBeUndefined();
  });

  it('records gangway captures from year 0001 and 2999 as attempts that move nobody', async () => {
    const callId = await clearedCall(sys, agent);
    const credentials = await deviceAt(sys, supervisor, callId);
    const events = [
      scan({
        callId,
        personRef: 'C01',
        direction: 'DISEMBARK',
        method: 'CARD',
        capturedAt: new Date('0001-01-01T00:00:00Z'),
      }),
      scan({
        callId,
        personRef: 'C02',
        direction: 'DISEMBARK',
        method: 'CARD',
        capturedAt: new Date('2999-01-01T00:00:00Z'),
      }),
      scan({ callId, personRef: 'C03', direction: 'DISEMBARK', method: 'CARD' }),
    ];
    const res = await postSigned(sys.url, credentials, { events });
    expect(res.status).toBe(202);
    // Recorded as attempts and alerted (clock skew), but they move nobody.
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
    const persons = (await sys.request('GET', `/v1/calls/${callId}/persons`, { token: supervisor })).body.persons;
    const stateOf = (ref: string) => persons.find((p: { ref: string }) => p.ref === ref)?.state;
    expect([stateOf('C01'), stateOf('C02')]).toEqual(['ON_BOARD', 'ON_BOARD']);
  });
});

describe('names with hidden characters', () => {
  it.each([
    ['a right-to-left override', 'HAI \u202eGNIX 7'],
    ['a zero-width space', 'HAI\u200b XING 7'],
    ['a control character', 'HAI XING\u0000 7'],
  ])('refuses a vessel name with %s as 422 naming vessel.name', async (_case, name) => {
    const a = announcement();
    const res = await sys.request('POST', '/v1/calls', { token: agent, body: { ...a, vessel: { ...a.vessel, name } } });
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual([
      expect.objectContaining({ path: 'vessel.name', rule: 'HIDDEN_CHARACTERS' }),
    ]);
  });

  it('refuses a crew member’s name with a bidi isolate as 422 naming that person', async () => {
    const a = announcement();
    const callId = (await sys.request('POST', '/v1/calls', { token: agent, body: a })).body.callId as string;
    const res = await sys.request('PUT', `/v1/calls/${callId}/arrival`, {
      token: agent,
      body: declaration(a.eta, (d) => {
        d.crew[1]!.familyName = 'SANTOS\u2067';
      }),
    });
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual([
      expect.objectContaining({ path: 'crew[1].familyName', rule: 'HIDDEN_CHARACTERS' }),
    ]);
  });
});
