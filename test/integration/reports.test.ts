// Figures that cannot be gamed, over HTTP on the embedded runtime: the agent's ATA/ATD are
// proposals, an officer or the port feed confirms them, and only confirmed calls reach the
// quarterly report and its public page and CSV.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announcement, declaration } from '../support/fixtures.ts';
import { callUntil } from '../support/poll.ts';
import { type TestSystem, startTestSystem } from '../support/runtime.ts';

let sys: TestSystem;
let agent: string;
let officer: string;

beforeAll(async () => {
  process.env.RANKING_MIN_CALLS = '1';
  sys = await startTestSystem();
  agent = await sys.token({ role: 'agent', agentId: 'MEASURED-AGENCY' });
  officer = await sys.token({ role: 'officer', port: 'CNTXG', sub: 'officer-wang' });
});
afterAll(async () => {
  await sys.stop();
  delete process.env.RANKING_MIN_CALLS;
});

const callOf = async (callId: string) => (await sys.request('GET', `/v1/calls/${callId}`, { token: agent })).body;

const until = (callId: string, test: (call: any) => boolean, what: string) => callUntil(sys, agent, callId, test, what);

const quarterOf = (iso: string) => `${iso.slice(0, 4)}Q${Math.floor(Number(iso.slice(5, 7)) / 3 - 1 / 3) + 1}`;

async function report(quarter: string) {
  const res = await sys.request('GET', `/v1/reports/clearance-times?quarter=${quarter}`, { token: officer });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

describe('figures that cannot be gamed', () => {
  it('counts a call only once an officer and the port feed have confirmed its ATA and ATD', async () => {
    const a = announcement();
    const quarter = quarterOf(a.eta);
    const callId = (await sys.request('POST', '/v1/calls', { token: agent, body: a })).body.callId as string;
    await sys.request('PUT', `/v1/calls/${callId}/arrival`, { token: agent, body: declaration(a.eta) });
    await until(callId, (c) => c.status === 'ARRIVAL_CLEARED', 'ARRIVAL_CLEARED');

    const proposedAta = new Date(Date.now() - 60_000).toISOString();
    const proposed = await sys.request('POST', `/v1/calls/${callId}/arrived`, {
      token: agent,
      body: { at: proposedAta },
    });
    expect(proposed.body.ataRecord).toMatchObject({ source: 'AGENT', confirmed: false });
    const before = await report(quarter);
    expect(before.agents.find((x: { agentId: string }) => x.agentId === 'MEASURED-AGENCY')).toMatchObject({
      measuredCalls: 0,
      rank: null,
      meanClearanceMinutes: null,
      unranked: 'nothing measured',
    });

    // After the arrival clearance: the ship did not wait.
    const correctedAta = new Date().toISOString();
    const confirmed = await sys.request('POST', `/v1/calls/${callId}/arrived`, {
      token: officer,
      body: { at: correctedAta },
    });
    expect(confirmed.body.ataRecord).toMatchObject({
      at: correctedAta,
      source: 'OFFICER',
      confirmed: true,
      proposed: proposedAta,
    });
    expect(confirmed.body.status).toBe('IN_PORT');
    const regamed = await sys.request('POST', `/v1/calls/${callId}/arrived`, {
      token: agent,
      body: { at: new Date().toISOString() },
    });
    expect(regamed.status).toBe(409);
    expect(regamed.body.error.details[0].path).toBe('at');

    const draft = await sys.request('GET', `/v1/calls/${callId}/departure`, { token: agent });
    await sys.request('PUT', `/v1/calls/${callId}/departure`, { token: agent, body: draft.body.draft });
    await until(callId, (c) => c.status === 'DEPARTURE_CLEARED', 'DEPARTURE_CLEARED');
    await sys.request('POST', `/v1/calls/${callId}/departed`, { token: agent, body: {} });
    const fed = await sys.request('POST', `/v1/calls/${callId}/departed`, {
      token: officer,
      body: { source: 'PORT_FEED' },
    });
    expect(fed.status).toBe(200);
    expect(fed.body.atdRecord).toMatchObject({ source: 'PORT_FEED', confirmed: true });
    expect((await callOf(callId)).timeline.at(-1)).toMatchObject({ event: 'CONFIRM_DEPARTURE_TIME' });

    const after = await report(quarter);
    expect(after.agents.find((x: { agentId: string }) => x.agentId === 'MEASURED-AGENCY')).toMatchObject({
      measuredCalls: 1,
      rank: expect.any(Number),
      meanClearanceMinutes: 0,
      confirmedBy: { OFFICER: 0, PORT_FEED: 1 },
    });
    expect(after.ports.map((p: { port: string }) => p.port)).toEqual(['CNTXG']);
    expect(after.allPorts.measuredCalls).toBeGreaterThanOrEqual(1);

    // Public: no token, nothing personal, the same figure.
    const published = await sys.request('GET', `/v1/public/clearance-times?quarter=${quarter}`);
    expect(published.status).toBe(200);
    expect(published.body.agents).toContainEqual(
      expect.objectContaining({ agentId: 'MEASURED-AGENCY', measuredCalls: 1, meanClearanceMinutes: 0 }),
    );
    expect(JSON.stringify(published.body)).not.toMatch(/officer-wang|callId|vessel/);
    const csv = await sys.request('GET', `/v1/public/clearance-times?quarter=${quarter}&format=csv`);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.body as string).toMatch(/,MEASURED-AGENCY,1,0,0\n/);
    const page = await sys.request('GET', `/v1/public/clearance-times?quarter=${quarter}&format=html`);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.body as string).toContain('<td>MEASURED-AGENCY</td>');
  });

  it('answers a malformed quarter with 400 naming the field, and keeps the officers’ report from agents', async () => {
    const bad = await sys.request('GET', '/v1/public/clearance-times?quarter=2026-4');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('query.quarter');
    const asAgent = await sys.request('GET', '/v1/reports/clearance-times?quarter=2026Q4', { token: agent });
    expect(asAgent.status).toBe(403);
  });
});
