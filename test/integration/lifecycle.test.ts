// The call's lifecycle over HTTP: what each state refuses, what permits say at the public check,
// schedule changes that are not errors, and races decided by the call's version check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRANSITIONS, allowedEvents } from '#calls/lifecycle.ts';
import { brokenLink } from '#shared/audit.ts';
import { announcement, declaration } from '../support/fixtures.ts';
import { type TestSystem, startTestSystem } from '../support/runtime.ts';
import { until } from '../support/wait.ts';

let sys: TestSystem;
let agent: string;
let officer: string;
let supervisor: string;

beforeAll(async () => {
  sys = await startTestSystem();
  agent = await sys.token({ role: 'agent', agentId: 'ACME-SHIPPING' });
  officer = await sys.token({ role: 'officer', port: 'CNTXG', sub: 'officer-wang' });
  supervisor = await sys.token({ role: 'supervisor', port: 'CNTXG' });
  const load = await sys.request('PUT', '/v1/watchlist', {
    token: supervisor,
    body: { entries: [{ kind: 'DOCUMENT', issuingState: 'PHL', number: 'SID7777777', reason: 'reported stolen' }] },
  });
  expect(load.status).toBe(200);
});
afterAll(() => sys.stop());

const callOf = async (callId: string) => (await sys.request('GET', `/v1/calls/${callId}`, { token: officer })).body;
const waitFor = (callId: string, test: (c: any) => boolean, what: string) => until(() => callOf(callId), test, what);
const verify = async (code: string) => (await sys.request('GET', `/v1/permits/verify/${code}`)).body;
const watchListed = (eta: string) => declaration(eta, (d) => void (d.crew[1]!.document.number = 'SID7777777'));

async function announced() {
  const a = announcement();
  const callId = (await sys.request('POST', '/v1/calls', { token: agent, body: a })).body.callId as string;
  return { callId, a };
}

async function inArrivalReview() {
  const { callId, a } = await announced();
  await sys.request('PUT', `/v1/calls/${callId}/arrival`, { token: agent, body: watchListed(a.eta) });
  const call = await waitFor(callId, (c) => c.arrival?.state === 'IN_REVIEW', 'arrival review');
  return { callId, a, reviewId: call.arrival.reviewId as string };
}

async function cleared() {
  const { callId, a } = await announced();
  await sys.request('PUT', `/v1/calls/${callId}/arrival`, { token: agent, body: declaration(a.eta) });
  const call = await waitFor(callId, (c) => c.status === 'ARRIVAL_CLEARED', 'ARRIVAL_CLEARED');
  return { callId, a, call };
}

/** What must hold of any call at rest: a lifecycle state, permits that agree with it, an unbroken trail. */
function expectExplained(call: any) {
  const states = new Set(TRANSITIONS.flatMap((t) => [t.from, t.to]).filter(Boolean));
  expect(states.has(call.status)).toBe(true);
  const arrival = call.permits?.arrival;
  if (arrival?.status === 'VALID') {
    expect([
      'ARRIVAL_CLEARED',
      'IN_PORT',
      'DEPARTURE_SUBMITTED',
      'DEPARTURE_REVIEW',
      'DEPARTURE_CLEARED',
      'DEPARTED',
    ]).toContain(call.status);
    expect(arrival.version).toBe(call.arrival.version);
  }
  expect(brokenLink(call.timeline)).toBeUndefined();
  // Every status the call has had was entered by an entry of the trail.
  for (const [i, entry] of call.timeline.entries()) {
    if (i > 0) expect(entry.fromStatus).toBe(call.timeline[i - 1].toStatus);
  }
  expect(call.timeline.at(-1).toStatus).toBe(call.status);
}

describe('what a state refuses', () => {
  it('refuses an arrival amendment and a cancel from a ship in port under departure review, and changes nothing', async () => {
    const { callId, a } = await cleared();
    await sys.request('POST', `/v1/calls/${callId}/arrived`, { token: agent, body: {} });
    // Customs holds the departure: it waits for an officer.
    await sys.request('PUT', `/v1/calls/${callId}/agencies/customs`, {
      token: officer,
      body: { status: 'HOLD', note: 'duty unpaid' },
    });
    const draft = (await sys.request('GET', `/v1/calls/${callId}/departure`, { token: agent })).body.draft;
    const put = await sys.request('PUT', `/v1/calls/${callId}/departure`, { token: agent, body: draft });
    expect(put.status).toBe(202);
    const before = await waitFor(callId, (c) => c.status === 'DEPARTURE_REVIEW', 'DEPARTURE_REVIEW');

    const amend = await sys.request('PUT', `/v1/calls/${callId}/arrival`, { token: agent, body: declaration(a.eta) });
    expect(amend.status).toBe(409);
    expect(amend.body.error).toMatchObject({
      code: 'TRANSITION_NOT_ALLOWED',
      state: 'DEPARTURE_REVIEW',
      event: 'SUBMIT_ARRIVAL',
      allowedEvents: allowedEvents('DEPARTURE_REVIEW'),
    });
    const cancel = await sys.request('POST', `/v1/calls/${callId}/cancel`, { token: agent, body: {} });
    expect(cancel.status).toBe(409);
    expect(cancel.body.error.state).toBe('DEPARTURE_REVIEW');

    const after = await callOf(callId);
    expect(after.status).toBe('DEPARTURE_REVIEW');
    expect(after.version).toBe(before.version);
    expect(after.arrival.version).toBe(1);
  });

  it('refuses a departure before the ship is in port', async () => {
    const { callId } = await cleared();
    const res = await sys.request('PUT', `/v1/calls/${callId}/departure`, {
      token: agent,
      body: {
        sailing: ['C01'],
        signOn: [],
        signOff: [],
        etd: new Date(Date.now() + 9 * 86_400_000).toISOString(),
        personsOnBoard: 1,
      },
    });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ state: 'ARRIVAL_CLEARED', event: 'SUBMIT_DEPARTURE' });
  });
});

describe('permits follow the lifecycle', () => {
  it('verifies REVOKED after the arrival is rejected, and the timeline says so', async () => {
    const { callId, reviewId } = await inArrivalReview();
    const decided = await sys.request('POST', `/v1/reviews/${reviewId}/decision`, {
      token: supervisor,
      body: { decision: 'REJECT', reason: 'stolen document confirmed' },
    });
    expect(decided.status).toBe(200);
    const call = await waitFor(callId, (c) => c.status === 'REJECTED', 'REJECTED');
    expect(call.permits?.arrival).toBeUndefined();
    expectExplained(call);
  });

  it('verifies REVOKED after a cleared call is cancelled', async () => {
    const { callId, call } = await cleared();
    const code = call.permits.arrival.verificationCode;
    expect(await verify(code)).toMatchObject({ status: 'VALID', valid: true, version: 1 });
    const cancel = await sys.request('POST', `/v1/calls/${callId}/cancel`, {
      token: agent,
      body: { reason: 'voyage cancelled' },
    });
    expect(cancel.status).toBe(200);
    expect(await verify(code)).toMatchObject({ status: 'REVOKED', valid: false });
    const after = await callOf(callId);
    expect(after.timeline.at(-1)).toMatchObject({ event: 'CANCEL', permits: { arrival: 'REVOKED' } });
    expectExplained(after);
  });

  it('verifies SUPERSEDED once a newer version is accepted, and the new version gets its own code', async () => {
    const { callId, a, call } = await cleared();
    const oldCode = call.permits.arrival.verificationCode;
    // The crew changes: the new version goes to review (a watch-listed document).
    const amend = await sys.request('PUT', `/v1/calls/${callId}/arrival`, { token: agent, body: watchListed(a.eta) });
    expect(amend.status).toBe(202);
    const inReview = await waitFor(callId, (c) => c.arrival?.state === 'IN_REVIEW', 'review of v2');
    expect(inReview.status).toBe('ARRIVAL_REVIEW');
    expect(await verify(oldCode)).toMatchObject({ status: 'SUPERSEDED', valid: false, version: 1 });
    await sys.request('POST', `/v1/reviews/${inReview.arrival.reviewId}/decision`, {
      token: officer,
      body: { decision: 'APPROVE', reason: 'checked' },
    });
    const again = await waitFor(callId, (c) => c.status === 'ARRIVAL_CLEARED', 'v2 cleared');
    expect(again.permits.arrival).toMatchObject({ version: 2, status: 'VALID' });
    expect(again.permits.arrival.verificationCode).not.toBe(oldCode);
    expect(await verify(oldCode)).toMatchObject({ status: 'SUPERSEDED', version: 1 });
    expect(await verify(again.permits.arrival.verificationCode)).toMatchObject({ status: 'VALID', version: 2 });
    expectExplained(again);
  });
});

describe('a change of date is not a declaration error', () => {
  it('keeps an officer-approved arrival cleared when its ETA moves by 3 h, and re-dates the permit', async () => {
    const { callId, a, reviewId } = await inArrivalReview();
    await sys.request('POST', `/v1/reviews/${reviewId}/decision`, {
      token: officer,
      body: { decision: 'APPROVE', reason: 'document checked with the issuing state' },
    });
    const approved = await waitFor(callId, (c) => c.status === 'ARRIVAL_CLEARED', 'approved');
    const code = approved.permits.arrival.verificationCode;
    const eta = new Date(Date.parse(a.eta) + 3 * 3_600_000).toISOString();
    const body = { ...watchListed(a.eta), schedule: { eta } };
    const res = await sys.request('PUT', `/v1/calls/${callId}/arrival`, { token: agent, body });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ version: 2, status: 'ARRIVAL_CLEARED' });

    const call = await callOf(callId);
    expect(call).toMatchObject({ status: 'ARRIVAL_CLEARED', eta, arrival: { version: 2, state: 'CLEARED' } });
    expect(call.permits.arrival).toMatchObject({ version: 2, status: 'VALID', verificationCode: code, eta });
    expect(call.timeline.at(-1)).toMatchObject({
      action: 'ARRIVAL_SCHEDULE_AMENDED',
      event: 'AMEND_ARRIVAL_SCHEDULE',
      permits: { arrival: 'REDATED' },
    });
    expect(await verify(code)).toMatchObject({ status: 'VALID', version: 2 });
    // Nobody had to decide the same finding again.
    const reviews = (await sys.request('GET', '/v1/reviews', { token: officer })).body.items;
    expect(reviews.filter((r: any) => r.callId === callId)).toEqual([]);
    expect(sys.runtime.stepFunctions.executions().filter((e) => e.name.startsWith(callId))).toHaveLength(1);
    expectExplained(call);
  });

  it('checks again when the new dates bring a finding the decision did not see', async () => {
    const { callId, a } = await cleared();
    // The ISSC expires a day after the original ETD; a week later it no longer covers the stay.
    const base = declaration(
      a.eta,
      (d) => void (d.security.isscValidUntil = new Date(Date.parse(a.etd) + 86_400_000).toISOString().slice(0, 10)),
    );
    // (the first version was the plain example; send the ISSC change as a full amendment first)
    await sys.request('PUT', `/v1/calls/${callId}/arrival`, { token: agent, body: base });
    await waitFor(callId, (c) => c.arrival?.version === 2 && c.status === 'ARRIVAL_CLEARED', 'v2 cleared');
    const etd = new Date(Date.parse(a.etd) + 7 * 86_400_000).toISOString();
    const res = await sys.request('PUT', `/v1/calls/${callId}/arrival`, {
      token: agent,
      body: { ...base, schedule: { etd } },
    });
    expect(res.status).toBe(202);
    const call = await waitFor(
      callId,
      (c) => c.arrival?.version === 3 && c.arrival.state === 'IN_REVIEW',
      'review of v3',
    );
    expect(call.arrival.reasons.map((r: any) => r.code)).toContain('ISSC_EXPIRED');
  });

  it("screens only the persons an amendment changed, carrying the others' findings", async () => {
    const { callId, a, reviewId } = await inArrivalReview();
    const body = watchListed(a.eta);
    body.crew[2]!.givenNames = 'Renamed';
    const res = await sys.request('PUT', `/v1/calls/${callId}/arrival`, { token: agent, body });
    expect(res.status).toBe(202);
    const call = await waitFor(
      callId,
      (c) => c.arrival?.version === 2 && c.arrival.state === 'IN_REVIEW',
      'review of v2',
    );
    expect(call.arrival).toMatchObject({ amendment: 'PERSONS', screen: [body.crew[2]!.ref] });
    expect(call.arrival.reasons).toEqual([expect.objectContaining({ code: 'WATCH_LIST_HIT', personRef: 'C02' })]);
    expect(call.arrival.reviewId).not.toBe(reviewId);
  });
});

describe('races decided by the call version', () => {
  it('never issues a permit for a superseded version when an approval and an amendment arrive at once', async () => {
    for (let i = 0; i < 20; i++) {
      const { callId, a, reviewId } = await inArrivalReview();
      const amended = watchListed(a.eta);
      amended.general.cargoSummary = `amended ${i}`;
      const [decision, amendment] = await Promise.all([
        sys.request('POST', `/v1/reviews/${reviewId}/decision`, {
          token: officer,
          body: { decision: 'APPROVE', reason: 'ok' },
        }),
        sys.request('PUT', `/v1/calls/${callId}/arrival`, { token: agent, body: amended }),
      ]);
      expect([200, 409]).toContain(decision.status);
      expect(amendment.status).toBe(202);
      // Whichever came first, version 2 is what counts now, and it is under review again.
      const call = await waitFor(
        callId,
        (c) => c.arrival?.version === 2 && c.arrival.state === 'IN_REVIEW',
        'v2 in review',
      );
      expect(call.status).toBe('ARRIVAL_REVIEW');
      // If the approval cleared version 1 first, its permit is superseded: none is valid.
      const permit = call.permits?.arrival;
      if (permit) expect(permit).toMatchObject({ version: 1, status: 'SUPERSEDED' });
      expectExplained(call);
    }
  });

  it('leaves a cancelled call with no valid permit when the cancel races the clearance', async () => {
    for (let i = 0; i < 20; i++) {
      const { callId, a } = await announced();
      await sys.request('PUT', `/v1/calls/${callId}/arrival`, { token: agent, body: declaration(a.eta) });
      const cancel = await sys.request('POST', `/v1/calls/${callId}/cancel`, {
        token: agent,
        body: { reason: `race ${i}` },
      });
      expect(cancel.status).toBe(200);
      // Let the workflow finish whatever it was doing.
      await until(
        async () => sys.runtime.stepFunctions.executions().filter((e) => e.name.startsWith(callId)),
        (xs) => xs.every((x) => x.status !== 'RUNNING'),
        'executions done',
      );
      const call = await callOf(callId);
      expect(call.status).toBe('CANCELLED');
      const permit = call.permits?.arrival;
      if (permit) {
        expect(permit.status).toBe('REVOKED');
        expect((await verify(permit.verificationCode)).status).toBe('REVOKED');
      }
      expectExplained(call);
    }
  });
});
