// Stopped with work in flight (SIGTERM, or SIGKILL without warning): gangway batches half-written
// and a departure halfway through its checks. On restart, every event a device was told was accepted is stored —
// the device's retry of it comes back `duplicate` — and the departure is picked up and cleared.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevIdentity, devIdentity } from '#local/dev-auth.ts';
import { type DeviceCredentials, postSigned, scan } from '#local/device-client.ts';
import { announcement, declaration } from '../support/fixtures.ts';
import { call, startProcess } from '../support/process.ts';

const dir = mkdtempSync(join(tmpdir(), 'three-zeros-in-flight-'));
let identity: DevIdentity;
const tokens: Record<'agent' | 'officer' | 'supervisor', string> = { agent: '', officer: '', supervisor: '' };
beforeAll(async () => {
  identity = await devIdentity(dir);
  tokens.agent = await identity.mint({ role: 'agent', agentId: 'ACME-SHIPPING' });
  tokens.officer = await identity.mint({ role: 'officer', port: 'CNTXG' });
  tokens.supervisor = await identity.mint({ role: 'supervisor', port: 'CNTXG' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function until<T>(read: () => Promise<T>, test: (value: T) => boolean, what: string): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const value = await read();
    if (test(value)) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`never reached ${what}`);
}

/** A call cleared for arrival and in port, on the running system at `url`. */
async function callInPort(url: string) {
  const a = announcement();
  const callId = (await call(url, tokens.agent, 'POST', '/v1/calls', a)).body.callId as string;
  await call(url, tokens.agent, 'PUT', `/v1/calls/${callId}/arrival`, declaration(a.eta));
  await until(
    () => call(url, tokens.agent, 'GET', `/v1/calls/${callId}`),
    (r) => r.body.status === 'ARRIVAL_CLEARED',
    'ARRIVAL_CLEARED',
  );
  await call(url, tokens.agent, 'POST', `/v1/calls/${callId}/arrived`, {});
  return callId;
}

describe('stopped with work in flight', () => {
  it.each(['SIGTERM', 'SIGKILL'] as const)(
    'stores every gangway event a device was told was accepted (%s)',
    async (signal) => {
      const first = await startProcess({ DATA_DIR: dir, RATE_LIMIT_PER_SECOND: '0' });
      const callId = await callInPort(first.url);
      const created = await call(first.url, tokens.supervisor, 'POST', '/v1/devices', {
        label: 'gangway',
        kind: 'FACE',
      });
      await call(first.url, tokens.supervisor, 'POST', `/v1/devices/${created.body.deviceId}/assign`, { callId });
      const device: DeviceCredentials = { deviceId: created.body.deviceId, key: created.body.key };

      // Batches of 50 passes, eight in flight at a time, until the process dies under them.
      const start = Date.now() - 3_600_000;
      const acknowledged: ReturnType<typeof scan>[] = [];
      let sent = 0;
      let killed = false;
      const batch = (n: number) =>
        Array.from({ length: 50 }, (_, i) =>
          scan({
            callId,
            personRef: `C0${1 + (i % 3)}`,
            direction: (n + i) % 2 ? 'BOARD' : 'DISEMBARK',
            capturedAt: new Date(start + (n * 50 + i) * 1000),
          }),
        );
      const lane = async (offset: number) => {
        for (let n = offset; !killed; n += 8) {
          const events = batch(n);
          sent += 1;
          try {
            const res = await postSigned(first.url, device, { events });
            const byId = new Map<string, (typeof events)[number]>(events.map((e) => [e.eventId, e]));
            for (const r of res.body.results as { eventId: string; status: string }[]) {
              if (r.status === 'accepted') acknowledged.push(byId.get(r.eventId)!);
            }
          } catch {
            return; // the connection died with the process: the device never heard back
          }
        }
      };
      const lanes = Array.from({ length: 8 }, (_, i) => lane(i));
      await until(
        async () => acknowledged.length,
        (n) => n >= 1_000,
        '1,000 acknowledged events',
      );
      first.child.kill(signal);
      killed = true;
      await first.exited;
      await Promise.all(lanes);
      expect(sent * 50).toBeGreaterThan(acknowledged.length); // some were in flight when it died

      const second = await startProcess({ DATA_DIR: dir, RATE_LIMIT_PER_SECOND: '0' });
      try {
        // The device retries what it sent: everything it had been told was accepted is already there.
        const statuses = new Map<string, number>();
        for (let i = 0; i < acknowledged.length; i += 100) {
          const res = await postSigned(second.url, device, { events: acknowledged.slice(i, i + 100) });
          expect(res.status).toBe(202);
          for (const r of res.body.results as { status: string }[])
            statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        }
        expect(Object.fromEntries(statuses)).toEqual({ duplicate: acknowledged.length });
      } finally {
        second.child.kill('SIGTERM');
        await second.exited;
      }
    },
    // Two processes started and stopped per case: on a busy machine that takes longer than the default.
    60_000,
  );

  it.each(['SIGTERM', 'SIGKILL'] as const)(
    'picks up a departure stopped halfway through its checks and clears it (%s)',
    async (signal) => {
      // Customs' system holds the first check until the process is gone, then answers at once.
      let answering = false;
      const held: (() => void)[] = [];
      const customs = createServer((_req, res) => {
        const answer = () => (res.writeHead(200, { 'content-type': 'application/json' }), res.end('{"clear":true}'));
        if (answering) answer();
        else held.push(answer);
      });
      await new Promise<void>((ok) => customs.listen(0, '127.0.0.1', ok));
      const env = {
        DATA_DIR: dir,
        AGENCY_CHECKS: JSON.stringify({
          CNTXG: { customs: `http://127.0.0.1:${(customs.address() as AddressInfo).port}/` },
        }),
      };
      try {
        const first = await startProcess(env);
        const callId = await callInPort(first.url);
        const draft = await call(first.url, tokens.agent, 'GET', `/v1/calls/${callId}/departure`);
        expect(
          (await call(first.url, tokens.agent, 'PUT', `/v1/calls/${callId}/departure`, draft.body.draft)).status,
        ).toBe(202);
        await until(
          async () => held.length,
          (n) => n > 0,
          'the customs check under way',
        );
        first.child.kill(signal);
        await first.exited;
        answering = true;
        held.forEach((answer) => answer());

        const second = await startProcess(env);
        try {
          expect(second.output()).toMatch(/resumed: +1 clearances/);
          const cleared = await until(
            () => call(second.url, tokens.officer, 'GET', `/v1/calls/${callId}`),
            (r) => r.body.status === 'DEPARTURE_CLEARED',
            'DEPARTURE_CLEARED',
          );
          expect(cleared.body.departure).toMatchObject({ state: 'CLEARED', version: 1 });
          expect((await call(second.url, tokens.agent, 'GET', `/v1/calls/${callId}/permits/departure`)).status).toBe(
            200,
          );
        } finally {
          second.child.kill('SIGTERM');
          await second.exited;
        }
      } finally {
        customs.closeAllConnections();
        customs.close();
      }
    },
    // Two processes started and stopped per case: on a busy machine that takes longer than the default.
    60_000,
  );
});
