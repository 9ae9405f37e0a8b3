// Store fidelity: the same flows against DynamoDB Local, AWS's own emulator, so nothing relies on
// a dynalite quirk (conditions, batch writes, ReturnValues, indexes). Needs Java; see the README.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postSigned, scan } from '#local/device-client.ts';
import { passengersOf } from '#local/passenger-lists.ts';
import { announcement, declaration } from '../support/fixtures.ts';
import { type DynamoDbLocal, javaAvailable, startDynamoDbLocal } from '../support/dynamodb-local.ts';
import { type TestSystem, startTestSystem } from '../support/runtime.ts';

const hasJava = javaAvailable();
let emulator: DynamoDbLocal;
let sys: TestSystem;
const t: Record<string, string> = {};

// Skipped only where no Java runtime is installed: DynamoDB Local is a Java program.
describe.skipIf(!hasJava)('against DynamoDB Local', () => {
  beforeAll(async () => {
    emulator = await startDynamoDbLocal();
    sys = await startTestSystem({ storeEndpoint: emulator.url });
    t.agent = await sys.token({ role: 'agent', agentId: 'ACME-SHIPPING' });
    t.officer = await sys.token({ role: 'officer', port: 'CNTXG' });
    t.supervisor = await sys.token({ role: 'supervisor', port: 'CNTXG' });
  }, 90_000);
  afterAll(async () => {
    await sys?.stop();
    await emulator?.stop();
  });

  const until = async (callId: string, test: (c: any) => boolean) => {
    for (let i = 0; i < 300; i++) {
      const call = (await sys.request('GET', `/v1/calls/${callId}`, { token: t.agent })).body;
      if (test(call)) return call;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`call ${callId} never got there`);
  };

  it('keeps idempotency, voyage guard and version checks', async () => {
    const body = announcement();
    const headers = { 'idempotency-key': `ddb-${body.voyage}` };
    const first = await sys.request('POST', '/v1/calls', { token: t.agent, body, headers });
    const again = await sys.request('POST', '/v1/calls', { token: t.agent, body, headers });
    expect(first.status).toBe(201);
    expect(again.body.callId).toBe(first.body.callId);
    expect((await sys.request('POST', '/v1/calls', { token: t.agent, body })).status).toBe(409);
    const cancelled = await sys.request('POST', `/v1/calls/${first.body.callId}/cancel`, {
      token: t.agent,
      body: { reason: 'test' },
    });
    expect(cancelled.body).toMatchObject({ status: 'CANCELLED', version: 2 });
  });

  it('clears an arrival, takes a departure through the gangway record, and counts the three zeros', async () => {
    const a = announcement();
    const callId = (await sys.request('POST', '/v1/calls', { token: t.agent, body: a })).body.callId;
    await sys.request('PUT', `/v1/calls/${callId}/arrival`, { token: t.agent, body: declaration(a.eta) });
    await until(callId, (c) => c.status === 'ARRIVAL_CLEARED');
    // Berthed five minutes ago: the crew's shore pass runs from then.
    const at = new Date(Date.now() - 300_000).toISOString();
    await sys.request('POST', `/v1/calls/${callId}/arrived`, { token: t.agent, body: { at } });
    const device = await sys.request('POST', '/v1/devices', {
      token: t.supervisor,
      body: { label: 'g', kind: 'FACE' },
    });
    await sys.request('POST', `/v1/devices/${device.body.deviceId}/assign`, { token: t.supervisor, body: { callId } });
    const creds = { deviceId: device.body.deviceId, key: device.body.key };

    const batch = ['C01', 'C02'].map((ref, i) =>
      scan({ callId, personRef: ref, direction: 'DISEMBARK', capturedAt: new Date(Date.now() - 60_000 + i) }),
    );
    expect((await postSigned(sys.url, creds, { events: batch })).body.accepted).toBe(2);
    expect((await postSigned(sys.url, creds, { events: batch })).body.duplicates).toBe(2);
    const back = scan({ callId, personRef: 'C01', direction: 'BOARD' });
    expect((await postSigned(sys.url, creds, back)).body.accepted).toBe(1);
    await postSigned(sys.url, creds, scan({ callId, personRef: 'C02', direction: 'BOARD' }));
    await postSigned(sys.url, creds, scan({ callId, personRef: 'X9', direction: 'BOARD' }));
    const persons = (await sys.request('GET', `/v1/calls/${callId}/persons`, { token: t.officer })).body;
    // X9 is on no list: counted apart, never as one of the crew on board.
    expect(persons.counts).toEqual({ onBoard: 3, ashore: 0, unknown: 0, undeclared: 1, overdue: 0, missing: 0 });
    const alerts = (await sys.request('GET', `/v1/alerts?callId=${callId}`, { token: t.officer })).body.items;
    expect(alerts.map((x: { rule: string }) => x.rule)).toEqual(['NOT_ON_LIST']);

    // X9 boarded unlisted: resolve the alert and let them land, then the departure clears.
    await sys.request('POST', `/v1/alerts/${alerts[0].alertId}/resolve`, {
      token: t.officer,
      body: { resolution: 'pilot' },
    });
    await postSigned(sys.url, creds, scan({ callId, personRef: 'X9', direction: 'DISEMBARK' }));
    const draft = (await sys.request('GET', `/v1/calls/${callId}/departure`, { token: t.agent })).body.draft;
    expect((await sys.request('PUT', `/v1/calls/${callId}/departure`, { token: t.agent, body: draft })).status).toBe(
      202,
    );
    await until(callId, (c) => c.status === 'DEPARTURE_CLEARED');
    const overview = await sys.request('GET', '/v1/ports/CNTXG/overview', { token: t.officer });
    expect(overview.body.calls.find((c: { callId: string }) => c.callId === callId)).toMatchObject({ delayMinutes: 0 });
  });

  it('stores a cruise ship’s declaration gzipped and split over items under the 400 KB limit', async () => {
    const a = announcement();
    const callId = (await sys.request('POST', '/v1/calls', { token: t.agent, body: a })).body.callId;
    const letters = (n: number) =>
      Array.from({ length: n }, () => 'abcdefghijklmnopqrstuvwxyz'[Math.floor(Math.random() * 26)]).join('');
    const d = declaration(a.eta, (d) => {
      // Places of birth that compress badly, so gzip alone is not enough and the parts are used.
      d.passengers = passengersOf(10_000).map((p) => ({ ...p, placeOfBirth: `X${letters(40)}` }));
      d.general.passengerCount = 10_000;
      d.general.personsOnBoard = d.crew.length + 10_000;
    });
    const put = await sys.request('PUT', `/v1/calls/${callId}/arrival`, { token: t.agent, body: d });
    expect(put.status, JSON.stringify(put.body)).toBe(202);
    const back = await sys.request('GET', `/v1/calls/${callId}/arrival`, { token: t.agent });
    expect(back.body.declaration).toEqual(d);
  }, 120_000);
});
