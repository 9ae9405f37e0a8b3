// Zero waiting, over HTTP on the embedded runtime: an agent declares, the workflow screens and
// clears, officers decide what it cannot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokenLink } from '#shared/audit.ts';
import { announcement, crewMember, declaration } from '../support/fixtures.ts';
import { type TestSystem, startTestSystem } from '../support/runtime.ts';

let sys: TestSystem;
let agent: string;
let otherAgent: string;
let officer: string;
let otherOfficer: string;
let supervisor: string;

beforeAll(async () => {
  sys = await startTestSystem();
  agent = await sys.token({ role: 'agent', agentId: 'ACME-SHIPPING' });
  otherAgent = await sys.token({ role: 'agent', agentId: 'OTHER-AGENCY' });
  officer = await sys.token({ role: 'officer', port: 'CNTXG', sub: 'officer-wang' });
  otherOfficer = await sys.token({ role: 'officer', port: 'CNTXG', sub: 'officer-zhao' });
  supervisor = await sys.token({ role: 'supervisor', port: 'CNTXG' });
  const load = await sys.request('PUT', '/v1/watchlist', {
    token: supervisor,
    body: {
      entries: [
        { kind: 'DOCUMENT', issuingState: 'PHL', number: 'SID9999999', reason: 'document reported stolen' },
        { kind: 'PERSON', familyName: 'Müller', givenNames: 'Hans', dateOfBirth: '1970-05-05', reason: 'entry ban' },
        { kind: 'PERSON', familyName: 'IVANOV', givenNames: 'SERGEI', dateOfBirth: '1975-03-03', reason: 'entry ban' },
        { kind: 'VESSEL', imo: '9074729', reason: 'detained vessel' },
      ],
    },
  });
  expect(load.status).toBe(200);
});
afterAll(() => sys.stop());

async function newCall(token = agent, body = announcement()) {
  const res = await sys.request('POST', '/v1/calls', { token, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { callId: res.body.callId as string, eta: body.eta };
}

async function callOf(callId: string, token = agent) {
  return (await sys.request('GET', `/v1/calls/${callId}`, { token })).body;
}

/** Waits until the call's arrival clearance reaches one of `states`. */
async function settled(callId: string, states: string[]) {
  for (let i = 0; i < 300; i++) {
    const call = await callOf(callId);
    if (states.includes(call.arrival?.state)) return call;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(
    `call ${callId} never reached ${states.join('/')}: ${JSON.stringify((await callOf(callId)).arrival)}`,
  );
}

async function openReviewOf(callId: string) {
  const res = await sys.request('GET', '/v1/reviews', { token: officer });
  expect(res.status).toBe(200);
  return res.body.items.find((r: { callId: string }) => r.callId === callId);
}

describe('low-risk arrival', () => {
  it('is cleared with no human step, and its permit verifies for anyone', async () => {
    const { callId, eta } = await newCall();
    const res = await sys.request('PUT', `/v1/calls/${callId}/arrival`, { token: agent, body: declaration(eta) });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ version: 1, status: 'SUBMITTED', duplicate: false });

    const call = await settled(callId, ['CLEARED']);
    expect(call.status).toBe('ARRIVAL_CLEARED');
    expect(call.timeline.map((e: { action: string }) => e.action)).toEqual([
      'CALL_ANNOUNCED',
      'ARRIVAL_DECLARED',
      'RISK_ASSESSED',
      'ARRIVAL_CLEARED',
    ]);
    expect(brokenLink(call.timeline)).toBeUndefined();
    expect(await openReviewOf(callId)).toBeUndefined();

    const permit = await sys.request('GET', `/v1/calls/${callId}/permits/arrival`, { token: officer });
    expect(permit.status).toBe(200);
    expect(permit.body).toMatchObject({ kind: 'arrival', version: 1, issuedBy: 'system' });
    const verified = await sys.request('GET', `/v1/permits/verify/${permit.body.verificationCode}`);
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ valid: true, status: 'VALID', vesselName: 'HAI XING 7', port: 'CNTXG' });
    expect(JSON.stringify(verified.body)).not.toContain(callId);
    expect((await sys.request('GET', '/v1/permits/verify/AAAA-BBBB-CCCC-DDDD')).status).toBe(404);
  });

  it('runs one clearance for a submission sent twice', async () => {
    const { callId, eta } = await newCall();
    const body = declaration(eta);
    const first = await sys.request('PUT', `/v1/calls/${callId}/arrival`, { token: agent, body });
    const second = await sys.request('PUT', `/v1/calls/${callId}/arrival`, { token: agent, body });
    expect(first.body.version).toBe(1);
    expect(second.body).toMatchObject({ version: 1, duplicate: true });
    await settled(callId, ['CLEARED']);
    const executions = sys.runtime.stepFunctions.executions().filter((e) => e.name.startsWith(callId));
    expect(executions).toHaveLength(1);
  });
});

describe('arrivals an officer must see', () => {
  it('sends a watch-listed document to review, and approval clears it', async () => {
    const { callId, eta } = await newCall();
    const body = declaration(eta, (d) => {
      d.crew[1]!.document.number = 'SID9999999';
    });
    await sys.request('PUT', `/v1/calls/${callId}/arrival`, { token: agent, body });
    const call = await settled(callId, ['IN_REVIEW']);
    expect(call.status).toBe('ARRIVAL_REVIEW');

    const review = await openReviewOf(callId);
    expect(review).toMatchObject({ kind: 'ARRIVAL', version: 1, status: 'OPEN', call: { vesselName: 'HAI XING 7' } });
    expect(review.reasons).toEqual([
      expect.objectContaining({ code: 'WATCH_LIST_HIT', severity: 'MAJOR', personRef: 'C02' }),
    ]);
    expect(review).not.toHaveProperty('taskToken');
    expect(Date.parse(review.deadline)).toBeLessThan(Date.parse(eta));

    const decided = await sys.request('POST', `/v1/reviews/${review.reviewId}/decision`, {
      token: officer,
      body: { decision: 'APPROVE', reason: 'document checked with the issuing state' },
    });
    expect(decided.status).toBe(200);
    const cleared = await settled(callId, ['CLEARED']);
    expect(cleared.timeline.at(-1)).toMatchObject({
      action: 'ARRIVAL_CLEARED',
      actor: { role: 'officer', id: 'officer-wang' },
    });
    const permit = await sys.request('GET', `/v1/calls/${callId}/permits/arrival`, { token: agent });
    expect(permit.body.issuedBy).toBe('officer-wang');

    const again = await sys.request('POST', `/v1/reviews/${review.reviewId}/decision`, {
      token: otherOfficer,
      body: { decision: 'REQUEST_AMENDMENT', reason: 'second opinion' },
    });
    expect(again.status).toBe(409);
  });

  it('matches a watch-listed person by name and birth date, whatever the accents or name order', async () => {
    const { callId, eta } = await newCall();
    const body = declaration(eta, (d) => {
      d.crew.push(crewMember('C04', { familyName: 'HANS', givenNames: 'MULLER', dateOfBirth: '1970-05-05' }));
      d.general.crewCount = 4;
      d.general.personsOnBoard = 4;
    });
    const res = await sys.request('PUT', `/v1/calls/${callId}/arrival`, { token: agent, body });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    await settled(callId, ['IN_REVIEW']);
    // Officers see the finding; the agent only that the call is in review (need to know).
    const call = (await sys.request('GET', `/v1/calls/${callId}`, { token: officer })).body;
    expect(call.arrival.reasons).toEqual([expect.objectContaining({ code: 'WATCH_LIST_HIT', personRef: 'C04' })]);
    expect((await callOf(callId)).arrival.reasons).toEqual([]);
  });

  it('matches a watch-listed person whose crew-list name is written in Cyrillic, not a namesake', async () => {
    const { callId, eta } = await newCall();
    const body = declaration(eta, (d) => {
      d.crew.push(crewMember('C04', { familyName: 'ИВАНОВ', givenNames: 'СЕРГЕЙ', dateOfBirth: '1975-03-03' }));
      d.crew.push(crewMember('C05', { familyName: 'ИВАНОВА', givenNames: 'СЕРГЕЙ', dateOfBirth: '1975-03-03' }));
      d.general.crewCount = 5;
      d.general.personsOnBoard = 5;
    });
    const res = await sys.request('PUT', `/v1/calls/${callId}/arrival`, { token: agent, body });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    await settled(callId, ['IN_REVIEW']);
    const call = (await sys.request('GET', `/v1/calls/${callId}`, { token: officer })).body;
    expect(call.arrival.reasons).toEqual([expect.objectContaining({ code: 'WATCH_LIST_HIT', personRef: 'C04' })]);
  });

  it('sends a health event to review, and a supervisor’s rejection ends the call with its reason', async () => {
    const { callId, eta } = await newCall();
    await sys.request('PUT', `/v1/calls/${callId}/arrival`, {
      token: agent,
      body: declaration(eta, (d) => {
        d.health.illnessSuspectedInfectious = true;
        d.health.illPersonsCount = 2;
      }),
    });
    await settled(callId, ['IN_REVIEW']);
    const review = await openReviewOf(callId);
    expect(review.reasons.map((r: { code: string }) => r.code)).toEqual([
      'SUSPECTED_INFECTIOUS_ILLNESS',
      'ILL_PERSONS',
    ]);

    const noReason = await sys.request('POST', `/v1/reviews/${review.reviewId}/decision`, {
      token: officer,
      body: { decision: 'REJECT' },
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details[0].path).toBe('reason');

    const byOfficer = await sys.request('POST', `/v1/reviews/${review.reviewId}/decision`, {
      token: officer,
      body: { decision: 'REJECT', reason: 'quarantine required before berthing' },
    });
    expect(byOfficer.status).toBe(403);
    await sys.request('POST', `/v1/reviews/${review.reviewId}/decision`, {
      token: supervisor,
      body: { decision: 'REJECT', reason: 'quarantine required before berthing' },
    });
    const call = await settled(callId, ['REJECTED']);
    expect(call.status).toBe('REJECTED');
    expect(call.timeline.at(-1)).toMatchObject({
      action: 'ARRIVAL_REJECTED',
      reason: 'quarantine required before berthing',
    });
    expect((await sys.request('GET', `/v1/calls/${callId}/permits/arrival`, { token: agent })).status).toBe(404);
  });

  it('asks for an amendment, and the amended version is cleared', async () => {
    const { callId, eta } = await newCall(
      agent,
      announcement({ vessel: { ...announcement().vessel, imo: '9074729' } }),
    );
    await sys.request('PUT', `/v1/calls/${callId}/arrival`, { token: agent, body: declaration(eta) });
    await settled(callId, ['IN_REVIEW']);
    const review = await openReviewOf(callId);
    expect(review.reasons[0].code).toBe('VESSEL_WATCH_LISTED');
    await sys.request('POST', `/v1/reviews/${review.reviewId}/decision`, {
      token: officer,
      body: { decision: 'REQUEST_AMENDMENT', reason: 'send the detention release papers' },
    });
    const waiting = await settled(callId, ['AMENDMENT_REQUESTED']);
    expect(waiting.status).toBe('DRAFT');

    // The ship is still watch-listed: the amendment goes to review again, where it is approved.
    const amended = await sys.request('PUT', `/v1/calls/${callId}/arrival`, {
      token: agent,
      body: declaration(eta, (d) => (d.general.cargoSummary = 'released by court order 2026/113')),
    });
    expect(amended.body).toMatchObject({ version: 2, duplicate: false });
    await settled(callId, ['IN_REVIEW']);
    const second = await openReviewOf(callId);
    expect(second.version).toBe(2);
    await sys.request('POST', `/v1/reviews/${second.reviewId}/decision`, {
      token: officer,
      body: { decision: 'APPROVE' },
    });
    await settled(callId, ['CLEARED']);
    const v1 = await sys.request('GET', `/v1/calls/${callId}/arrival?version=1`, { token: officer });
    expect(v1.body.declaration.general.cargoSummary).toBe('1,820 TEU general containers');
  });

  it('lets an amendment during review supersede the version under review', async () => {
    const { callId, eta } = await newCall();
    await sys.request('PUT', `/v1/calls/${callId}/arrival`, {
      token: agent,
      body: declaration(eta, (d) => (d.health.stowaways = true)),
    });
    await settled(callId, ['IN_REVIEW']);
    const review = await openReviewOf(callId);

    const amended = await sys.request('PUT', `/v1/calls/${callId}/arrival`, {
      token: agent,
      body: declaration(eta, (d) => (d.schedule = { eta: new Date(Date.parse(eta) + 3_600_000).toISOString() })),
    });
    expect(amended.body.version).toBe(2);
    const call = await settled(callId, ['CLEARED']);
    expect(call.eta).toBe(new Date(Date.parse(eta) + 3_600_000).toISOString());
    expect(await openReviewOf(callId)).toBeUndefined();
    const late = await sys.request('POST', `/v1/reviews/${review.reviewId}/decision`, {
      token: officer,
      body: { decision: 'APPROVE' },
    });
    expect(late.status).toBe(409);
    const old = sys.runtime.stepFunctions.executions().find((e) => e.name === `${callId}-arrival-v1`)!;
    await old.done;
    expect(old.status).toBe('SUCCEEDED');
  });

  it('gives an AEO agent the lighter path for minor findings, but not others', async () => {
    const minor = (d: Parameters<Parameters<typeof declaration>[1] & object>[0]) => {
      d.security.shipToShipActivities = [
        { location: 'Bohai anchorage', at: new Date(Date.now() - 86_400_000).toISOString(), activity: 'bunkering' },
      ];
    };
    const trust = await sys.request('PUT', '/v1/agents/TRUSTED-LINES/trust', {
      token: supervisor,
      body: { aeo: true },
    });
    expect(trust.status).toBe(200);
    const trusted = await sys.token({ role: 'agent', agentId: 'TRUSTED-LINES' });
    const a = await newCall(trusted);
    await sys.request('PUT', `/v1/calls/${a.callId}/arrival`, { token: trusted, body: declaration(a.eta, minor) });
    const b = await newCall(agent);
    await sys.request('PUT', `/v1/calls/${b.callId}/arrival`, { token: agent, body: declaration(b.eta, minor) });
    const clearedA = await (async () => {
      for (let i = 0; i < 300; i++) {
        const c = await callOf(a.callId, trusted);
        if (c.arrival?.state === 'CLEARED') return c;
        await new Promise((r) => setTimeout(r, 20));
      }
      return callOf(a.callId, trusted);
    })();
    expect(clearedA.arrival.state).toBe('CLEARED');
    expect(clearedA.arrival.reasons.map((r: { code: string }) => r.code)).toEqual(['SHIP_TO_SHIP_ACTIVITY']);
    expect((await settled(b.callId, ['IN_REVIEW'])).status).toBe('ARRIVAL_REVIEW');
  });
});

describe('declarations that are refused', () => {
  it.each([
    [
      'a crew count that does not match the list',
      (d: any) => (d.general.crewCount = 4),
      'general.crewCount',
      'CREW_COUNT_MISMATCH',
    ],
    [
      'a document expiring before departure',
      (d: any) => (d.crew[0].document.expiry = '2020-01-01'),
      'crew[0].document.expiry',
      'DOCUMENT_EXPIRES_BEFORE_ETD',
    ],
    [
      'the same document twice',
      (d: any) => (d.crew[2].document = { ...d.crew[0].document }),
      'crew[2].document.number',
      'DUPLICATE_DOCUMENT',
    ],
    ['a person reference used twice', (d: any) => (d.crew[1].ref = 'C01'), 'crew[1].ref', 'DUPLICATE_REF'],
    [
      'an ETA after the ETD',
      (d: any) => (d.schedule = { eta: '2099-01-01T00:00:00Z' }),
      'schedule.etd',
      'ETD_NOT_AFTER_ETA',
    ],
  ])('refuses %s with 422 at the right path, storing nothing', async (_case, change, path, rule) => {
    const { callId, eta } = await newCall();
    const before = await callOf(callId);
    const res = await sys.request('PUT', `/v1/calls/${callId}/arrival`, {
      token: agent,
      body: declaration(eta, change),
    });
    expect(res.status).toBe(422);
    expect(res.body.error.details).toContainEqual(expect.objectContaining({ path, rule }));
    const after = await callOf(callId);
    expect(after.version).toBe(before.version);
    expect(after.status).toBe('DRAFT');
    expect((await sys.request('GET', `/v1/calls/${callId}/arrival`, { token: agent })).status).toBe(404);
  });

  it('answers a rule violation in Chinese when asked', async () => {
    const { callId, eta } = await newCall();
    const res = await sys.request('PUT', `/v1/calls/${callId}/arrival`, {
      token: agent,
      headers: { 'accept-language': 'zh' },
      body: declaration(eta, (d) => (d.general.crewCount = 4)),
    });
    expect(res.status).toBe(422);
    expect(res.body.error.details[0].message).toBe('申报船员 4 人，但船员名单有 3 人');
  });

  it('answers 400 for a structurally wrong declaration, naming each field', async () => {
    const { callId, eta } = await newCall();
    const res = await sys.request('PUT', `/v1/calls/${callId}/arrival`, {
      token: agent,
      body: declaration(eta, (d: any) => {
        d.crew[0].nationality = 'China';
        d.crew[1].document.expiry = '31/12/2030';
        d.crew[2].faceImage = 'base64…';
      }),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['crew[0].nationality', 'crew[1].document.expiry', 'crew[2].faceImage']),
    );
  });

  it("hides another agent's call and lets no one else declare for it", async () => {
    const { callId, eta } = await newCall();
    expect(
      (await sys.request('PUT', `/v1/calls/${callId}/arrival`, { token: otherAgent, body: declaration(eta) })).status,
    ).toBe(404);
    expect((await sys.request('GET', `/v1/calls/${callId}/arrival`, { token: otherAgent })).status).toBe(404);
    expect(
      (await sys.request('PUT', `/v1/calls/${callId}/arrival`, { token: officer, body: declaration(eta) })).status,
    ).toBe(403);
  });

  it('refuses a declaration for a cancelled call with 409', async () => {
    const { callId, eta } = await newCall();
    await sys.request('POST', `/v1/calls/${callId}/cancel`, { token: agent });
    const res = await sys.request('PUT', `/v1/calls/${callId}/arrival`, { token: agent, body: declaration(eta) });
    expect(res.status).toBe(409);
  });
});

describe('review queue access', () => {
  it('shows an officer only their port, and agents not at all', async () => {
    const elsewhere = await sys.token({ role: 'officer', port: 'CNSHA' });
    const theirs = await sys.request('GET', '/v1/reviews', { token: elsewhere });
    expect(theirs.body.items).toEqual([]);
    expect((await sys.request('GET', '/v1/reviews', { token: agent })).status).toBe(403);
    expect((await sys.request('PUT', '/v1/watchlist', { token: officer, body: { entries: [] } })).status).toBe(403);
  });
});
