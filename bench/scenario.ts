// Setting the stage for the benchmarks: calls cleared for arrival with N persons, each with a
// registered, assigned gangway device.
import type { DeviceCredentials } from '#local/device-client.ts';
import { announcement, crewOf } from '#local/examples.ts';
import type { Runtime } from '#local/runtime.ts';
import { type Api, type Tokens, waitForEvent } from '#local/api-client.ts';

export { api, tokens, waitForEvent } from '#local/api-client.ts';

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
