// Declared = used, measured: a tour of the port call (announce, clear on arrival with and without
// an officer, gangway, devices, alerts, departure) records what each function actually did, and
// every function that ran declares exactly the rights it used — no more, no fewer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeList } from '#functions/routes.ts';
import { schedules } from '#functions/schedules.ts';
import { type Grants, routeGrants, taskGrants } from '#shared/grants.ts';
import { workflows } from '#workflows/index.ts';
import { functionsInvoked, rightsUsed } from '#local/grants.ts';
import { type DeviceCredentials, postSigned, scan } from '#local/device-client.ts';
import { announcement, declaration } from '../support/fixtures.ts';
import { type TestSystem, startTestSystem } from '../support/runtime.ts';

let sys: TestSystem;
let agent: string;
let officer: string;
let supervisor: string;

beforeAll(async () => {
  sys = await startTestSystem();
  agent = await sys.token({ role: 'agent', agentId: 'ACME-SHIPPING' });
  officer = await sys.token({ role: 'officer', port: 'CNTXG' });
  supervisor = await sys.token({ role: 'supervisor', port: 'CNTXG' });
});
afterAll(() => sys.stop());

const callOf = async (callId: string) => (await sys.request('GET', `/v1/calls/${callId}`, { token: agent })).body;
async function until(callId: string, status: string) {
  for (let i = 0; i < 400; i++) {
    if ((await callOf(callId)).status === status) return;
    await new Promise((r) => setTimeout(r, 15));
  }
  throw new Error(`${callId} never reached ${status}: ${JSON.stringify(await callOf(callId))}`);
}

/** The rights as the four flags name them. */
function rightsOf(grants: Grants): string[] {
  return [
    ...(grants.events ? ['events'] : []),
    ...grants.workflows,
    ...(grants.deviceKeys ? ['deviceKeys'] : []),
  ].sort();
}
/** Rights a function holds for a path this tour does not walk, each with that path. */
const OFF_THE_TOUR: Record<string, { right: string; path: string }> = {
  resolveAlert: {
    right: 'answer',
    path: 'resolving an alert while the departure is in review re-checks it, which ends the old review’s wait (border-exit.test.ts)',
  },
  putDeparture: {
    right: 'answer',
    path: 'a departure amended during its review answers the task waiting for the old version',
  },
  'arrival-clearance/OpenReviewFunction': {
    right: 'answer',
    path: 'a decision taken while a resumed clearance had no task waiting is handed to the new task (restart.test.ts)',
  },
  'departure-clearance/OpenDepartureReviewFunction': {
    right: 'answer',
    path: 'a decision taken while a resumed clearance had no task waiting is handed to the new task',
  },
};

const RIGHT_OF_ACTION: Record<string, string> = {
  'events:PutEvents': 'events',
  'states:StartExecution': 'start',
  'states:SendTaskSuccess': 'answer',
  'states:SendTaskFailure': 'answer',
  'secretsmanager:GetSecretValue': 'deviceKeys',
};

async function reviewOfVersion(callId: string, version: number) {
  const items = (await sys.request('GET', '/v1/reviews', { token: officer })).body.items;
  return items.find((r: { callId: string; version?: number }) => r.callId === callId && r.version === version);
}

async function decide(callId: string) {
  const review = (await sys.request('GET', '/v1/reviews', { token: officer })).body.items.find(
    (r: { callId: string }) => r.callId === callId,
  );
  const res = await sys.request('POST', `/v1/reviews/${review.reviewId}/decision`, {
    token: officer,
    body: { decision: 'APPROVE', reason: 'identity confirmed' },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

async function tour() {
  // A supervisor loads the watch list; one call clears by itself, through the gangway and out again.
  await sys.request('PUT', '/v1/watchlist', {
    token: supervisor,
    body: {
      entries: [
        { kind: 'PERSON', familyName: 'Müller', givenNames: 'Hans', dateOfBirth: '1970-05-05', reason: 'entry ban' },
      ],
    },
  });
  const a = announcement();
  const callId = (await sys.request('POST', '/v1/calls', { token: agent, body: a })).body.callId as string;
  await sys.request('PUT', `/v1/calls/${callId}/arrival`, { token: agent, body: declaration(a.eta) });
  await until(callId, 'ARRIVAL_CLEARED');
  await sys.request('POST', `/v1/calls/${callId}/arrived`, { token: agent, body: {} });
  const created = await sys.request('POST', '/v1/devices', {
    token: supervisor,
    body: { label: 'gangway', kind: 'FACE' },
  });
  await sys.request('POST', `/v1/devices/${created.body.deviceId}/assign`, { token: supervisor, body: { callId } });
  const device: DeviceCredentials = { deviceId: created.body.deviceId, key: created.body.key };
  await postSigned(sys.url, device, scan({ callId, personRef: 'C02', direction: 'DISEMBARK' }));
  await postSigned(sys.url, device, scan({ callId, personRef: 'C02', direction: 'BOARD' }));
  // The master's face passes without liveness: a high alert that holds the departure.
  await postSigned(sys.url, device, scan({ callId, personRef: 'C01', direction: 'BOARD', livenessPassed: false }));
  const draft = (await sys.request('GET', `/v1/calls/${callId}/departure`, { token: agent })).body.draft;
  await sys.request('PUT', `/v1/calls/${callId}/departure`, { token: agent, body: draft });
  await until(callId, 'DEPARTURE_REVIEW');
  // A pass while the departure waits for an officer re-checks it; so does resolving the alert.
  await postSigned(sys.url, device, scan({ callId, personRef: 'C03', direction: 'BOARD' }));
  const alerts = (await sys.request('GET', `/v1/alerts?callId=${callId}`, { token: officer })).body.items;
  await sys.request('POST', `/v1/alerts/${alerts[0].alertId}/ack`, { token: officer, body: {} });
  for (const alert of alerts) {
    await sys.request('POST', `/v1/alerts/${alert.alertId}/resolve`, {
      token: officer,
      body: { resolution: 'master identified in person' },
    });
  }
  await until(callId, 'DEPARTURE_CLEARED');
  await sys.request('POST', `/v1/calls/${callId}/departed`, { token: agent, body: {} });
  await sys.request('POST', `/v1/devices/${device.deviceId}/rotate-key`, { token: supervisor });

  // A call with someone on the watch list goes to an officer, who approves it.
  const b = announcement();
  const reviewed = (await sys.request('POST', '/v1/calls', { token: agent, body: b })).body.callId as string;
  const listed = declaration(b.eta, (d) => {
    Object.assign(d.crew[1]!, { familyName: 'Müller', givenNames: 'Hans', dateOfBirth: '1970-05-05' });
  });
  await sys.request('PUT', `/v1/calls/${reviewed}/arrival`, { token: agent, body: listed });
  await until(reviewed, 'ARRIVAL_REVIEW');
  // The agent corrects a crew member's rank while the officer has not decided: a new version.
  const corrected = structuredClone(listed);
  corrected.crew[2]!.rank = 'CHIEF_ENGINEER';
  const amended = await sys.request('PUT', `/v1/calls/${reviewed}/arrival`, { token: agent, body: corrected });
  expect(amended.status, JSON.stringify(amended.body)).toBe(202);
  for (let i = 0; i < 400 && !(await reviewOfVersion(reviewed, 2)); i++) await new Promise((r) => setTimeout(r, 15));
  await decide(reviewed);
  await until(reviewed, 'ARRIVAL_CLEARED');

  // And one is cancelled.
  const c = announcement();
  const cancelled = (await sys.request('POST', '/v1/calls', { token: agent, body: c })).body.callId as string;
  await sys.request('POST', `/v1/calls/${cancelled}/cancel`, { token: agent, body: { reason: 'voyage dropped' } });
  await until(cancelled, 'CANCELLED');
}

describe('the rights each function declares', () => {
  it('are the ones it uses on a tour of the port call', async () => {
    await tour();
    await Promise.all(sys.runtime.stepFunctions.executions().map((e) => e.done));
    const declared = new Map<string, Grants>([
      ...routeList.map((r) => [r.name, routeGrants(r)] as const),
      ...workflows.flatMap((w) => Object.entries(w.steps).map(([p, s]) => [`${w.name}/${p}`, taskGrants(s)] as const)),
      ...schedules.map((j) => [j.name, taskGrants(j)] as const),
    ]);
    const mismatches: string[] = [];
    for (const name of functionsInvoked()) {
      const grants = declared.get(name);
      if (!grants) continue;
      const used = [...new Set([...(rightsUsed().get(name) ?? [])].map((a) => RIGHT_OF_ACTION[a]))].sort();
      const off = OFF_THE_TOUR[name];
      if (off) expect(rightsOf(grants), `${name} no longer declares ${off.right}`).toContain(off.right);
      const want = rightsOf(grants).filter((r) => r !== off?.right);
      if (JSON.stringify(used) !== JSON.stringify(want)) mismatches.push(`${name}: declares [${want}], used [${used}]`);
    }
    expect(mismatches).toEqual([]);
    // The tour reached the functions that hold rights at all.
    expect(functionsInvoked().size).toBeGreaterThan(30);
  }, 60_000);
});
