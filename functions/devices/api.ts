// Supervisors manage the gangway devices of their port.
import { dynamoCallStore } from '#calls/store.ts';
import { actorOf } from '#calls/service.ts';
import { portChain, recordPortChange } from '#functions/audit/port-changes.ts';
import { dynamoAuditStore } from '#functions/audit/store.ts';
import type { Principal } from '#shared/auth.ts';
import { clock } from '#shared/clock.ts';
import { config } from '#shared/config.ts';
import { httpHandler } from '#shared/http.ts';
import { created, ok } from '#shared/responses.ts';
import { deviceRoutes as routes } from './routes.ts';
import {
  assignDevice,
  listDevices,
  registerDevice,
  retireDevice,
  rotateKey,
  unassignDevice,
  type DeviceDeps,
} from './service.ts';
import { dynamoDeviceStore } from './store.ts';

const deps = (): DeviceDeps => ({
  devices: dynamoDeviceStore,
  calls: dynamoCallStore,
  clock,
  graceSeconds: config().DEVICE_KEY_GRACE_SECONDS,
});

/** The registry's changes go into the port's audit chain: which device, what, by whom. */
async function audited<T extends { deviceId: string; callId?: string }>(
  principal: Principal,
  action: string,
  device: T,
): Promise<T> {
  if (principal.role !== 'supervisor') return device;
  await recordPortChange({ audit: dynamoAuditStore, clock }, portChain(principal.port), {
    actor: actorOf(principal),
    action,
    subject: `device ${device.deviceId}${device.callId ? ` on call ${device.callId}` : ''}`,
  });
  return device;
}

export const createDevice = httpHandler(routes.createDevice).handler(async ({ body, principal }) => {
  const device = await audited(principal, 'DEVICE_REGISTERED', await registerDevice(deps(), principal, body));
  return created(device, `/v1/devices/${device.deviceId}`);
});

export const getDevices = httpHandler(routes.getDevices).handler(async ({ principal }) =>
  ok(await listDevices(deps(), principal)),
);

export const assignDeviceToCall = httpHandler(routes.assignDeviceToCall).handler(async ({ path, body, principal }) =>
  ok(await audited(principal, 'DEVICE_ASSIGNED', await assignDevice(deps(), principal, path.deviceId, body.callId))),
);

export const unassignDeviceFromCall = httpHandler(routes.unassignDeviceFromCall).handler(async ({ path, principal }) =>
  ok(await audited(principal, 'DEVICE_UNASSIGNED', await unassignDevice(deps(), principal, path.deviceId))),
);

export const rotateDeviceKey = httpHandler(routes.rotateDeviceKey).handler(async ({ path, principal }) =>
  ok(await audited(principal, 'DEVICE_KEY_ROTATED', await rotateKey(deps(), principal, path.deviceId))),
);

export const retireDeviceById = httpHandler(routes.retireDeviceById).handler(async ({ path, principal }) =>
  ok(await audited(principal, 'DEVICE_RETIRED', await retireDevice(deps(), principal, path.deviceId))),
);
