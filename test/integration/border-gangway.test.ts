// The gangway enforces persons' border decisions, over HTTP on the embedded runtime: landing
// permission and shore-pass windows, visitors' boarding permits, attempts that move nobody, and
// event ids answered once.
import { randomUUID } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postSigned, scan } from '#local/device-client.ts';
import { documentClient, tableName } from '#shared/aws.ts';
import { keys } from '#shared/keys.ts';
import { type Actors, actors, alertsOf, borderOf, portCall, presenceOf } from '../support/port-call.ts';
import { type TestSystem, startTestSystem } from '../support/runtime.ts';

let sys: TestSystem;
let who: Actors;

beforeAll(async () => {
  sys = await startTestSystem();
  who = await actors(sys);
});
afterAll(() => sys.stop());

const HOUR = 3_600_000;
const rules = async (callId: string) =>
  (await alertsOf(sys, who.officer, callId)).map((a) => `${a.rule} ${a.personRef}`);
const decide = (callId: string, body: unknown) =>
  sys.request('POST', `/v1/calls/${callId}/landing`, { token: who.officer, body });
const randomName = () =>
  Array.from({ length: 8 }, () => String.fromCharCode(65 + Math.floor(Math.random() * 26))).join('');

describe('landing permission at the gangway', () => {
  it('raises a HIGH alert naming the rule for a landing before the arrival is cleared', async () => {
    // C03 is on the watch list under this call's spelling, so the arrival waits for an officer.
    const family = randomName();
    await sys.request('PUT', '/v1/watchlist', {
      token: who.supervisor,
      body: {
        entries: [
          { kind: 'PERSON', familyName: family, givenNames: 'Olena', dateOfBirth: '1992-01-05', reason: 'test' },
        ],
      },
    });
    const { callId, device } = await portCall(sys, who, {
      daysAhead: 0.1,
      cleared: false,
      change: (d) => {
        d.crew[2]!.familyName = family;
      },
    });
    const res = await postSigned(sys.url, device, scan({ callId, personRef: 'C01', direction: 'DISEMBARK' }));
    expect(res.body.accepted).toBe(1);
    const alerts = await alertsOf(sys, who.officer, callId);
    expect(alerts).toContainEqual(
      expect.objectContaining({ rule: 'LANDING_BEFORE_CLEARANCE', personRef: 'C01', severity: 'HIGH' }),
    );
    expect((await borderOf(sys, who.officer, callId)).persons[0]!.landing.status).toBe('NOT_YET_CLEARED');
  });

  it('records a landing 13 hours before the ship arrives without moving the person, and alerts', async () => {
    const { callId, device } = await portCall(sys, who, { daysAhead: 0.55, arrivedHoursAgo: null });
    await postSigned(sys.url, device, scan({ callId, personRef: 'C02', direction: 'DISEMBARK' }));
    expect(await rules(callId)).toEqual(['BEFORE_ARRIVAL C02']);
    expect(await presenceOf(sys, who.officer, callId, 'C02')).toBe('ON_BOARD');
  });

  it('alerts on a landing without a pass: held on board, refused for the crew, and lets the exceptions land', async () => {
    const { callId, device } = await portCall(sys, who);
    expect(
      (await decide(callId, { scope: 'CREW', decision: 'REFUSED', reason: 'port security level 3 tonight' })).status,
    ).toBe(200);
    const exception = await decide(callId, {
      scope: 'PERSONS',
      persons: ['C03'],
      decision: 'SHORE_PASS',
      reason: 'medical appointment ashore',
    });
    expect(exception.status, JSON.stringify(exception.body)).toBe(200);
    await decide(callId, {
      scope: 'PERSONS',
      persons: ['C02'],
      decision: 'HELD_ON_BOARD',
      reason: 'case under inquiry',
    });

    for (const ref of ['C01', 'C02', 'C03'])
      await postSigned(sys.url, device, scan({ callId, personRef: ref, direction: 'DISEMBARK' }));
    const alerts = await alertsOf(sys, who.officer, callId);
    expect(alerts.map((a) => `${a.rule} ${a.personRef} ${a.severity}`).sort()).toEqual([
      'LANDING_NOT_PERMITTED C01 HIGH',
      'LANDING_NOT_PERMITTED C02 HIGH',
    ]);
    expect(alerts.find((a) => a.personRef === 'C02')!.detail).toBe('landed although held on board');
    const border = await borderOf(sys, who.officer, callId);
    expect(border.persons.map((p) => [p.ref, p.landing.status, p.presence])).toEqual([
      ['C01', 'REFUSED', 'ASHORE'],
      ['C02', 'HELD_ON_BOARD', 'ASHORE'],
      ['C03', 'SHORE_PASS', 'ASHORE'],
    ]);
    // Each decision is in the call's audit chain, with the officer's reason.
    const timeline = (await sys.request('GET', `/v1/calls/${callId}`, { token: who.officer })).body.timeline;
    expect(
      timeline.filter((e: { action: string }) => e.action === 'LANDING_DECIDED').map((e: any) => e.reason),
    ).toEqual([
      'REFUSED for the crew: port security level 3 tonight',
      'SHORE_PASS for C03: medical appointment ashore',
      'HELD_ON_BOARD for C02: case under inquiry',
    ]);
  });

  it('alerts on a landing outside the shore-pass window', async () => {
    const { callId, device } = await portCall(sys, who);
    const from = new Date(Date.now() + 2 * HOUR).toISOString();
    await decide(callId, { scope: 'CREW', decision: 'SHORE_PASS', from, reason: 'after cargo operations' });
    await postSigned(sys.url, device, scan({ callId, personRef: 'C02', direction: 'DISEMBARK' }));
    expect(await rules(callId)).toEqual(['LANDING_OUTSIDE_PASS C02']);
  });

  it('refuses a landing from the first decision on, also when it is taken while the gangway posts', async () => {
    const { callId, device } = await portCall(sys, who);
    const land = (ref: string) => postSigned(sys.url, device, scan({ callId, personRef: ref, direction: 'DISEMBARK' }));
    await land('C01');
    // Scans at the moment of the decision are judged before or after it; the next one after it.
    const [decided] = await Promise.all([
      decide(callId, { scope: 'CREW', decision: 'REFUSED', reason: 'port security level 3 tonight' }),
      postSigned(sys.url, device, scan({ callId, personRef: 'C01', direction: 'BOARD' })),
      land('C02'),
    ]);
    expect(decided.status).toBe(200);
    await land('C03');
    const landings = (await rules(callId)).filter((r) => r.startsWith('LANDING_NOT_PERMITTED'));
    expect(landings).toContain('LANDING_NOT_PERMITTED C03');
    expect(landings).not.toContain('LANDING_NOT_PERMITTED C01');
    expect((await borderOf(sys, who.officer, callId)).persons[2]!.landing.status).toBe('REFUSED');
  });

  it('reads the decisions of a call stored before calls said whether they have any', async () => {
    const { callId, device } = await portCall(sys, who);
    await decide(callId, { scope: 'CREW', decision: 'REFUSED', reason: 'port security level 3 tonight' });
    await documentClient().send(
      new UpdateCommand({ TableName: tableName(), Key: keys.call(callId), UpdateExpression: 'REMOVE landingDecided' }),
    );
    await postSigned(sys.url, device, scan({ callId, personRef: 'C02', direction: 'DISEMBARK' }));
    expect(await rules(callId)).toEqual(['LANDING_NOT_PERMITTED C02']);
    expect((await borderOf(sys, who.officer, callId)).persons[1]!.landing.status).toBe('REFUSED');
  });

  it('refuses a decision without a reason, about someone not on the lists, or with an MRZ line in it', async () => {
    const { callId } = await portCall(sys, who);
    const noReason = await decide(callId, { scope: 'CREW', decision: 'REFUSED' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details.map((d: { path: string }) => d.path)).toContain('reason');
    const stranger = await decide(callId, {
      scope: 'PERSONS',
      persons: ['C01', 'X9'],
      decision: 'REFUSED',
      reason: 'x-ray',
    });
    expect(stranger.status).toBe(422);
    expect(stranger.body.error.details).toEqual([
      expect.objectContaining({ path: 'persons[1]', rule: 'NOT_ON_LISTS' }),
    ]);
    const mrz = await decide(callId, {
      scope: 'CREW',
      decision: 'REFUSED',
      reason: 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
    });
    expect(mrz.status).toBe(422);
    expect(mrz.body.error.details).toEqual([expect.objectContaining({ path: 'reason', rule: 'MRZ_REFUSED' })]);
    const agent = await sys.request('POST', `/v1/calls/${callId}/landing`, {
      token: who.agent,
      body: { scope: 'CREW', decision: 'SHORE_PASS', reason: 'please' },
    });
    expect(agent.status).toBe(403);
  });
});

describe('visitors on a boarding permit', () => {
  const pilot = (from: number, until: number) => ({
    familyName: 'MOREAU',
    givenNames: 'Luc',
    dateOfBirth: '1979-03-02',
    nationality: 'FRA',
    document: { type: 'PASSPORT', number: 'FR1234567', issuingState: 'FRA' },
    company: 'Tianjin Pilot Station',
    purpose: 'PILOT',
    from: new Date(Date.now() + from * HOUR).toISOString(),
    until: new Date(Date.now() + until * HOUR).toISOString(),
  });

  async function visitor(callId: string, body: unknown, decision?: 'GRANT' | 'REFUSE') {
    const asked = await sys.request('POST', `/v1/calls/${callId}/visitors`, { token: who.agent, body });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    if (decision) {
      const decided = await sys.request('POST', `/v1/calls/${callId}/visitors/${asked.body.visitorId}/decision`, {
        token: who.officer,
        body: { decision, reason: 'pilot on the station roster' },
      });
      expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    }
    return asked.body.visitorId as string;
  }

  it('accepts a granted visitor inside the window with no alert, and they do not block departure once off', async () => {
    const { callId, device } = await portCall(sys, who);
    const id = await visitor(callId, pilot(-1, 2), 'GRANT');
    await postSigned(sys.url, device, scan({ callId, personRef: id, direction: 'BOARD' }));
    expect(await rules(callId)).toEqual([]);
    await postSigned(sys.url, device, scan({ callId, personRef: id, direction: 'DISEMBARK' }));
    expect(await rules(callId)).toEqual([]);
    const border = await borderOf(sys, who.officer, callId);
    expect(border.visitors).toEqual([expect.objectContaining({ visitorId: id, status: 'GRANTED', purpose: 'PILOT' })]);
  });

  it('alerts on a visitor outside the window and on one whose permit is not granted', async () => {
    const { callId, device } = await portCall(sys, who);
    const later = await visitor(callId, pilot(3, 6), 'GRANT');
    const refused = await visitor(callId, { ...pilot(-1, 2), givenNames: 'Paul' }, 'REFUSE');
    const pending = await visitor(callId, { ...pilot(-1, 2), givenNames: 'Anne' });
    for (const ref of [later, refused, pending])
      await postSigned(sys.url, device, scan({ callId, personRef: ref, direction: 'BOARD' }));
    expect((await rules(callId)).sort()).toEqual(
      [
        `VISITOR_OUTSIDE_PERMIT ${later}`,
        `VISITOR_NOT_PERMITTED ${refused}`,
        `VISITOR_NOT_PERMITTED ${pending}`,
      ].sort(),
    );
  });

  it('keeps the officer reason and watch-list findings about a visitor from the agent', async () => {
    const { callId } = await portCall(sys, who);
    await sys.request('PUT', '/v1/watchlist', {
      token: who.supervisor,
      body: { entries: [{ kind: 'DOCUMENT', issuingState: 'FRA', number: 'FR7654321', reason: 'reported stolen' }] },
    });
    const id = await visitor(
      callId,
      { ...pilot(-1, 2), document: { type: 'PASSPORT', number: 'FR7654321', issuingState: 'FRA' } },
      'REFUSE',
    );
    const officerView = (await borderOf(sys, who.officer, callId)).visitors.find((v) => v.visitorId === id)!;
    expect(officerView.findings).toEqual([expect.stringContaining('reported stolen')]);
    expect(officerView.reason).toBe('pilot on the station roster');
    const agentView = (await borderOf(sys, who.agent, callId)).visitors.find((v) => v.visitorId === id)!;
    expect(agentView.status).toBe('REFUSED');
    expect(agentView).not.toHaveProperty('findings');
    expect(agentView).not.toHaveProperty('reason');
  });
});

describe('attempts that move nobody', () => {
  it('records a failed liveness check as an attempt, alerts, and leaves the person on board', async () => {
    const { callId, device } = await portCall(sys, who);
    const res = await postSigned(
      sys.url,
      device,
      scan({ callId, personRef: 'C02', direction: 'DISEMBARK', livenessPassed: false }),
    );
    expect(res.body.accepted).toBe(1);
    expect(await rules(callId)).toEqual(['LIVENESS_FAILED C02']);
    expect(await presenceOf(sys, who.officer, callId, 'C02')).toBe('ON_BOARD');
  });

  it('records a low face match as an attempt and leaves the person on board', async () => {
    const { callId, device } = await portCall(sys, who);
    await postSigned(sys.url, device, scan({ callId, personRef: 'C02', direction: 'DISEMBARK', matchScore: 0.4 }));
    expect(await presenceOf(sys, who.officer, callId, 'C02')).toBe('ON_BOARD');
  });

  it.each([
    ['a device clock in 2999', '2999-01-01T00:00:00Z', 'CLOCK_SKEW'],
    ['a capture dated year 0001', '0001-01-01T00:00:00Z', 'BEFORE_ARRIVAL'],
  ])('never lets %s freeze presence: alerted, and the next real scan still moves the person', async (_c, at, rule) => {
    const { callId, device } = await portCall(sys, who);
    const odd = { ...scan({ callId, personRef: 'C03', direction: 'DISEMBARK' }), capturedAt: at };
    expect((await postSigned(sys.url, device, odd)).body.accepted).toBe(1);
    expect(await rules(callId)).toEqual([`${rule} C03`]);
    expect(await presenceOf(sys, who.officer, callId, 'C03')).toBe('ON_BOARD');
    await postSigned(sys.url, device, scan({ callId, personRef: 'C03', direction: 'DISEMBARK' }));
    expect(await presenceOf(sys, who.officer, callId, 'C03')).toBe('ASHORE');
  });
});

describe('event ids and batches', () => {
  it('answers each event id accepted exactly once when eight identical batches arrive at once', async () => {
    const { callId, device } = await portCall(sys, who);
    const events = Array.from({ length: 20 }, (_, i) =>
      scan({
        callId,
        personRef: `C0${1 + (i % 3)}`,
        direction: i % 2 ? 'BOARD' : 'DISEMBARK',
        capturedAt: new Date(Date.now() - (20 - i) * 60_000),
      }),
    );
    const answers = await Promise.all(Array.from({ length: 8 }, () => postSigned(sys.url, device, { events })));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(202));
    expect(answers.reduce((n, a) => n + a.body.accepted, 0)).toBe(20);
    expect(answers.reduce((n, a) => n + a.body.duplicates, 0)).toBe(7 * 20);
    const acceptedIds = answers.flatMap((a) =>
      a.body.results.filter((r: any) => r.status === 'accepted').map((r: any) => r.eventId),
    );
    expect(new Set(acceptedIds).size).toBe(20);
  });

  it('refuses an event id re-posted with another direction (409 for that event) and changes nothing', async () => {
    const { callId, device } = await portCall(sys, who);
    const first = scan({ callId, personRef: 'C02', direction: 'BOARD', capturedAt: new Date(Date.now() - 60_000) });
    await postSigned(sys.url, device, first);
    const reused = { ...first, direction: 'DISEMBARK', capturedAt: new Date().toISOString() };
    const single = await postSigned(sys.url, device, reused);
    expect(single.body.results).toEqual([
      expect.objectContaining({ status: 'rejected', httpStatus: 409, reason: 'EVENT_ID_REUSED' }),
    ]);
    const batch = await postSigned(sys.url, device, {
      events: [reused, scan({ callId, personRef: 'C01', direction: 'BOARD' })],
    });
    expect(batch.body.results.map((r: any) => r.httpStatus ?? r.status)).toEqual([409, 'accepted']);
    expect(await presenceOf(sys, who.officer, callId, 'C02')).toBe('ON_BOARD');
    expect(await rules(callId)).toEqual([]);
  });

  it.each([
    ['no events', 0, 400, 'VALIDATION_FAILED'],
    ['101 events', 101, 400, 'VALIDATION_FAILED'],
    // Far past the largest legal batch: refused on its size before anything reads it.
    ['3,000 events', 3_000, 413, 'PAYLOAD_TOO_LARGE'],
  ])('refuses a batch of %s and stores none of it', async (_c, n, status, code) => {
    const { callId, device } = await portCall(sys, who);
    const events = Array.from({ length: n }, () => scan({ callId, personRef: 'C01', direction: 'DISEMBARK' }));
    const res = await postSigned(sys.url, device, { events });
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    if (status === 400) expect(res.body.error.details[0].path).toBe('events');
    expect(await presenceOf(sys, who.officer, callId, 'C01')).toBe('ON_BOARD');
  });

  it('accepts the largest legal batch: 100 events with every field at its longest', async () => {
    const { callId, device } = await portCall(sys, who);
    const events = Array.from({ length: 100 }, (_, i) => ({
      ...scan({ callId, personRef: `X${String(i).padStart(19, '0')}`, direction: 'BOARD' }),
      algorithm: `a${'b'.repeat(63)}`,
      matchScore: 0.912345678901234,
      capturedAt: new Date(Date.now() - i * 1000).toISOString().replace('Z', '+00:00'),
    }));
    const res = await postSigned(sys.url, device, { events });
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(202);
    expect(res.body.accepted).toBe(100);
    expect(JSON.stringify({ events }).length).toBeLessThan(256 * 1024);
  });

  it('refuses an algorithm that is not a short identifier and a base64 image under any field name', async () => {
    const { callId, device } = await portCall(sys, who);
    const long = await postSigned(sys.url, device, {
      ...scan({ callId, personRef: 'C01', direction: 'BOARD' }),
      algorithm: 'x'.repeat(70),
    });
    expect(long.body.results[0]).toMatchObject({ status: 'rejected', reason: 'INVALID_EVENT' });
    const hidden = await postSigned(sys.url, device, {
      ...scan({ callId, personRef: 'C01', direction: 'BOARD' }),
      notes: `data:image/jpeg;base64,${'A'.repeat(400)}`,
      eventId: randomUUID(),
    });
    expect(hidden.status).toBe(422);
    expect(hidden.body.error.details[0]).toMatchObject({ path: 'notes', rule: 'BIOMETRIC_DATA_REFUSED' });
  });
});
