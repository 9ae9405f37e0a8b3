// Gangway devices: face-recognition terminals and card readers, registered by supervisors, each
// with its own signing key, assigned to the call whose gangway it watches.
import * as z from 'zod';
import { NameText } from '#shared/values.ts';

export const DeviceId = z.string().regex(/^D[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a device id');
export const DevicePath = z.object({ deviceId: DeviceId });

export const RegisterDevice = z
  .strictObject({
    label: NameText(100).describe('Where it stands, e.g. "Terminal 5, gangway A"'),
    kind: z.enum(['FACE', 'CARD', 'FACE_AND_CARD']),
  })
  .meta({ id: 'RegisterDevice' });

export const AssignDevice = z
  .strictObject({ callId: z.string().regex(/^C[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a call id') })
  .meta({ id: 'AssignDevice' });

export const DeviceKeyRecord = z.object({
  version: z.number().int().positive(),
  /** The key is derived from the deployment's secret and this nonce; the key itself is never stored. */
  nonce: z.string(),
  createdAt: z.string(),
  /** Set when a newer key replaces this one: it keeps working until then. */
  validUntil: z.string().optional(),
});

export const Device = z
  .object({
    deviceId: z.string(),
    port: z.string(),
    label: z.string(),
    kind: z.enum(['FACE', 'CARD', 'FACE_AND_CARD']),
    status: z.enum(['ACTIVE', 'RETIRED']),
    callId: z.string().optional(),
    assignedAt: z.string().optional(),
    keyVersion: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Device' });
export type Device = z.infer<typeof Device>;

export const DeviceWithKey = Device.extend({
  key: z.string().describe('The signing key, shown this once: store it in the device'),
  previousKeyValidUntil: z.string().optional(),
}).meta({ id: 'DeviceWithKey' });

export const DevicePage = z.object({ items: z.array(Device) }).meta({ id: 'DevicePage' });
