// Steps many integration tests take before what they test: a call cleared on arrival, a device
// registered and assigned to it.
import type { DeviceCredentials } from '#local/device-client.ts';
import { announcement, declaration } from './fixtures.ts';
import type { TestSystem } from './runtime.ts';

/** Announces and declares a call with the example crew (C01–C03) and waits for its clearance. */
export async function clearedCall(sys: TestSystem, agent: string): Promise<string> {
  const a = announcement();
  const callId = (await sys.request('POST', '/v1/calls', { token: agent, body: a })).body.callId as string;
  await sys.request('PUT', `/v1/calls/${callId}/arrival`, { token: agent, body: declaration(a.eta) });
  for (let i = 0; i < 300; i++) {
    if ((await sys.request('GET', `/v1/calls/${callId}`, { token: agent })).body.status === 'ARRIVAL_CLEARED') break;
    await new Promise((r) => setTimeout(r, 10));
  }
  return callId;
}

/** A card reader registered by `supervisor` and assigned to `callId`. */
export async function deviceAt(sys: TestSystem, supervisor: string, callId: string): Promise<DeviceCredentials> {
  const device = await sys.request('POST', '/v1/devices', {
    token: supervisor,
    body: { label: 'Terminal 5, gangway B', kind: 'CARD' },
  });
  await sys.request('POST', `/v1/devices/${device.body.deviceId}/assign`, { token: supervisor, body: { callId } });
  return { deviceId: device.body.deviceId, key: device.body.key };
}
