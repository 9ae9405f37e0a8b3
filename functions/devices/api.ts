// Supervisors manage the gangway devices of their port.
import { dynamoCallStore } from '#calls/store.ts';
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

export const createDevice = httpHandler(routes.createDevice).handler(async ({ body, principal }) => {
  const device = await registerDevice(deps(), principal, body);
  return created(device, `/v1/devices/${device.deviceId}`);
});

export const getDevices = httpHandler(routes.getDevices).handler(async ({ principal }) =>
  ok(await listDevices(deps(), principal)),
);

export const assignDeviceToCall = httpHandler(routes.assignDeviceToCall).handler(async ({ path, body, principal }) =>
  ok(await assignDevice(deps(), principal, path.deviceId, body.callId)),
);

export const unassignDeviceFromCall = httpHandler(routes.unassignDeviceFromCall).handler(async ({ path, principal }) =>
  ok(await unassignDevice(deps(), principal, path.deviceId)),
);

export const rotateDeviceKey = httpHandler(routes.rotateDeviceKey).handler(async ({ path, principal }) =>
  ok(await rotateKey(deps(), principal, path.deviceId)),
);

export const retireDeviceById = httpHandler(routes.retireDeviceById).handler(async ({ path, principal }) =>
  ok(await retireDevice(deps(), principal, path.deviceId)),
);
