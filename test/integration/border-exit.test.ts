// Exit control and need to know, over HTTP on the embedded runtime: everyone sailing re-screened
// against the watch list as it stands at departure, persons missing once the ship has sailed,
// a landing racing the recorded departure, and what an agent can and cannot read.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postSigned, scan } from '#local/device-client.ts';
import {
  type Actors,
  actors,
  alertsOf,
  borderOf,
  callReader,
  declareDeparture,
  pilotRequest,
  portCall,
  presenceOf,
} from '../support/port-call.ts';
import { announcement } from '../support/fixtures.ts';
import { type TestSystem, startTestSystem } from '../support/runtime.ts';
import { until } from '../support/wait.ts';

let sys: TestSystem;
let who: Actors;
let read: (callId: string) => Promise<any>;

beforeAll(async () => {
  sys = await startTestSystem();
  who = await actors(sys);
  read = callReader(sys, who.officer);
});
afterAll(() => sys.stop());

const randomName = () =>
  Array.from({ length: 8 }, () => String.fromCharCode(66 + Math.floor(Math.random() * 24))).join('');
const departureIs = (callId: string, state: string) =>
  until(
    () => read(callId),
    (c) => c.departure?.state === state,
    `departure ${state}`,
  );
const reviewOf = async (callId: string, kind: string) =>
  (await sys.request('GET', '/v1/reviews', { token: who.officer })).body.items.find(
    (r: { callId: string; kind: string }) => r.callId === callId && r.kind === kind,
  );

describe('exit control', () => {
  it('re-screens everyone sailing against an entry added while the ship was in port, look-alike spelling and all', async () => {
    const family = `${randomName()}A`;
    const { callId } = await portCall(sys, who, {
      change: (d) => {
        d.crew[1]!.familyName = family;
      },
    });
    // Entered with a Cyrillic А where the crew list has a Latin A.
    const lookAlike = `${family.slice(0, -1)}\u0410`;
    await sys.request('PUT', '/v1/watchlist', {
      token: who.supervisor,
      body: {
        entries: [
          {
            kind: 'PERSON',
            familyName: lookAlike,
            givenNames: 'Mark Anthony',
            dateOfBirth: '1984-09-30',
            reason: 'interpol notice',
          },
        ],
      },
    });
    await declareDeparture(sys, who.agent, callId);
    await departureIs(callId, 'IN_REVIEW');
    const review = await reviewOf(callId, 'DEPARTURE');
    expect(review.reasons).toContainEqual(expect.objectContaining({ code: 'WATCH_LIST_HIT', personRef: 'C02' }));
    // The agent learns that an officer is reviewing, not who hit the list or why.
    const asAgent = await sys.request('GET', `/v1/calls/${callId}`, { token: who.agent });
    expect(asAgent.body.status).toBe('DEPARTURE_REVIEW');
    expect(JSON.stringify(asAgent.body)).not.toMatch(/WATCH_LIST_HIT|interpol/);
  });

  it('needs an officer who names a person not back on board, and marks them MISSING with an alert once sailed', async () => {
    const { callId, device } = await portCall(sys, who);
    await postSigned(sys.url, device, scan({ callId, personRef: 'C02', direction: 'DISEMBARK' }));
    await declareDeparture(sys, who.agent, callId);
    await departureIs(callId, 'IN_REVIEW');
    const refused = await sys.request('POST', `/v1/calls/${callId}/departed`, { token: who.agent, body: {} });
    expect(refused.status).toBe(409);

    const decided = await sys.request('POST', `/v1/calls/${callId}/sail-without`, {
      token: who.officer,
      body: { persons: ['C02'], reason: 'hospitalised ashore, agent repatriates' },
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    await departureIs(callId, 'CLEARED');
    expect((await sys.request('POST', `/v1/calls/${callId}/departed`, { token: who.agent, body: {} })).status).toBe(
      200,
    );

    const border = await borderOf(sys, who.officer, callId);
    expect(border.missing).toEqual(['C02']);
    expect(await presenceOf(sys, who.officer, callId, 'C02')).toBe('MISSING');
    expect(await alertsOf(sys, who.officer, callId)).toContainEqual(
      expect.objectContaining({ rule: 'PERSON_MISSING', personRef: 'C02', severity: 'HIGH' }),
    );
    const timeline = (await read(callId)).timeline.map((e: { action: string }) => e.action);
    expect(timeline).toContain('SAIL_WITHOUT_DECIDED');
  });
});

describe('a landing racing the recorded departure', () => {
  it('never ends DEPARTED with the person ashore and a valid permit, 20 times in a row', async () => {
    const outcomes: string[] = [];
    for (let round = 0; round < 20; round++) {
      const { callId, device } = await portCall(sys, who);
      await declareDeparture(sys, who.agent, callId);
      await departureIs(callId, 'CLEARED');
      const [departed, landed] = await Promise.all([
        sys.request('POST', `/v1/calls/${callId}/departed`, { token: who.agent, body: {} }),
        postSigned(sys.url, device, scan({ callId, personRef: 'C02', direction: 'DISEMBARK' })),
      ]);
      // Let a re-check under way settle before judging the end state.
      const call = await until(
        () => read(callId),
        (c) => c.status === 'DEPARTED' || c.departure?.state === 'IN_REVIEW',
        'a settled departure',
      );
      const c02 = await presenceOf(sys, who.officer, callId, 'C02');
      const permit = call.permits?.departure?.status;
      const actions = call.timeline.map((e: { action: string }) => e.action);
      if (call.status === 'DEPARTED') {
        expect(departed.status).toBe(200);
        expect(permit).toBe('VALID');
        expect(c02, `round ${round}: sailed with C02 ${c02}`).toBe('ON_BOARD');
        // The landing either came too late for the device (unassigned, 403) or was recorded as after departure.
        if (landed.status === 202 && landed.body.accepted === 1)
          expect((await alertsOf(sys, who.officer, callId)).map((a) => a.rule)).toContain('AFTER_DEPARTURE');
        outcomes.push('departed first');
      } else {
        expect(departed.status).toBe(409);
        expect(c02).toBe('ASHORE');
        expect(permit).toBe('SUSPENDED');
        expect(actions).toContain('DEPARTURE_PERMIT_SUSPENDED');
        const suspended = call.timeline.find((e: { action: string }) => e.action === 'DEPARTURE_PERMIT_SUSPENDED');
        expect(suspended.reason).toMatch(/gangway movement/);
        outcomes.push('landing first');
      }
    }
    expect(outcomes).toHaveLength(20);
  }, 240_000);
});

describe('need to know', () => {
  /** A call that hit the watch list at arrival (approved by an officer), with a landing decision and an alert. */
  async function sensitiveCall() {
    const family = randomName();
    await sys.request('PUT', '/v1/watchlist', {
      token: who.supervisor,
      body: {
        entries: [
          {
            kind: 'PERSON',
            familyName: family,
            givenNames: 'Olena',
            dateOfBirth: '1992-01-05',
            reason: 'SECRET-WATCH-REASON',
          },
        ],
      },
    });
    const { callId, device } = await portCall(sys, who, {
      cleared: false,
      change: (d) => {
        d.crew[2]!.familyName = family;
      },
    });
    const review: any = await until(
      () => reviewOf(callId, 'ARRIVAL'),
      (r) => Boolean(r),
      'an arrival review',
    );
    await sys.request('POST', `/v1/reviews/${review.reviewId}/decision`, {
      token: who.officer,
      body: { decision: 'APPROVE', reason: 'identity confirmed with the issuing state' },
    });
    await until(
      () => read(callId),
      (c) => c.status === 'ARRIVAL_CLEARED',
      'ARRIVAL_CLEARED',
    );
    await sys.request('POST', `/v1/calls/${callId}/arrived`, { token: who.agent, body: {} });
    await sys.request('POST', `/v1/calls/${callId}/landing`, {
      token: who.officer,
      body: {
        scope: 'PERSONS',
        persons: ['C03'],
        decision: 'HELD_ON_BOARD',
        reason: 'SECRET-OFFICER-REASON',
        agentNotice: 'C03 stays on board',
      },
    });
    await postSigned(sys.url, device, scan({ callId, personRef: 'C03', direction: 'DISEMBARK' }));
    return { callId, family };
  }

  let callId: string;
  let watched: string;
  beforeAll(async () => {
    ({ callId, family: watched } = await sensitiveCall());
  }, 60_000);

  const SECRETS = /WATCH_LIST_HIT|SECRET-WATCH-REASON|SECRET-OFFICER-REASON|LANDING_NOT_PERMITTED/;

  it.each([
    ['GET', '/v1/calls'],
    ['GET', '/v1/calls/{callId}'],
    ['GET', '/v1/calls/{callId}/arrival'],
    ['GET', '/v1/calls/{callId}/persons'],
    ['GET', '/v1/calls/{callId}/border'],
    ['GET', '/v1/calls/{callId}/permits/arrival'],
  ])('an agent reading %s %s sees no finding, evidence or internal reason', async (method, path) => {
    const res = await sys.request(method, path.replace('{callId}', callId), { token: who.agent });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toMatch(SECRETS);
  });

  it('an agent still sees the call’s state and what it is told to do', async () => {
    const border = (await sys.request('GET', `/v1/calls/${callId}/border`, { token: who.agent })).body;
    expect(border.persons.find((p: { ref: string }) => p.ref === 'C03')).toMatchObject({
      landing: { status: 'HELD_ON_BOARD' },
      agentNotice: 'C03 stays on board',
    });
    expect((await sys.request('GET', `/v1/calls/${callId}`, { token: who.agent })).body.status).toBe('IN_PORT');
  });

  it.each([
    ['GET', '/v1/calls/{callId}'],
    ['GET', '/v1/calls/{callId}/border'],
  ])('an officer of the port reading %s %s sees the findings and reasons', async (method, path) => {
    const res = await sys.request(method, path.replace('{callId}', callId), { token: who.officer });
    expect(JSON.stringify(res.body)).toMatch(/SECRET-OFFICER-REASON|WATCH_LIST_HIT/);
  });

  it.each([
    ['GET', '/v1/alerts'],
    ['GET', '/v1/reviews'],
    ['GET', '/v1/watchlist'],
  ])('an agent is refused %s %s', async (method, path) => {
    expect((await sys.request(method, path, { token: who.agent })).status).toBe(403);
  });

  it('an officer of another port sees nothing of the call', async () => {
    const elsewhere = await sys.token({ role: 'officer', port: 'NLRTM' });
    expect((await sys.request('GET', `/v1/calls/${callId}/border`, { token: elsewhere })).status).toBe(404);
  });

  // The answers to an agent's own writes on the same call: each says what happened to the write,
  // never what the border knows about a person. In the order a call goes, so each write is real.
  const HOUR = 3_600_000;
  const writes: [string, string, number[], () => Promise<{ status: number; body: any }>, (body: any) => void][] = [
    [
      'POST',
      '/v1/calls/{callId}/visitors (a visitor who is on the watch list)',
      [201],
      () =>
        sys.request('POST', `/v1/calls/${callId}/visitors`, {
          token: who.agent,
          body: {
            ...pilotRequest(-1, 2),
            familyName: watched,
            givenNames: 'Olena',
            dateOfBirth: '1992-01-05',
            document: { type: 'PASSPORT', number: 'UA5550001', issuingState: 'UKR' },
          },
        }),
      (body) => expect(body).toMatchObject({ status: 'REQUESTED', familyName: watched }),
    ],
    [
      'POST',
      '/v1/calls/{callId}/arrived (sent again)',
      [200, 409],
      () => sys.request('POST', `/v1/calls/${callId}/arrived`, { token: who.agent, body: {} }),
      () => undefined,
    ],
    [
      'POST',
      '/v1/calls/{callId}/cancel (no longer possible)',
      [409],
      () => sys.request('POST', `/v1/calls/${callId}/cancel`, { token: who.agent, body: { reason: 'changed plans' } }),
      (body) => expect(body.error.code).toBe('TRANSITION_NOT_ALLOWED'),
    ],
    [
      'PUT',
      '/v1/calls/{callId}/arrival (an amendment once in port)',
      [409],
      async () => {
        const current = await sys.request('GET', `/v1/calls/${callId}/arrival`, { token: who.agent });
        return sys.request('PUT', `/v1/calls/${callId}/arrival`, { token: who.agent, body: current.body.declaration });
      },
      (body) => expect(body.error.code).toBe('TRANSITION_NOT_ALLOWED'),
    ],
    [
      'PUT',
      '/v1/calls/{callId}/departure (with a crew change: C02 signs off)',
      [202],
      async () => {
        const draft = (await sys.request('GET', `/v1/calls/${callId}/departure`, { token: who.agent })).body.draft;
        const body = {
          ...draft,
          sailing: draft.sailing.filter((ref: string) => ref !== 'C02'),
          signOff: ['C02'],
          travel: {
            onward: [
              { ref: 'C02', mode: 'AIR', reference: 'CA1234', at: new Date(Date.now() + 30 * HOUR).toISOString() },
            ],
            arrival: [],
          },
          personsOnBoard: draft.personsOnBoard - 1,
        };
        return sys.request('PUT', `/v1/calls/${callId}/departure`, { token: who.agent, body });
      },
      (body) => expect(body.version).toBeGreaterThan(0),
    ],
    [
      'POST',
      '/v1/calls (another voyage of the same ship)',
      [201],
      async () => {
        const call = (await sys.request('GET', `/v1/calls/${callId}`, { token: who.agent })).body;
        return sys.request('POST', '/v1/calls', {
          token: who.agent,
          body: announcement({ vessel: call.vessel, daysAhead: 20 }),
        });
      },
      (body) => expect(body.status).toBe('DRAFT'),
    ],
    [
      'POST',
      '/v1/imports/persons (the crew list as a spreadsheet)',
      [200],
      () =>
        sys.request('POST', '/v1/imports/persons', {
          token: who.agent,
          rawBody: readFileSync('examples/persons.csv', 'utf8'),
          headers: { 'content-type': 'text/csv; charset=utf-8' },
        }),
      (body) => expect(body.crew.length).toBeGreaterThan(0),
    ],
  ];

  it.each(writes)(
    'an agent writing %s %s is answered without a finding, evidence or internal reason',
    async (_method, _path, statuses, write, check) => {
      const res = await write();
      expect(statuses, JSON.stringify(res.body)).toContain(res.status);
      check(res.body);
      expect(JSON.stringify(res.body)).not.toMatch(SECRETS);
    },
  );

  // Valid bodies, so a refusal can only come from the role: an agent writes nothing an officer decides.
  it.each([
    ['POST', '/v1/calls/{callId}/landing', { scope: 'CREW', decision: 'SHORE_PASS', reason: 'crew shore leave' }],
    ['POST', '/v1/calls/{callId}/visitors/VXXXXXXXXXX/decision', { decision: 'GRANT', reason: 'pilot on duty' }],
    ['POST', '/v1/calls/{callId}/sail-without', { persons: ['C03'], reason: 'left behind on purpose' }],
    ['POST', '/v1/reviews/RXXXXXXXXXX/decision', { decision: 'APPROVE', reason: 'looks fine to me' }],
    ['POST', '/v1/alerts/AXXXXXXXXXX/resolve', { reason: 'all clear here' }],
    ['PUT', '/v1/watchlist', { entries: [] }],
  ])('an agent is refused %s %s (an officer decides it)', async (method, path, body) => {
    const res = await sys.request(method, path.replace('{callId}', callId), { token: who.agent, body });
    expect(res.status, JSON.stringify(res.body)).toBe(403);
    expect(JSON.stringify(res.body)).not.toMatch(SECRETS);
  });

  it('an officer reading the same visitor request sees the watch-list finding', async () => {
    const border = (await sys.request('GET', `/v1/calls/${callId}/border`, { token: who.officer })).body;
    const visitor = border.visitors.find((v: { familyName: string }) => v.familyName === watched);
    expect(visitor.findings).toEqual([expect.stringContaining('SECRET-WATCH-REASON')]);
  });
});
