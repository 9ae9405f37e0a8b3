// Port codes and MMSIs checked against kept reference data over HTTP, as an agent meets them:
// an unknown or look-alike UN/LOCODE is a 422 naming the field, an MMSI of another state than the
// flag is accepted with a warning the agent can act on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locodeEdition } from '#reference/un-locode.ts';
import { announcement, declaration } from '../support/fixtures.ts';
import { type TestSystem, startTestSystem } from '../support/runtime.ts';

let sys: TestSystem;
let agent: string;
let officer: string;

beforeAll(async () => {
  sys = await startTestSystem();
  agent = await sys.token({ role: 'agent', agentId: 'ACME-SHIPPING' });
  officer = await sys.token({ role: 'officer', port: 'CNTXG' });
});
afterAll(() => sys.stop());

describe('an announcement with port codes', () => {
  it.each([
    ['port', { port: 'CNAAZ' }, 'LOCODE_UNKNOWN', `CNAAZ is not in UN/LOCODE (${locodeEdition()})`],
    ['lastPort', { lastPort: 'KRPUX' }, 'LOCODE_UNKNOWN', `KRPUX is not in UN/LOCODE (${locodeEdition()})`],
    ['nextPort', { nextPort: 'JPY\u041EK' }, 'LOCODE_LOOKALIKE', 'U+041E is not a Latin letter or digit'],
    ['port', { port: '\uFF23\uFF2E\uFF34\uFF38\uFF27' }, 'LOCODE_LOOKALIKE', 'fullwidth or compatibility form of C'],
  ])('refuses %s %j with 422 naming the field', async (path, change, rule, message) => {
    const res = await sys.request('POST', '/v1/calls', { token: agent, body: { ...announcement(), ...change } });
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.body.error.details).toEqual([{ path, rule, message: expect.stringContaining(message) }]);
  });

  it('says it in Chinese when asked', async () => {
    const res = await sys.request('POST', '/v1/calls', {
      token: agent,
      headers: { 'accept-language': 'zh-CN' },
      body: { ...announcement(), lastPort: 'KRPUX' },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.details[0]).toMatchObject({ path: 'lastPort', message: expect.stringMatching(/KRPUX 不在/) });
  });
});

describe('an announcement whose MMSI belongs to another state than the flag', () => {
  it('is accepted with a warning that names the MID, its state and what to correct', async () => {
    const base = announcement();
    const res = await sys.request('POST', '/v1/calls', {
      token: agent,
      body: { ...base, vessel: { ...base.vessel, mmsi: '412345678', flag: 'PA' } },
    });
    expect(res.status).toBe(201);
    expect(res.body.warnings).toEqual([
      {
        path: 'vessel.mmsi',
        rule: 'MMSI_MID_NOT_FLAG',
        message: expect.stringMatching(
          /MID 412 belongs to China .*\(CN\), not to the flag PA: .*correct the MMSI or the flag/,
        ),
      },
    ]);
    // The call keeps it: the agent reading it later and the officer reviewing it see it too.
    for (const token of [agent, officer]) {
      const read = await sys.request('GET', `/v1/calls/${res.body.callId}`, { token });
      expect(read.body.warnings).toMatchObject([{ path: 'vessel.mmsi', rule: 'MMSI_MID_NOT_FLAG' }]);
    }
  });

  it('carries no warning when the MID is the flag state', async () => {
    const res = await sys.request('POST', '/v1/calls', { token: agent, body: announcement() });
    expect(res.status).toBe(201);
    expect(res.body.warnings).toBeUndefined();
  });
});

describe('an arrival declaration with port codes', () => {
  async function declare(change: Parameters<typeof declaration>[1]) {
    const call = announcement();
    const created = await sys.request('POST', '/v1/calls', { token: agent, body: call });
    return sys.request('PUT', `/v1/calls/${created.body.callId}/arrival`, {
      token: agent,
      body: declaration(call.eta, change),
    });
  }

  it('refuses an unknown port among the last ten ports of call, naming its place in the list', async () => {
    const res = await declare((d) => {
      d.general.lastPortsOfCall[1]!.port = 'JPYOX';
    });
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual([
      { path: 'general.lastPortsOfCall[1].port', rule: 'LOCODE_UNKNOWN', message: expect.stringContaining('JPYOX') },
    ]);
  });

  it('refuses a passenger embarked at a look-alike port and one disembarking at an unknown one', async () => {
    const passenger = {
      ref: 'P0001',
      familyName: 'SANTOS',
      givenNames: 'MARIA',
      nationality: 'PHL',
      gender: 'F',
      dateOfBirth: '1990-04-01',
      document: { type: 'PASSPORT', number: 'P1234567A', issuingState: 'PHL', expiry: '2033-06-30' },
      transit: false,
    };
    const res = await declare((d) => {
      d.general.passengerCount = 2;
      d.general.personsOnBoard += 2;
      d.passengers = [
        { ...passenger, portOfEmbarkation: 'SG\u0405IN' },
        { ...passenger, ref: 'P0002', portOfDisembarkation: 'CNTXX' },
      ] as never;
    });
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.body.error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'passengers[0].portOfEmbarkation', rule: 'LOCODE_LOOKALIKE' }),
        expect.objectContaining({ path: 'passengers[1].portOfDisembarkation', rule: 'LOCODE_UNKNOWN' }),
      ]),
    );
  });
});
