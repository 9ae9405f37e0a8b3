// The largest legal declaration over HTTP on the embedded runtime (dynalite holds DynamoDB's
// 400 KB item limit): a cruise ship's 10,000 passengers are declared, cleared and read back whole.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passengersOf } from '#local/passenger-lists.ts';
import { announcement, declaration } from '../support/fixtures.ts';
import { type TestSystem, startTestSystem } from '../support/runtime.ts';
import { until } from '../support/wait.ts';

let sys: TestSystem;
let agent: string;

beforeAll(async () => {
  sys = await startTestSystem();
  agent = await sys.token({ role: 'agent', agentId: 'ACME-SHIPPING' });
});
afterAll(() => sys.stop());

const noise = (length: number) =>
  Array.from({ length }, () => 'abcdefghijklmnopqrstuvwxyz'[Math.floor(Math.random() * 26)]).join('');

async function cruiseCall(passengers: number, placesOfBirth: 'plain' | 'varied') {
  const a = announcement();
  const created = await sys.request('POST', '/v1/calls', { token: agent, body: a });
  expect(created.status).toBe(201);
  const d = declaration(a.eta, (d) => {
    d.passengers = passengersOf(passengers).map((p) =>
      placesOfBirth === 'varied' ? { ...p, placeOfBirth: `${noise(1).toUpperCase()}${noise(40)}` } : p,
    );
    d.general.passengerCount = passengers;
    d.general.personsOnBoard = d.crew.length + passengers;
  });
  return { callId: created.body.callId as string, d };
}

const callOf = async (callId: string) => (await sys.request('GET', `/v1/calls/${callId}`, { token: agent })).body;

describe('a cruise ship’s declaration', () => {
  it('of 2,800 passengers (590 KB, once a 500) is accepted and read back whole', async () => {
    const { callId, d } = await cruiseCall(2_800, 'plain');
    expect(JSON.stringify(d).length).toBeGreaterThan(400 * 1024);
    const res = await sys.request('PUT', `/v1/calls/${callId}/arrival`, { token: agent, body: d });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const back = await sys.request('GET', `/v1/calls/${callId}/arrival`, { token: agent });
    expect(back.body.declaration).toEqual(d);
  });

  it('sent twice at once in two versions keeps each accepted version whole, never a mix', async () => {
    // Prepare: two different split declarations for the same call
    const { callId, d } = await cruiseCall(8_000, 'varied');
    const other = structuredClone(d);
    other.passengers = other.passengers.map((p) => ({ ...p, placeOfBirth: `${noise(1).toUpperCase()}${noise(40)}` }));
    // Act: both at once
    const answers = await Promise.all(
      [d, other].map((body) => sys.request('PUT', `/v1/calls/${callId}/arrival`, { token: agent, body })),
    );
    // Assess: each is accepted or refused as a conflict, and what was accepted reads back as sent
    expect(answers.map((a) => a.status).every((s) => s === 202 || s === 409)).toBe(true);
    const accepted = answers.flatMap((a, i) =>
      a.status === 202 ? [{ version: a.body.version, sent: [d, other][i] }] : [],
    );
    expect(accepted.length).toBeGreaterThan(0);
    for (const { version, sent } of accepted) {
      const back = await sys.request('GET', `/v1/calls/${callId}/arrival?version=${version}`, { token: agent });
      expect(back.body.declaration).toEqual(sent);
    }
  }, 120_000);

  it('of 10,000 passengers is cleared on arrival and departure and read back whole', async () => {
    // Prepare: places of birth that compress badly, so the declaration is split over items
    const { callId, d } = await cruiseCall(10_000, 'varied');
    // Act
    const res = await sys.request('PUT', `/v1/calls/${callId}/arrival`, { token: agent, body: d });
    // Assess
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    await until(
      () => callOf(callId),
      (c) => c.status === 'ARRIVAL_CLEARED' || c.arrival?.state === 'FAILED',
      'arrival cleared',
      4_000,
    );
    expect((await callOf(callId)).status).toBe('ARRIVAL_CLEARED');
    const back = await sys.request('GET', `/v1/calls/${callId}/arrival`, { token: agent });
    expect(back.body.declaration).toEqual(d);

    expect((await sys.request('POST', `/v1/calls/${callId}/arrived`, { token: agent, body: {} })).status).toBe(200);
    const draft = await sys.request('GET', `/v1/calls/${callId}/departure`, { token: agent });
    expect(draft.status, JSON.stringify(draft.body).slice(0, 500)).toBe(200);
    expect(draft.body.draft.sailing).toHaveLength(10_003);
    const departure = await sys.request('PUT', `/v1/calls/${callId}/departure`, {
      token: agent,
      body: draft.body.draft,
    });
    expect(departure.status, JSON.stringify(departure.body)).toBe(202);
    const sailed = await until(
      () => callOf(callId),
      (c) => c.status === 'DEPARTURE_CLEARED' || ['FAILED', 'REVIEW'].includes(c.departure?.state),
      'departure cleared',
      4_000,
    );
    expect(sailed.status).toBe('DEPARTURE_CLEARED');
    const declared = await sys.request('GET', `/v1/calls/${callId}/departure?version=1`, { token: agent });
    expect(declared.body.declaration).toEqual(draft.body.draft);
    // Each screening iteration reads the 3 MB lists again: both clearances cut 10,003 persons
    // into at most 40 iterations, not a thousand of ten.
    const executions = sys.runtime.stepFunctions.executions().filter((e) => e.name.startsWith(callId));
    expect(executions.map((e) => e.name.split('-')[1])).toEqual(['arrival', 'departure']);
    for (const e of executions) expect(e.tasks, e.name).toBeLessThan(60);
  }, 300_000);
});
