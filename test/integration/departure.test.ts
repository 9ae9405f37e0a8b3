// Zero delay, over HTTP on the embedded runtime: the departure is cleared one-stop from what the
// system already holds, before ETD, and re-checked whenever that changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DeviceCredentials, postSigned, scan } from '#local/device-client.ts';
import { announcement, crewMember, declaration } from '../support/fixtures.ts';
import { type TestSystem, startTestSystem } from '../support/runtime.ts';

let sys: TestSystem;
let agent: string;
let otherAgent: string;
let officer: string;
let supervisor: string;

beforeAll(async () => {
  sys = await startTestSystem();
  agent = await sys.token({ role: 'agent', agentId: 'ACME-SHIPPING' });
  otherAgent = await sys.token({ role: 'agent', agentId: 'OTHER-AGENCY' });
  officer = await sys.token({ role: 'officer', port: 'CNTXG' });
  supervisor = await sys.token({ role: 'supervisor', port: 'CNTXG' });
});
afterAll(() => sys.stop());

const callOf = async (callId: string) => (await sys.request('GET', `/v1/calls/${callId}`, { token: agent })).body;

async function until(callId: string, test: (call: any) => boolean, what: string) {
  for (let i = 0; i < 300; i++) {
    const call = await callOf(callId);
    if (test(call)) return call;
    await new Promise((r) => setTimeout(r, 15));
  }
  throw new Error(`call never reached ${what}: ${JSON.stringify((await callOf(callId)).departure)}`);
}
const departureState = (callId: string, state: string) => until(callId, (c) => c.departure?.state === state, state);

/** A call in port, cleared on arrival with the example crew C01–C03, and a device at its gangway. */
async function callInPort() {
  const a = announcement();
  const callId = (await sys.request('POST', '/v1/calls', { token: agent, body: a })).body.callId as string;
  await sys.request('PUT', `/v1/calls/${callId}/arrival`, { token: agent, body: declaration(a.eta) });
  await until(callId, (c) => c.status === 'ARRIVAL_CLEARED', 'ARRIVAL_CLEARED');
  const arrived = await sys.request('POST', `/v1/calls/${callId}/arrived`, { token: agent, body: {} });
  expect(arrived.body.status).toBe('IN_PORT');
  const created = await sys.request('POST', '/v1/devices', {
    token: supervisor,
    body: { label: 'gangway', kind: 'FACE' },
  });
  await sys.request('POST', `/v1/devices/${created.body.deviceId}/assign`, { token: supervisor, body: { callId } });
  const device: DeviceCredentials = { deviceId: created.body.deviceId, key: created.body.key };
  return { callId, etd: a.etd, device };
}

async function declareDeparture(callId: string, change: (d: any) => void = () => undefined) {
  const draft = await sys.request('GET', `/v1/calls/${callId}/departure`, { token: agent });
  expect(draft.status).toBe(200);
  const body = structuredClone(draft.body.draft);
  change(body);
  const res = await sys.request('PUT', `/v1/calls/${callId}/departure`, { token: agent, body });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return res.body;
}

async function reviewOf(callId: string) {
  const res = await sys.request('GET', '/v1/reviews', { token: officer });
  return res.body.items.find((r: { callId: string; kind: string }) => r.callId === callId && r.kind === 'DEPARTURE');
}

describe('one-stop departure', () => {
  it('pre-fills the departure from the arrival lists', async () => {
    const { callId, etd } = await callInPort();
    const draft = await sys.request('GET', `/v1/calls/${callId}/departure`, { token: agent });
    expect(draft.body.draft).toEqual({
      sailing: ['C01', 'C02', 'C03'],
      signOn: [],
      signOff: [],
      etd,
      personsOnBoard: 3,
    });
  });

  it('clears at once, before ETD, when everyone is on board and all is clear', async () => {
    const { callId, etd } = await callInPort();
    await declareDeparture(callId);
    const call = await departureState(callId, 'CLEARED');
    expect(call.status).toBe('DEPARTURE_CLEARED');
    expect(Date.parse(call.departure.clearedAt)).toBeLessThan(Date.parse(etd));
    const permit = await sys.request('GET', `/v1/calls/${callId}/permits/departure`, { token: agent });
    expect(permit.body).toMatchObject({ kind: 'departure', issuedBy: 'system' });
    expect(
      sys.runtime.bus.recent().some((e) => e.detailType === 'DepartureCleared' && e.detail.callId === callId),
    ).toBe(true);

    const departed = await sys.request('POST', `/v1/calls/${callId}/departed`, { token: officer, body: {} });
    expect(departed.body.status).toBe('DEPARTED');
    const devices = await sys.request('GET', '/v1/devices', { token: supervisor });
    expect(devices.body.items.filter((d: { callId?: string }) => d.callId === callId)).toEqual([]);
  });

  it("releases on departure the ship's own devices only, also one that was moved to it from another ship", async () => {
    const ship = await callInPort();
    const other = await callInPort();
    const moved = await sys.request('POST', '/v1/devices', {
      token: supervisor,
      body: { label: 'moved', kind: 'CARD' },
    });
    const assign = (deviceId: string, callId: string) =>
      sys.request('POST', `/v1/devices/${deviceId}/assign`, { token: supervisor, body: { callId } });
    expect((await assign(moved.body.deviceId, other.callId)).status).toBe(200);
    expect((await assign(moved.body.deviceId, ship.callId)).status).toBe(200);
    // And one of the ship's own goes over to the other ship before it sails.
    expect((await assign(ship.device.deviceId, other.callId)).status).toBe(200);

    await declareDeparture(ship.callId);
    await departureState(ship.callId, 'CLEARED');
    expect((await sys.request('POST', `/v1/calls/${ship.callId}/departed`, { token: officer, body: {} })).status).toBe(
      200,
    );

    const devices = (await sys.request('GET', '/v1/devices', { token: supervisor })).body.items as {
      deviceId: string;
      callId?: string;
    }[];
    const callOfDevice = (id: string) => devices.find((d) => d.deviceId === id)?.callId;
    expect(callOfDevice(moved.body.deviceId)).toBeUndefined();
    expect(callOfDevice(ship.device.deviceId)).toBe(other.callId);
    expect(callOfDevice(other.device.deviceId)).toBe(other.callId);
  });

  it('sends a call with someone still ashore to review naming them, and clears once they board', async () => {
    const { callId, device } = await callInPort();
    await postSigned(sys.url, device, scan({ callId, personRef: 'C02', direction: 'DISEMBARK' }));
    await declareDeparture(callId);
    await departureState(callId, 'IN_REVIEW');
    const review = await reviewOf(callId);
    expect(review.reasons).toContainEqual(expect.objectContaining({ code: 'SAILING_PERSON_ASHORE', personRef: 'C02' }));

    await postSigned(sys.url, device, scan({ callId, personRef: 'C02', direction: 'BOARD' }));
    const call = await departureState(callId, 'CLEARED');
    expect(call.status).toBe('DEPARTURE_CLEARED');
    expect(await reviewOf(callId)).toBeUndefined();
  });

  it('suspends the permit when someone lands after it, and reviews the call again', async () => {
    const { callId, device } = await callInPort();
    await declareDeparture(callId);
    await departureState(callId, 'CLEARED');
    const permit = await sys.request('GET', `/v1/calls/${callId}/permits/departure`, { token: agent });

    await postSigned(sys.url, device, scan({ callId, personRef: 'C03', direction: 'DISEMBARK' }));
    const call = await departureState(callId, 'IN_REVIEW');
    expect(call.timeline.map((e: { action: string }) => e.action)).toContain('DEPARTURE_PERMIT_SUSPENDED');
    const verified = await sys.request('GET', `/v1/permits/verify/${permit.body.verificationCode}`);
    expect(verified.body).toMatchObject({ valid: false, status: 'SUSPENDED' });
    expect((await reviewOf(callId)).reasons).toContainEqual(expect.objectContaining({ personRef: 'C03' }));
    expect(
      sys.runtime.bus.recent().some((e) => e.detailType === 'DeparturePermitSuspended' && e.detail.callId === callId),
    ).toBe(true);
  });

  it('is blocked by an unresolved high alert, and clears when it is resolved', async () => {
    const { callId, device } = await callInPort();
    await postSigned(sys.url, device, scan({ callId, personRef: 'C01', direction: 'BOARD', livenessPassed: false }));
    await declareDeparture(callId);
    await departureState(callId, 'IN_REVIEW');
    expect((await reviewOf(callId)).reasons.map((r: { code: string }) => r.code)).toContain('UNRESOLVED_HIGH_ALERT');
    const alerts = await sys.request('GET', `/v1/alerts?callId=${callId}`, { token: officer });
    for (const alert of alerts.body.items) {
      await sys.request('POST', `/v1/alerts/${alert.alertId}/resolve`, {
        token: officer,
        body: { resolution: 'master identified in person' },
      });
    }
    await departureState(callId, 'CLEARED');
    const audit = await sys.request('GET', `/v1/audit/export?chain=${encodeURIComponent('PORT#CNTXG')}`, {
      token: officer,
    });
    expect(audit.body.entries).toContainEqual(
      expect.objectContaining({ action: 'ALERT_RESOLVED', reason: 'master identified in person' }),
    );
  });

  it('is held by an agency, and its release clears it', async () => {
    const { callId } = await callInPort();
    const hold = await sys.request('PUT', `/v1/calls/${callId}/agencies/customs`, {
      token: officer,
      body: { status: 'HOLD', note: 'duty unpaid' },
    });
    expect(hold.status).toBe(200);
    await declareDeparture(callId);
    await departureState(callId, 'IN_REVIEW');
    expect((await reviewOf(callId)).reasons).toContainEqual(
      expect.objectContaining({ code: 'AGENCY_HOLD', detail: 'customs holds the departure: duty unpaid' }),
    );
    await sys.request('PUT', `/v1/calls/${callId}/agencies/customs`, { token: officer, body: { status: 'CLEAR' } });
    await departureState(callId, 'CLEARED');
  });

  it('refuses an answer from an agency the port does not have, naming the ones it has', async () => {
    const { callId } = await callInPort();
    const res = await sys.request('PUT', `/v1/calls/${callId}/agencies/health`, {
      token: officer,
      body: { status: 'HOLD' },
    });
    expect(res.status).toBe(404);
    expect(res.body.error.details).toEqual([{ path: 'agency', message: 'must be one of customs, maritime-safety' }]);
    const agencies = await sys.request('GET', `/v1/calls/${callId}/agencies`, { token: agent });
    expect(agencies.body.agencies.map((a: { answer?: unknown }) => a.answer)).toEqual([undefined, undefined]);
  });

  it('keeps a held departure from being approved until the holding agency answers CLEAR', async () => {
    const { callId } = await callInPort();
    await sys.request('PUT', `/v1/calls/${callId}/agencies/maritime-safety`, {
      token: officer,
      body: { status: 'HOLD', note: 'port state control deficiency open' },
    });
    await declareDeparture(callId);
    await departureState(callId, 'IN_REVIEW');
    const review = await reviewOf(callId);
    const approve = await sys.request('POST', `/v1/reviews/${review.reviewId}/decision`, {
      token: officer,
      body: { decision: 'APPROVE' },
    });
    expect(approve.status).toBe(409);
    expect(approve.body.error.code).toBe('AGENCY_HOLD');
    expect(approve.body.error.details[0].path).toBe('agencies.maritime-safety');
    expect((await callOf(callId)).departure.state).toBe('IN_REVIEW');
    const agencies = await sys.request('GET', `/v1/calls/${callId}/agencies`, { token: officer });
    expect(agencies.body.holding).toEqual(['maritime-safety']);
    expect(agencies.body.agencies[1].answer).toMatchObject({ status: 'HOLD', recordedBy: expect.any(String) });
    await sys.request('PUT', `/v1/calls/${callId}/agencies/maritime-safety`, {
      token: officer,
      body: { status: 'CLEAR' },
    });
    await departureState(callId, 'CLEARED');
  });

  it('sends a sign-on who is on the watch list to review', async () => {
    await sys.request('PUT', '/v1/watchlist', {
      token: supervisor,
      body: {
        entries: [{ kind: 'DOCUMENT', issuingState: 'SGP', number: 'SIDC77000', reason: 'deserted another ship' }],
      },
    });
    const { callId, device } = await callInPort();
    await declareDeparture(callId, (d) => {
      d.signOn = [crewMember('C77')];
      d.travel = {
        onward: [],
        arrival: [{ ref: 'C77', mode: 'AIR', reference: 'SQ802', at: new Date().toISOString() }],
      };
      d.personsOnBoard = 4;
    });
    await postSigned(sys.url, device, scan({ callId, personRef: 'C77', direction: 'BOARD' }));
    await until(
      callId,
      (c) =>
        c.departure?.state === 'IN_REVIEW' &&
        c.departure.reasons.every((r: { code: string }) => r.code !== 'SIGN_ON_NOT_BOARDED'),
      'review of the sign-on',
    );
    const review = await reviewOf(callId);
    expect(review.reasons).toEqual([expect.objectContaining({ code: 'WATCH_LIST_HIT', personRef: 'C77' })]);
    const decided = await sys.request('POST', `/v1/reviews/${review.reviewId}/decision`, {
      token: officer,
      body: { decision: 'REJECT', reason: 'sign-on refused' },
    });
    expect(decided.status).toBe(200);
    const held = await departureState(callId, 'REJECTED');
    expect(held.status).toBe('IN_PORT');
  });

  it('takes an amendment as a new version, and refuses an inconsistent one with 422', async () => {
    const { callId, device } = await callInPort();
    await postSigned(sys.url, device, scan({ callId, personRef: 'C03', direction: 'DISEMBARK' }));
    await declareDeparture(callId);
    await departureState(callId, 'IN_REVIEW');
    const bad = await sys.request('PUT', `/v1/calls/${callId}/departure`, {
      token: agent,
      body: { sailing: ['C01', 'C02'], signOn: [], signOff: [], etd: (await callOf(callId)).etd, personsOnBoard: 3 },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((d: { rule: string }) => d.rule)).toEqual(
      expect.arrayContaining(['PERSON_UNACCOUNTED', 'PERSONS_ON_BOARD_MISMATCH']),
    );
    const amended = await declareDeparture(callId, (d) => {
      d.sailing = ['C01', 'C02'];
      d.signOff = ['C03'];
      d.travel = {
        onward: [{ ref: 'C03', mode: 'AIR', reference: 'PS506', at: new Date(Date.now() + 86_400_000).toISOString() }],
        arrival: [],
      };
      d.personsOnBoard = 2;
    });
    expect(amended.version).toBe(2);
    await departureState(callId, 'CLEARED');
  });

  it('keeps other agents out and refuses a departure before arrival clearance', async () => {
    const { callId } = await callInPort();
    expect((await sys.request('GET', `/v1/calls/${callId}/departure`, { token: otherAgent })).status).toBe(404);
    const draft = (await sys.request('GET', `/v1/calls/${callId}/departure`, { token: agent })).body.draft;
    expect((await sys.request('PUT', `/v1/calls/${callId}/departure`, { token: otherAgent, body: draft })).status).toBe(
      404,
    );
    expect((await sys.request('PUT', `/v1/calls/${callId}/departure`, { token: officer, body: draft })).status).toBe(
      403,
    );
    const a = announcement();
    const fresh = (await sys.request('POST', '/v1/calls', { token: agent, body: a })).body.callId;
    expect(
      (await sys.request('PUT', `/v1/calls/${fresh}/departure`, { token: agent, body: { ...draft, etd: a.etd } }))
        .status,
    ).toBe(409);
    expect((await sys.request('POST', `/v1/calls/${fresh}/departed`, { token: agent, body: {} })).status).toBe(409);
  });
});

describe('the three zeros, measured', () => {
  it('shows zero waiting and zero delay for a call cleared ahead, and ranks agents in CSV', async () => {
    const { callId, device } = await callInPort();
    await postSigned(sys.url, device, scan({ callId, personRef: 'C02', direction: 'DISEMBARK' }));
    await postSigned(sys.url, device, scan({ callId, personRef: 'C02', direction: 'BOARD' }));
    await declareDeparture(callId);
    await departureState(callId, 'CLEARED');

    const overview = await sys.request('GET', '/v1/ports/CNTXG/overview', { token: officer });
    expect(overview.status).toBe(200);
    const mine = overview.body.calls.find((c: { callId: string }) => c.callId === callId);
    // The agent's own ATA is a proposal: no waiting is measured until an officer confirms it.
    expect(mine).toMatchObject({ waitingMinutes: null, delayMinutes: 0, atRiskOfDelay: false });
    await sys.request('POST', `/v1/calls/${callId}/arrived`, { token: officer, body: {} });
    const confirmed = await sys.request('GET', '/v1/ports/CNTXG/overview', { token: officer });
    expect(confirmed.body.calls.find((c: { callId: string }) => c.callId === callId)).toMatchObject({
      waitingMinutes: 0,
    });
    expect(overview.body.figures.zeroDelayShare).toBe(1);
    expect(overview.body.figures.contactlessShare).toBeGreaterThan(0);
    expect(overview.body.countsByStatus.DEPARTURE_CLEARED).toBeGreaterThanOrEqual(1);

    const csv = await sys.request('GET', '/v1/ports/CNTXG/overview?format=csv', { token: officer });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const [header, ...rows] = (csv.body as string).trim().split('\n');
    expect(header).toMatch(/^rank,tied,agentId,measuredCalls,calls,zeroWaitingShare,zeroDelayShare/);
    expect(rows.some((r) => r.split(',')[2] === 'ACME-SHIPPING')).toBe(true);

    expect((await sys.request('GET', '/v1/ports/CNSHA/overview', { token: officer })).status).toBe(403);
    expect((await sys.request('GET', '/v1/ports/CNTXG/overview', { token: agent })).status).toBe(403);
  });

  it('keeps counting a ship once it has sailed, once however often its departure is recorded at the same moment', async () => {
    const { callId, device } = await callInPort();
    await postSigned(sys.url, device, scan({ callId, personRef: 'C01', direction: 'DISEMBARK' }));
    await postSigned(sys.url, device, scan({ callId, personRef: 'C01', direction: 'BOARD' }));
    await declareDeparture(callId);
    await departureState(callId, 'CLEARED');
    const before = (await sys.request('GET', '/v1/ports/CNTXG/overview', { token: officer })).body;

    const sailed = await Promise.all(
      [1, 2, 3].map(() => sys.request('POST', `/v1/calls/${callId}/departed`, { token: agent, body: {} })),
    );
    // One of them records it; the others find it recorded or lose the version race (409).
    expect(sailed.some((r) => r.status === 200)).toBe(true);
    expect(sailed.every((r) => r.status === 200 || r.status === 409)).toBe(true);

    const after = (await sys.request('GET', '/v1/ports/CNTXG/overview', { token: officer })).body;
    // Out of the list of ships about now, still in every figure, exactly once.
    expect(after.calls.some((c: { callId: string }) => c.callId === callId)).toBe(false);
    expect(after.figures.calls).toBe(before.figures.calls);
    expect(after.countsByStatus.DEPARTED ?? 0).toBe((before.countsByStatus.DEPARTED ?? 0) + 1);
    expect(after.figures.contactlessShare).toBe(before.figures.contactlessShare);
    const day = (await callOf(callId)).eta.slice(0, 10);
    expect(after.byDay.find((d: { day: string }) => d.day === day).calls).toBe(
      before.byDay.find((d: { day: string }) => d.day === day).calls,
    );
  });
});
