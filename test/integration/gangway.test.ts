// Zero contact, over HTTP on the embedded runtime: signed events from a registered device move
// presence and raise alerts; nothing biometric is ever kept.
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient, tableName } from '#shared/aws.ts';
import { systemClock, useClock } from '#shared/clock.ts';
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

/** A cleared call, the ship in port, with the example crew (C01–C03) and a device at its gangway. */
async function callWithDevice(change?: Parameters<typeof declaration>[1]) {
  const a = announcement();
  const callId = (await sys.request('POST', '/v1/calls', { token: agent, body: a })).body.callId as string;
  await sys.request('PUT', `/v1/calls/${callId}/arrival`, { token: agent, body: declaration(a.eta, change) });
  for (let i = 0; i < 200; i++) {
    if ((await sys.request('GET', `/v1/calls/${callId}`, { token: agent })).body.status === 'ARRIVAL_CLEARED') break;
    await new Promise((r) => setTimeout(r, 10));
  }
  // The ship berthed three hours ago: scans from before her arrival (less the margin) move nobody.
  const ata = new Date(Date.now() - 3 * 3_600_000).toISOString();
  expect((await sys.request('POST', `/v1/calls/${callId}/arrived`, { token: agent, body: { at: ata } })).status).toBe(
    200,
  );
  const created = await sys.request('POST', '/v1/devices', {
    token: supervisor,
    body: { label: 'Terminal 5, gangway A', kind: 'FACE_AND_CARD' },
  });
  expect(created.status).toBe(201);
  const assigned = await sys.request('POST', `/v1/devices/${created.body.deviceId}/assign`, {
    token: supervisor,
    body: { callId },
  });
  expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
  const device: DeviceCredentials = { deviceId: created.body.deviceId, key: created.body.key };
  return { callId, device };
}

async function storedEvents(callId: string) {
  const out = await documentClient().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :e)',
      ExpressionAttributeValues: { ':pk': `CALL#${callId}`, ':e': 'EVENT#' },
    }),
  );
  return out.Items ?? [];
}

async function persons(callId: string) {
  return (await sys.request('GET', `/v1/calls/${callId}/persons`, { token: officer })).body;
}

async function alerts(callId: string) {
  const res = await sys.request('GET', `/v1/alerts?callId=${callId}`, { token: officer });
  return res.body.items as { rule: string; personRef: string; alertId: string; status: string }[];
}

describe('signed ingest', () => {
  it('accepts a signed event, moves the person ashore and keeps only the decision', async () => {
    const { callId, device } = await callWithDevice();
    const event = scan({ callId, personRef: 'C02', direction: 'DISEMBARK', matchScore: 0.97 });
    const res = await postSigned(sys.url, device, event);
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({
      accepted: 1,
      duplicates: 0,
      rejected: 0,
      results: [{ eventId: event.eventId, status: 'accepted' }],
    });

    const who = await persons(callId);
    expect(who.counts).toEqual({ onBoard: 2, ashore: 1, unknown: 0, undeclared: 0, overdue: 0, missing: 0 });
    expect(who.persons.find((p: { ref: string }) => p.ref === 'C02')).toMatchObject({
      state: 'ASHORE',
      lastEvent: { eventId: event.eventId, direction: 'DISEMBARK', deviceId: device.deviceId },
    });
    const [stored] = await storedEvents(callId);
    expect(stored).toMatchObject({ scoreBand: 'HIGH', livenessPassed: true, algorithm: 'vendor-x/face-1:1@4.2' });
    expect(stored).not.toHaveProperty('matchScore');
    expect(stored!.ttl).toBe(Math.floor(Date.parse(event.capturedAt) / 1000) + 1_095 * 86_400);
    expect(
      sys.runtime.bus.recent().some((e) => e.detailType === 'PersonLanded' && e.detail.eventId === event.eventId),
    ).toBe(true);
  });

  it('refuses unsigned, wrongly signed and stale requests with 401, storing nothing', async () => {
    const { callId, device } = await callWithDevice();
    const event = scan({ callId, personRef: 'C01', direction: 'DISEMBARK' });
    expect((await postSigned(sys.url, { ...device, key: 'guessed' }, event)).status).toBe(401);
    expect((await postSigned(sys.url, device, event, new Date(Date.now() - 600_000))).status).toBe(401);
    const unsigned = await fetch(`${sys.url}/v1/gangway/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(event),
    });
    expect(unsigned.status).toBe(401);
    expect(await storedEvents(callId)).toEqual([]);
  });

  it('refuses a retired device with 401 and an unassigned one with 403', async () => {
    const { callId, device } = await callWithDevice();
    await sys.request('POST', `/v1/devices/${device.deviceId}/unassign`, { token: supervisor });
    expect((await postSigned(sys.url, device, scan({ callId, personRef: 'C01', direction: 'BOARD' }))).status).toBe(
      403,
    );
    await sys.request('DELETE', `/v1/devices/${device.deviceId}`, { token: supervisor });
    expect((await postSigned(sys.url, device, scan({ callId, personRef: 'C01', direction: 'BOARD' }))).status).toBe(
      401,
    );
  });

  it('rejects events for a call the device is not assigned to', async () => {
    const a = await callWithDevice();
    const b = await callWithDevice();
    const res = await postSigned(
      sys.url,
      a.device,
      scan({ callId: b.callId, personRef: 'C01', direction: 'DISEMBARK' }),
    );
    expect(res.body.results[0]).toMatchObject({ status: 'rejected', reason: 'DEVICE_NOT_ASSIGNED_TO_CALL' });
    expect(await storedEvents(b.callId)).toEqual([]);
    expect((await persons(b.callId)).counts.ashore).toBe(0);
  });

  it('refuses a payload carrying a face image with 422, and stores none of it', async () => {
    const { callId, device } = await callWithDevice();
    const good = scan({ callId, personRef: 'C01', direction: 'DISEMBARK' });
    const res = await postSigned(sys.url, device, {
      events: [good, { ...scan({ callId, personRef: 'C02', direction: 'DISEMBARK' }), faceImage: 'iVBORw0KGgo…' }],
    });
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual([
      expect.objectContaining({ path: 'events[1].faceImage', rule: 'BIOMETRIC_DATA_REFUSED' }),
    ]);
    expect(await storedEvents(callId)).toEqual([]);
    expect((await persons(callId)).counts.ashore).toBe(0);
  });
});

describe('duplicates and order', () => {
  it('records an event sent five times once', async () => {
    const { callId, device } = await callWithDevice();
    const event = scan({ callId, personRef: 'C03', direction: 'DISEMBARK' });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await postSigned(sys.url, device, event)).body.results[0].status);
    expect(statuses).toEqual(['accepted', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
    expect(await storedEvents(callId)).toHaveLength(1);
  });

  it('ends in the same presence when a buffered batch is re-sent in another order', async () => {
    const { callId, device } = await callWithDevice();
    const t0 = Date.now() - 3_600_000;
    const at = (minutes: number) => new Date(t0 + minutes * 60_000);
    const batch = [
      scan({ callId, personRef: 'C01', direction: 'DISEMBARK', capturedAt: at(0) }),
      scan({ callId, personRef: 'C01', direction: 'BOARD', capturedAt: at(30) }),
      scan({ callId, personRef: 'C02', direction: 'DISEMBARK', capturedAt: at(10) }),
      scan({ callId, personRef: 'C01', direction: 'DISEMBARK', capturedAt: at(45) }),
    ];
    // Newest first, as a device flushing a stack might send them.
    const first = await postSigned(sys.url, device, { events: [...batch].reverse() });
    expect(first.body.accepted).toBe(4);
    const afterFirst = await persons(callId);
    const second = await postSigned(sys.url, device, { events: [batch[2], batch[0], batch[3], batch[1]] });
    expect(second.body).toMatchObject({ accepted: 0, duplicates: 4 });
    const afterSecond = await persons(callId);
    expect(afterSecond).toEqual(afterFirst);
    expect(afterSecond.persons.find((p: { ref: string }) => p.ref === 'C01')).toMatchObject({
      state: 'ASHORE',
      lastEvent: { eventId: batch[3]!.eventId },
    });
    expect(await storedEvents(callId)).toHaveLength(4);
  });

  it('never moves presence backwards for an event that arrives late', async () => {
    const { callId, device } = await callWithDevice();
    const landed = scan({
      callId,
      personRef: 'C02',
      direction: 'DISEMBARK',
      capturedAt: new Date(Date.now() - 60_000),
    });
    const boardedEarlier = scan({
      callId,
      personRef: 'C02',
      direction: 'BOARD',
      capturedAt: new Date(Date.now() - 3_600_000),
    });
    await postSigned(sys.url, device, landed);
    const late = await postSigned(sys.url, device, boardedEarlier);
    expect(late.body.results[0].status).toBe('accepted');
    expect((await persons(callId)).persons.find((p: { ref: string }) => p.ref === 'C02').state).toBe('ASHORE');
  });
});

describe('alerts', () => {
  it.each([
    ['someone not on any list', { personRef: 'X77' }, 'NOT_ON_LIST'],
    ['a low face match', { personRef: 'C01', matchScore: 0.42 }, 'LOW_MATCH'],
    ['a failed liveness check', { personRef: 'C01', livenessPassed: false }, 'LIVENESS_FAILED'],
    [
      'a capture time ahead of the clock',
      { personRef: 'C01', capturedAt: new Date(Date.now() + 3_600_000) },
      'CLOCK_SKEW',
    ],
  ])('raises one alert for %s, however often the event is sent', async (_case, change, rule) => {
    const { callId, device } = await callWithDevice();
    const event = scan({ callId, direction: 'DISEMBARK', ...change });
    await postSigned(sys.url, device, event);
    await postSigned(sys.url, device, event);
    const raised = await alerts(callId);
    expect(raised.map((a) => a.rule)).toEqual([rule]);
    expect(raised[0]).toMatchObject({ personRef: change.personRef, status: 'OPEN' });
  });

  it('raises an alert for someone boarding twice without landing', async () => {
    const { callId, device } = await callWithDevice();
    await postSigned(
      sys.url,
      device,
      scan({ callId, personRef: 'C03', direction: 'DISEMBARK', capturedAt: new Date(Date.now() - 7_200_000) }),
    );
    await postSigned(
      sys.url,
      device,
      scan({ callId, personRef: 'C03', direction: 'BOARD', capturedAt: new Date(Date.now() - 3_600_000) }),
    );
    expect(await alerts(callId)).toEqual([]);
    await postSigned(sys.url, device, scan({ callId, personRef: 'C03', direction: 'BOARD' }));
    expect((await alerts(callId)).map((a) => a.rule)).toEqual(['BOARDED_TWICE']);
  });

  it('judges nothing by a capture time that cannot be true: a scan dated 2031 is clock skew, not an expired document', async () => {
    const { callId, device } = await callWithDevice();
    const afterExpiry = new Date('2031-02-02T10:00:00Z'); // C01's passport expires 2031-02-01
    const event = {
      ...scan({ callId, personRef: 'C01', direction: 'DISEMBARK' }),
      capturedAt: afterExpiry.toISOString(),
    };
    // A long stay: the system's clock is past the expiry too (a capture years ahead is refused).
    const offset = afterExpiry.getTime() - Date.now();
    useClock({ now: () => new Date(Date.now() + offset) });
    try {
      await postSigned(sys.url, device, event, afterExpiry);
    } finally {
      useClock(systemClock);
    }
    expect((await alerts(callId)).map((a) => a.rule)).toContain('DOCUMENT_EXPIRED');
  });

  it('lets an officer acknowledge and resolve an alert, and no one else', async () => {
    const { callId, device } = await callWithDevice();
    await postSigned(sys.url, device, scan({ callId, personRef: 'X78', direction: 'BOARD' }));
    const [alert] = await alerts(callId);
    const elsewhere = await sys.token({ role: 'officer', port: 'CNSHA' });
    expect((await sys.request('POST', `/v1/alerts/${alert!.alertId}/ack`, { token: elsewhere })).status).toBe(404);
    expect((await sys.request('POST', `/v1/alerts/${alert!.alertId}/ack`, { token: agent })).status).toBe(403);
    const ack = await sys.request('POST', `/v1/alerts/${alert!.alertId}/ack`, { token: officer });
    expect(ack.body).toMatchObject({ status: 'ACKNOWLEDGED', owner: 'officer-cntxg' });
    const resolved = await sys.request('POST', `/v1/alerts/${alert!.alertId}/resolve`, {
      token: officer,
      body: { resolution: 'pilot boarding, identity checked' },
    });
    expect(resolved.body).toMatchObject({ status: 'RESOLVED', resolution: 'pilot boarding, identity checked' });
    expect(await alerts(callId)).toEqual([]);
    const listed = await sys.request('GET', `/v1/alerts?status=RESOLVED&callId=${callId}`, { token: officer });
    expect(listed.body.items).toHaveLength(1);
  });
});

describe('hostile events', () => {
  it('never crashes the ingest or stores a partial record, whatever the event holds', async () => {
    const { callId, device } = await callWithDevice();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue(),
          fc.record({
            eventId: fc.oneof(fc.uuid(), fc.string()),
            callId: fc.constantFrom(callId, 'C0', ''),
            personRef: fc.oneof(fc.constantFrom('C01', 'C02'), fc.string()),
            direction: fc.oneof(fc.constantFrom('BOARD', 'DISEMBARK'), fc.string()),
            method: fc.constantFrom('FACE', 'CARD', 'IRIS'),
            matchScore: fc.oneof(fc.double(), fc.constant(undefined)),
            livenessPassed: fc.oneof(fc.boolean(), fc.constant(undefined)),
            capturedAt: fc.oneof(
              fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
              fc.string(),
            ),
          }),
        ),
        async (event) => {
          const res = await postSigned(sys.url, device, { events: [event] });
          expect([202, 400, 422]).toContain(res.status);
          if (res.status === 202) {
            expect(res.body.results).toHaveLength(1);
            const result = res.body.results[0];
            if (result.status === 'rejected') expect(result.reason).toBeDefined();
          }
        },
      ),
      { numRuns: 150 },
    );
    for (const item of await storedEvents(callId)) {
      expect(item).toEqual(
        expect.objectContaining({
          eventId: expect.any(String),
          personRef: expect.any(String),
          capturedAt: expect.any(String),
          deviceId: device.deviceId,
        }),
      );
    }
  });
});
