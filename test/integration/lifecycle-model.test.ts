// Model-based test of the call lifecycle over HTTP (fast-check commands): random sequences of
// agent, officer, device and clock actions against the embedded runtime, each followed by a check
// of what must always hold — the status is a lifecycle state, at most one valid permit per kind,
// a valid permit is for the version the call cleared, presence follows the accepted events, and the
// audit trail explains every status. MODEL_RUNS and MODEL_STEPS make it longer (default 200 × ≤ 30).
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRANSITIONS } from '#calls/lifecycle.ts';
import { type DeviceCredentials, postSigned } from '#local/device-client.ts';
import { brokenLink } from '#shared/audit.ts';
import { announcement, declaration } from '../support/fixtures.ts';
import { type TestSystem, startTestSystem } from '../support/runtime.ts';
import { until } from '../support/wait.ts';

const RUNS = Number(process.env.MODEL_RUNS ?? 200);
const STEPS = Number(process.env.MODEL_STEPS ?? 30);
const STATES = new Set(TRANSITIONS.flatMap((t) => [t.from, t.to]).filter(Boolean));
const PERSONS = ['C01', 'C02', 'C03'];

let sys: TestSystem;
let agent: string;
let officer: string;
let supervisor: string;

beforeAll(async () => {
  sys = await startTestSystem();
  agent = await sys.token({ role: 'agent', agentId: 'MODEL-AGENT' });
  officer = await sys.token({ role: 'officer', port: 'CNTXG', sub: 'officer-model' });
  supervisor = await sys.token({ role: 'supervisor', port: 'CNTXG' });
  await sys.request('PUT', '/v1/watchlist', {
    token: supervisor,
    body: { entries: [{ kind: 'DOCUMENT', issuingState: 'PHL', number: 'SID5555555', reason: 'model: stolen' }] },
  });
}, 60_000);
afterAll(() => sys.stop());

interface Model {
  callId: string;
  eta: string;
  etd: string;
  status: string;
  /** Every verification code this call has shown, per kind. */
  codes: { arrival: Set<string>; departure: Set<string> };
  /** The newest accepted capture per person. */
  newest: Map<string, { eventId: string; capturedAt: number; direction: 'BOARD' | 'DISEMBARK' }>;
  device?: DeviceCredentials;
  clock: number;
}

interface Real {
  callId: string;
}

type Command = fc.AsyncCommand<Model, Real>;

async function read(callId: string) {
  return (await sys.request('GET', `/v1/calls/${callId}`, { token: officer })).body;
}

/** What must hold whatever happened: checked after every command. */
async function checkInvariants(m: Model) {
  const call = await read(m.callId);
  expect(STATES.has(call.status), call.status).toBe(true);
  m.status = call.status;
  for (const kind of ['arrival', 'departure'] as const) {
    const permit = call.permits?.[kind];
    if (permit) m.codes[kind].add(permit.verificationCode);
    if (permit?.status === 'VALID') {
      expect(call[kind]?.state, `${kind} permit valid but clearance ${call[kind]?.state}`).toBe('CLEARED');
      expect(permit.version).toBe(call[kind].version);
    }
    let valid = 0;
    for (const code of m.codes[kind]) {
      const v = (await sys.request('GET', `/v1/permits/verify/${code}`)).body;
      if (v.status === 'VALID') valid += 1;
      if (call.status === 'CANCELLED' || call.status === 'REJECTED') expect(v.status).not.toBe('VALID');
    }
    expect(valid, `${kind}: valid codes`).toBeLessThanOrEqual(1);
  }
  expect(brokenLink(call.timeline)).toBeUndefined();
  for (let i = 1; i < call.timeline.length; i++)
    expect(call.timeline[i].fromStatus).toBe(call.timeline[i - 1].toStatus);
  expect(call.timeline.at(-1).toStatus).toBe(call.status);

  if (m.newest.size) {
    const persons = (await sys.request('GET', `/v1/calls/${m.callId}/persons`, { token: officer })).body.persons;
    for (const [ref, newest] of m.newest) {
      const p = persons.find((x: { ref: string }) => x.ref === ref);
      expect(p?.lastEvent?.eventId, `${ref} presence`).toBe(newest.eventId);
      expect(p.state).toBe(newest.direction === 'BOARD' ? 'ON_BOARD' : 'ASHORE');
    }
  }
}

const command = (name: string, can: (m: Model) => boolean, act: (m: Model) => Promise<void>): Command => ({
  check: can,
  async run(m) {
    await act(m);
    await checkInvariants(m);
  },
  toString: () => name,
});

const submitArrival = (variant: 'clean' | 'watchListed' | 'eta') =>
  command(
    `arrival(${variant})`,
    () => true,
    async (m) => {
      const d =
        variant === 'watchListed'
          ? declaration(m.eta, (x) => void (x.crew[1]!.document.number = 'SID5555555'))
          : declaration(m.eta);
      if (variant === 'eta') d.schedule = { eta: new Date(Date.parse(m.eta) + 3_600_000).toISOString() };
      const res = await sys.request('PUT', `/v1/calls/${m.callId}/arrival`, { token: agent, body: d });
      expect([202, 409], JSON.stringify(res.body)).toContain(res.status);
    },
  );

const decide = (decision: 'APPROVE' | 'REJECT' | 'REQUEST_AMENDMENT') =>
  command(
    `decide(${decision})`,
    (m) => m.status.endsWith('_REVIEW'),
    async (m) => {
      const call = await read(m.callId);
      const reviewId = call.arrival?.state === 'IN_REVIEW' ? call.arrival.reviewId : call.departure?.reviewId;
      if (!reviewId) return;
      // Refusing a whole ship on arrival is a supervisor's decision; an officer's answers 403.
      const res = await sys.request('POST', `/v1/reviews/${reviewId}/decision`, {
        token: decision === 'REJECT' ? supervisor : officer,
        body: { decision, reason: 'model decision' },
      });
      expect([200, 404, 409]).toContain(res.status);
    },
  );

const simple = (name: string, method: string, path: string, ok: number[]) =>
  command(
    name,
    () => true,
    async (m) => {
      const res = await sys.request(method, `/v1/calls/${m.callId}${path}`, { token: agent, body: {} });
      expect(ok, `${name}: ${JSON.stringify(res.body)}`).toContain(res.status);
      if (res.status === 409) expect(res.body.error.code).toMatch(/TRANSITION_NOT_ALLOWED|CONFLICT/);
    },
  );

// The clock moves on: the clearance runs until it rests (cleared, or waiting for an officer).
const settle = command(
  'settle',
  () => true,
  async (m) => {
    await until(
      () => read(m.callId),
      (c) => !['SUBMITTED', 'DEPARTURE_SUBMITTED'].includes(c.status) || c.arrival?.state === 'FAILED',
      'a resting state',
      80,
    ).catch(() => undefined); // still running after that: the next command meets it mid-way
  },
);

/** A movement of the ship, some time later: what was running has come to rest by then. */
const movement = (name: string, path: string, can: string[]) =>
  command(
    name,
    (m) => can.includes(m.status),
    async (m) => {
      await settle.run(m, { callId: m.callId });
      const res = await sys.request('POST', `/v1/calls/${m.callId}${path}`, { token: agent, body: {} });
      expect([200, 409], `${name}: ${JSON.stringify(res.body)}`).toContain(res.status);
      if (res.status === 409) expect(res.body.error.code).toBe('TRANSITION_NOT_ALLOWED');
    },
  );

const submitDeparture = command(
  'departure',
  (m) => ['IN_PORT', 'DEPARTURE_SUBMITTED', 'DEPARTURE_REVIEW', 'DEPARTURE_CLEARED'].includes(m.status),
  async (m) => {
    const draft = await sys.request('GET', `/v1/calls/${m.callId}/departure`, { token: agent });
    if (draft.status !== 200) return;
    const res = await sys.request('PUT', `/v1/calls/${m.callId}/departure`, { token: agent, body: draft.body.draft });
    expect([202, 409, 422], JSON.stringify(res.body)).toContain(res.status);
  },
);

const scanOf = (ref: string, direction: 'BOARD' | 'DISEMBARK', late: boolean) =>
  command(
    `scan(${ref} ${direction}${late ? ' late' : ''})`,
    (m) => ['IN_PORT', 'DEPARTURE_SUBMITTED', 'DEPARTURE_REVIEW', 'DEPARTURE_CLEARED'].includes(m.status),
    async (m) => {
      if (!m.device) {
        const created = await sys.request('POST', '/v1/devices', {
          token: supervisor,
          body: { label: 'model', kind: 'FACE' },
        });
        const assigned = await sys.request('POST', `/v1/devices/${created.body.deviceId}/assign`, {
          token: supervisor,
          body: { callId: m.callId },
        });
        if (assigned.status !== 200) return;
        m.device = { deviceId: created.body.deviceId, key: created.body.key };
      }
      // A device that buffered offline uploads an older capture late: it must not win over a newer one.
      m.clock += late ? -1_000 : 1_000;
      const capturedAt = Date.now() - 60_000 + m.clock;
      const event = {
        eventId: randomUUID(),
        callId: m.callId,
        personRef: ref,
        direction,
        method: 'CARD',
        capturedAt: new Date(capturedAt).toISOString(),
      };
      const res = await postSigned(sys.url, m.device, event);
      expect([202, 403, 409], JSON.stringify(res.body)).toContain(res.status);
      if (res.status === 202 && res.body.results?.[0]?.status === 'accepted') {
        const before = m.newest.get(ref);
        if (!before || capturedAt > before.capturedAt)
          m.newest.set(ref, { eventId: event.eventId, capturedAt, direction });
      }
    },
  );

const scans = fc
  .tuple(
    fc.constantFrom(...PERSONS),
    fc.constantFrom('BOARD', 'DISEMBARK') as fc.Arbitrary<'BOARD' | 'DISEMBARK'>,
    fc.boolean(),
  )
  .map(([ref, dir, late]) => scanOf(ref, dir, late));
// Repeated entries weigh the choice towards a call that gets somewhere: a cancel ends the story.
const commands = [
  fc.constant(submitArrival('clean')),
  fc.constant(submitArrival('clean')),
  fc.constantFrom('watchListed', 'eta').map(submitArrival),
  fc.constantFrom('APPROVE', 'APPROVE', 'REJECT', 'REQUEST_AMENDMENT').map(decide),
  fc.constant(settle),
  fc.constant(settle),
  fc.constant(movement('arrived', '/arrived', ['SUBMITTED', 'ARRIVAL_REVIEW', 'ARRIVAL_CLEARED'])),
  fc.constant(movement('arrived', '/arrived', ['SUBMITTED', 'ARRIVAL_CLEARED'])),
  fc.constant(simple('arrived (any time)', 'POST', '/arrived', [200, 409])),
  fc.constant(submitDeparture),
  fc.constant(submitDeparture),
  fc.constant(movement('departed', '/departed', ['DEPARTURE_SUBMITTED', 'DEPARTURE_REVIEW', 'DEPARTURE_CLEARED'])),
  fc.constant(simple('departed (any time)', 'POST', '/departed', [200, 409])),
  scans,
  scans,
  scans,
  // A cancel a quarter as often as the rest: it ends the story before the departure is reached.
  fc
    .constantFrom(true, false, false, false)
    .map((go) => (go ? simple('cancel', 'POST', '/cancel', [200, 409]) : settle)),
];

describe('the call lifecycle, model-based', () => {
  it(
    `holds its invariants over ${RUNS} random sequences of up to ${STEPS} actions`,
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.commands(commands, { maxCommands: STEPS, size: 'max' }), async (cmds) => {
          const a = announcement();
          const created = await sys.request('POST', '/v1/calls', { token: agent, body: a });
          expect(created.status).toBe(201);
          const model: Model = {
            callId: created.body.callId,
            eta: a.eta,
            etd: a.etd,
            status: 'DRAFT',
            codes: { arrival: new Set(), departure: new Set() },
            newest: new Map(),
            clock: 0,
          };
          await fc.asyncModelRun(() => ({ model, real: { callId: model.callId } }), cmds);
        }),
        { numRuns: RUNS },
      );
    },
    15 * 60_000,
  );
});
