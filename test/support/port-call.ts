// A port call driven over HTTP as its agent, officers and gangway would: announced, declared,
// cleared, the ship in port, a device at the gangway. Shared by the border integration tests.
import { expect } from 'vitest';
import type { ArrivalDeclaration } from '#arrival/schema.ts';
import type { DeviceCredentials } from '#local/device-client.ts';
import { announcement, declaration } from './fixtures.ts';
import { until } from './wait.ts';
import type { TestSystem } from './runtime.ts';

export interface Actors {
  agent: string;
  officer: string;
  supervisor: string;
}

export async function actors(sys: TestSystem): Promise<Actors> {
  return {
    agent: await sys.token({ role: 'agent', agentId: 'ACME-SHIPPING' }),
    officer: await sys.token({ role: 'officer', port: 'CNTXG' }),
    supervisor: await sys.token({ role: 'supervisor', port: 'CNTXG' }),
  };
}

export function callReader(sys: TestSystem, token: string) {
  return async (callId: string) => (await sys.request('GET', `/v1/calls/${callId}`, { token })).body;
}

export interface CallOptions {
  /** Days until the ETA (default 7). */
  daysAhead?: number;
  change?: (d: ArrivalDeclaration) => void;
  /** Wait for the arrival to clear (default true). */
  cleared?: boolean;
  /** Record the ATA this long ago, in hours (default 3); undefined leaves the ship at sea. */
  arrivedHoursAgo?: number | null;
}

/** A call with the example crew C01–C03 (C01 the master) and a device assigned to its gangway. */
export async function portCall(sys: TestSystem, who: Actors, options: CallOptions = {}) {
  const { daysAhead = 7, change, cleared = true, arrivedHoursAgo = 3 } = options;
  const a = announcement({ daysAhead });
  const callId = (await sys.request('POST', '/v1/calls', { token: who.agent, body: a })).body.callId as string;
  const submitted = await sys.request('PUT', `/v1/calls/${callId}/arrival`, {
    token: who.agent,
    body: declaration(a.eta, change),
  });
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(202);
  const read = callReader(sys, who.officer);
  if (cleared) {
    await until(
      () => read(callId),
      (c) => c.status === 'ARRIVAL_CLEARED',
      'ARRIVAL_CLEARED',
    );
    if (arrivedHoursAgo !== null) {
      const at = new Date(Date.now() - arrivedHoursAgo * 3_600_000).toISOString();
      const arrived = await sys.request('POST', `/v1/calls/${callId}/arrived`, { token: who.agent, body: { at } });
      expect(arrived.status).toBe(200);
    }
  } else {
    await until(
      () => read(callId),
      (c) => c.status === 'ARRIVAL_REVIEW',
      'ARRIVAL_REVIEW',
    );
  }
  const created = await sys.request('POST', '/v1/devices', {
    token: who.supervisor,
    body: { label: 'gangway', kind: 'FACE_AND_CARD' },
  });
  const assigned = await sys.request('POST', `/v1/devices/${created.body.deviceId}/assign`, {
    token: who.supervisor,
    body: { callId },
  });
  expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
  const device: DeviceCredentials = { deviceId: created.body.deviceId, key: created.body.key };
  return { callId, eta: a.eta, etd: a.etd, device };
}

export async function alertsOf(sys: TestSystem, officer: string, callId: string) {
  const res = await sys.request('GET', `/v1/alerts?callId=${callId}`, { token: officer });
  return res.body.items as { rule: string; personRef: string; severity: string; detail: string }[];
}

export async function borderOf(sys: TestSystem, token: string, callId: string) {
  const res = await sys.request('GET', `/v1/calls/${callId}/border`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as {
    persons: { ref: string; presence: string; landing: { status: string; from?: string; until?: string } }[];
    visitors: { visitorId: string; status: string; reason?: string; findings?: string[] }[];
    missing: string[];
  };
}

export const presenceOf = async (sys: TestSystem, token: string, callId: string, ref: string) =>
  (await borderOf(sys, token, callId)).persons.find((p) => p.ref === ref)?.presence;

/** Fetches the departure draft, changes it, and submits it. */
export async function declareDeparture(
  sys: TestSystem,
  agent: string,
  callId: string,
  change: (d: any) => void = () => undefined,
) {
  const draft = await sys.request('GET', `/v1/calls/${callId}/departure`, { token: agent });
  expect(draft.status).toBe(200);
  const body = structuredClone(draft.body.draft);
  change(body);
  const res = await sys.request('PUT', `/v1/calls/${callId}/departure`, { token: agent, body });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return res.body;
}

/** A boarding-permit request for the station's pilot, valid from and until so many hours from now. */
export const pilotRequest = (fromHours: number, untilHours: number) => ({
  familyName: 'MOREAU',
  givenNames: 'Luc',
  dateOfBirth: '1979-03-02',
  nationality: 'FRA',
  document: { type: 'PASSPORT', number: 'FR1234567', issuingState: 'FRA' },
  company: 'Tianjin Pilot Station',
  purpose: 'PILOT',
  from: new Date(Date.now() + fromHours * 3_600_000).toISOString(),
  until: new Date(Date.now() + untilHours * 3_600_000).toISOString(),
});
