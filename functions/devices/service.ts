// The device registry: supervisors register, assign, rotate and retire the gangway devices of
// their port. A key is shown once, when it is made.
import { isWatched } from '#calls/lifecycle.ts';
import { canView } from '#calls/rules.ts';
import type { CallStore } from '#calls/store.ts';
import type { Principal } from '#shared/auth.ts';
import type { Clock } from '#shared/clock.ts';
import { ConflictError, ForbiddenError, NotFoundError, UnauthorizedError } from '#shared/errors.ts';
import { newId } from '#shared/ids.ts';
import { SIGNATURE_WINDOW_SECONDS, deriveKey, deviceKeySecret, newNonce, signatureMatches } from './keys.ts';
import type { Device } from './schema.ts';
import type { DeviceStore, StoredDevice } from './store.ts';

export interface DeviceDeps {
  devices: DeviceStore;
  calls: CallStore;
  clock: Clock;
  /** How long a rotated-out key keeps working. */
  graceSeconds: number;
}

export function publicDevice(d: StoredDevice): Device {
  const { keys: _keys, rev: _rev, ...device } = d;
  return device;
}

function supervisorPort(principal: Principal): string {
  if (principal.role !== 'supervisor') throw new ForbiddenError('Only supervisors manage devices');
  return principal.port;
}

async function ownDevice(deps: DeviceDeps, principal: Principal, deviceId: string): Promise<StoredDevice> {
  const port = supervisorPort(principal);
  const device = await deps.devices.get(deviceId);
  if (!device || device.port !== port) throw new NotFoundError(`No device ${deviceId}`);
  return device;
}

async function keyOf(device: Pick<Device, 'deviceId'>, record: { version: number; nonce: string }) {
  return deriveKey(await deviceKeySecret(), device.deviceId, record.version, record.nonce);
}

export async function registerDevice(deps: DeviceDeps, principal: Principal, input: Pick<Device, 'label' | 'kind'>) {
  const port = supervisorPort(principal);
  const now = deps.clock.now().toISOString();
  const device: StoredDevice = {
    deviceId: newId('device'),
    port,
    ...input,
    status: 'ACTIVE',
    keyVersion: 1,
    keys: [{ version: 1, nonce: newNonce(), createdAt: now }],
    createdAt: now,
    updatedAt: now,
    rev: 1,
  };
  await deps.devices.save(device);
  return { ...publicDevice(device), key: await keyOf(device, device.keys[0]!) };
}

export async function listDevices(deps: DeviceDeps, principal: Principal) {
  return { items: (await deps.devices.listByPort(supervisorPort(principal))).map(publicDevice) };
}

async function change(deps: DeviceDeps, device: StoredDevice, patch: Partial<StoredDevice>): Promise<StoredDevice> {
  const next = { ...device, ...patch, updatedAt: deps.clock.now().toISOString(), rev: device.rev + 1 };
  await deps.devices.save(next);
  return next;
}

export async function assignDevice(deps: DeviceDeps, principal: Principal, deviceId: string, callId: string) {
  const device = await ownDevice(deps, principal, deviceId);
  if (device.status === 'RETIRED') throw new ConflictError('A retired device cannot be assigned');
  const call = await deps.calls.get(callId);
  if (!call || !canView(principal, call)) throw new NotFoundError(`No call ${callId}`);
  if (!isWatched(call.status)) {
    throw new ConflictError(`A call in status ${call.status} has no gangway to watch`, [
      { path: 'callId', message: `call is ${call.status}` },
    ]);
  }
  if (device.callId === callId) return publicDevice(device);
  return publicDevice(await change(deps, device, { callId, assignedAt: deps.clock.now().toISOString() }));
}

export async function unassignDevice(deps: DeviceDeps, principal: Principal, deviceId: string) {
  const device = await ownDevice(deps, principal, deviceId);
  if (!device.callId) return publicDevice(device);
  return publicDevice(await change(deps, device, { callId: undefined, assignedAt: undefined }));
}

export async function rotateKey(deps: DeviceDeps, principal: Principal, deviceId: string) {
  const device = await ownDevice(deps, principal, deviceId);
  if (device.status === 'RETIRED') throw new ConflictError('A retired device has no key to rotate');
  const now = deps.clock.now();
  const previousValidUntil = new Date(now.getTime() + deps.graceSeconds * 1000).toISOString();
  const current = { version: device.keyVersion + 1, nonce: newNonce(), createdAt: now.toISOString() };
  // The newest key and the one it replaces, for the grace period; older ones are gone.
  const keys = [current, { ...device.keys[0]!, validUntil: previousValidUntil }];
  const next = await change(deps, device, { keyVersion: current.version, keys });
  return { ...publicDevice(next), key: await keyOf(next, current), previousKeyValidUntil: previousValidUntil };
}

export async function retireDevice(deps: DeviceDeps, principal: Principal, deviceId: string) {
  const device = await ownDevice(deps, principal, deviceId);
  if (device.status === 'RETIRED') return publicDevice(device);
  return publicDevice(
    await change(deps, device, { status: 'RETIRED', callId: undefined, assignedAt: undefined, keys: [] }),
  );
}

/** How stale a warm container's copy of a device may be when it authenticates a request. */
export const DEVICE_CACHE_MS = 5_000;

export interface SignedRequest {
  deviceId: string | undefined;
  timestamp: string | undefined;
  signature: string | undefined;
  body: string;
}

/** The device principal for a signed request: 401 for anything unproven, 403 if it has no call. */
export async function authenticateDevice(
  deps: Pick<DeviceDeps, 'devices' | 'clock'>,
  req: SignedRequest,
): Promise<Principal> {
  const { deviceId, timestamp, signature, body } = req;
  if (!deviceId || !timestamp || !signature) {
    throw new UnauthorizedError('Sign the request: x-device-id, x-timestamp and x-signature are required');
  }
  const now = deps.clock.now();
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(now.getTime() / 1000 - Number(timestamp)) > SIGNATURE_WINDOW_SECONDS) {
    throw new UnauthorizedError(
      `x-timestamp must be Unix seconds within ${SIGNATURE_WINDOW_SECONDS} s of the server clock`,
    );
  }
  const device = /^D[0-9A-HJKMNP-TV-Z]{26}$/.test(deviceId)
    ? await deps.devices.recent(deviceId, DEVICE_CACHE_MS)
    : undefined;
  if (device?.status !== 'ACTIVE') throw new UnauthorizedError('Unknown or retired device');
  const usable = device.keys.filter((k) => !k.validUntil || Date.parse(k.validUntil) > now.getTime());
  let matched = false;
  for (const record of usable) {
    if (signatureMatches(await keyOf(device, record), timestamp, body, signature)) matched = true;
  }
  if (!matched) throw new UnauthorizedError('The signature does not match');
  if (!device.callId) throw new ForbiddenError('The device is not assigned to a call');
  return { role: 'device', sub: device.deviceId, deviceId: device.deviceId, port: device.port, callId: device.callId };
}
