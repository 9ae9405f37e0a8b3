// Setting the stage for the benchmarks: calls cleared for arrival with N persons, each with a
// registered, assigned gangway device.
import { type DeviceCredentials } from '#local/device-client.ts';
import { announcement, crewOf } from '#local/examples.ts';
import type { Runtime } from '#local/runtime.ts';

export interface Api {
  request<T = any>(method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: T }>;
}

export function api(url: string): Api {
  return {
    async request(method, path, token, body) {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    },
  };
}

export interface Tokens {
  agent: string;
  officer: string;
  supervisor: string;
}

export async function tokens(runtime: Runtime): Promise<Tokens> {
  return {
    agent: await runtime.identity.mint({ role: 'agent', agentId: 'BENCH-SHIPPING' }),
    officer: await runtime.identity.mint({ role: 'officer', port: 'CNTXG' }),
    supervisor: await runtime.identity.mint({ role: 'supervisor', port: 'CNTXG' }),
  };
}

/** Resolves when the bus carries `type` for `callId`; the bench's clock for end-to-end latency. */
export function waitForEvent(runtime: Runtime, type: string | string[], callId: string, timeoutMs = 30_000): Promise<number> {
  const types = new Set(Array.isArray(type) ? type : [type]);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`${[...types].join(' or ')} for ${callId} not seen in ${timeoutMs} ms`));
    }, timeoutMs);
    const stop = runtime.bus.subscribe((e) => {
      if (types.has(e.detailType) && e.detail.callId === callId) {
        clearTimeout(timer);
        stop();
        resolve(performance.now());
      }
    });
  });
}

export async function announceAndDeclare(client: Api, t: Tokens, persons: number, seed: number) {
  const a = announcement();
  const created = await client.request('POST', '/v1/calls', t.agent, a);
  if (created.status !== 201) throw new Error(`announce failed: ${JSON.stringify(created.body)}`);
  return { callId: created.body.callId as string, eta: a.eta, declaration: crewOf(a.eta, persons, seed) };
}

/** A call cleared for arrival, in port, with a device at its gangway. */
export async function callAtGangway(runtime: Runtime, client: Api, t: Tokens, persons: number, seed: number) {
  const { callId, eta, declaration } = await announceAndDeclare(client, t, persons, seed);
  const cleared = waitForEvent(runtime, 'ArrivalCleared', callId);
  await client.request('PUT', `/v1/calls/${callId}/arrival`, t.agent, declaration);
  await cleared;
  await client.request('POST', `/v1/calls/${callId}/arrived`, t.agent, {});
  const device = await client.request('POST', '/v1/devices', t.supervisor, { label: `bench ${seed}`, kind: 'FACE' });
  await client.request('POST', `/v1/devices/${device.body.deviceId}/assign`, t.supervisor, { callId });
  const credentials: DeviceCredentials = { deviceId: device.body.deviceId, key: device.body.key };
  return { callId, eta, device: credentials, refs: declaration.crew.map((p) => p.ref) };
}
