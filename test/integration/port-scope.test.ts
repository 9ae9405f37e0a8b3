// A supervisor acts for their own port: the AEO trust and watch-list entries a supervisor of
// another port (CNSHA) records never change the risk path of a call at CNTXG.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announcement, declaration } from '../support/fixtures.ts';
import { type TestSystem, startTestSystem } from '../support/runtime.ts';

let sys: TestSystem;
let tianjin: string;
let shanghai: string;
beforeAll(async () => {
  sys = await startTestSystem();
  tianjin = await sys.token({ role: 'supervisor', port: 'CNTXG' });
  shanghai = await sys.token({ role: 'supervisor', port: 'CNSHA' });
});
afterAll(() => sys.stop());

/** Announces and declares a call at CNTXG, and waits for its arrival clearance to settle. */
async function arrivalState(agentId: string, change?: Parameters<typeof declaration>[1]) {
  const agent = await sys.token({ role: 'agent', agentId });
  const a = announcement();
  const callId = (await sys.request('POST', '/v1/calls', { token: agent, body: a })).body.callId as string;
  const put = await sys.request('PUT', `/v1/calls/${callId}/arrival`, {
    token: agent,
    body: declaration(a.eta, change),
  });
  expect(put.status, JSON.stringify(put.body)).toBe(202);
  for (let i = 0; i < 300; i++) {
    const state = (await sys.request('GET', `/v1/calls/${callId}`, { token: agent })).body.arrival?.state;
    if (state === 'CLEARED' || state === 'IN_REVIEW') return state as string;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`the arrival of ${callId} never settled`);
}

const shipToShip = (d: Parameters<NonNullable<Parameters<typeof declaration>[1]>>[0]) => {
  d.security.shipToShipActivities = [
    { location: 'Bohai anchorage', at: new Date(Date.now() - 86_400_000).toISOString(), activity: 'bunkering' },
  ];
};

describe('AEO trust', () => {
  it('recorded by another port’s supervisor does not lighten a call at this port', async () => {
    const trust = await sys.request('PUT', '/v1/agents/EAST-LINES/trust', { token: shanghai, body: { aeo: true } });
    expect(trust.status).toBe(200);
    expect(trust.body).toMatchObject({ agentId: 'EAST-LINES', port: 'CNSHA', aeo: true });
    expect(await arrivalState('EAST-LINES', shipToShip)).toBe('IN_REVIEW');
  });

  it('recorded by this port’s supervisor does', async () => {
    await sys.request('PUT', '/v1/agents/NORTH-LINES/trust', { token: tianjin, body: { aeo: true } });
    expect(await arrivalState('NORTH-LINES', shipToShip)).toBe('CLEARED');
  });
});

describe('watch lists', () => {
  it('loaded by another port’s supervisor neither send this port’s calls to review nor show in its list', async () => {
    // C03 of the example crew sails on passport UKR FA778812.
    const entry = { kind: 'DOCUMENT', issuingState: 'UKR', number: 'FA778812', reason: 'reported stolen' };
    expect((await sys.request('PUT', '/v1/watchlist', { token: shanghai, body: { entries: [entry] } })).status).toBe(
      200,
    );
    expect(await arrivalState('WEST-LINES')).toBe('CLEARED');
    expect((await sys.request('GET', '/v1/watchlist', { token: tianjin })).body.items).toEqual([]);
    const theirs = (await sys.request('GET', '/v1/watchlist', { token: shanghai })).body.items;
    expect(theirs).toEqual([expect.objectContaining({ port: 'CNSHA', entry })]);
  });

  it('cannot be rewritten by another port’s supervisor', async () => {
    const ours = { kind: 'DOCUMENT', issuingState: 'PHL', number: 'SID0045521', reason: 'reported stolen' };
    await sys.request('PUT', '/v1/watchlist', { token: tianjin, body: { entries: [ours] } });
    const rewrite = { ...ours, reason: 'found again, no longer of interest' };
    await sys.request('PUT', '/v1/watchlist', { token: shanghai, body: { entries: [rewrite] } });
    const items = (await sys.request('GET', '/v1/watchlist', { token: tianjin })).body.items;
    expect(items).toEqual([expect.objectContaining({ port: 'CNTXG', entry: ours, loadedBy: 'supervisor-cntxg' })]);
    expect(await arrivalState('SOUTH-LINES')).toBe('IN_REVIEW');
  });
});
