// Device request signatures, with a fake clock and an in-memory device store.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { authenticateDevice, registerDevice, retireDevice, rotateKey, type DeviceDeps } from '#devices/service.ts';
import { sign } from '#devices/keys.ts';
import type { DeviceStore, StoredDevice } from '#devices/store.ts';
import type { CallStore } from '#calls/store.ts';
import { fixedClock } from '#shared/clock.ts';
import { AppError, ForbiddenError, UnauthorizedError } from '#shared/errors.ts';

function memoryDevices(): DeviceStore {
  const items = new Map<string, StoredDevice>();
  return {
    get: async (id) => structuredClone(items.get(id)),
    recent: async (id) => structuredClone(items.get(id)),
    save: async (d) => void items.set(d.deviceId, structuredClone(d)),
    listByPort: async (port) => [...items.values()].filter((d) => d.port === port),
    listByCall: async (callId) => [...items.values()].filter((d) => d.callId === callId),
  };
}

const supervisor = { role: 'supervisor', sub: 'sup', port: 'CNTXG' } as const;
const call = { callId: 'C01KB0000000000000000000000', port: 'CNTXG', status: 'ARRIVAL_CLEARED', agentId: 'A' };
const calls = { get: async () => call } as unknown as CallStore;

beforeAll(() => {
  process.env.DEVICE_KEY_SECRET = 'unit-test-secret-unit-test-secret-0123456789';
});

async function setup() {
  const clock = fixedClock('2026-12-03T08:00:00Z');
  const deps: DeviceDeps = { devices: memoryDevices(), calls, clock, graceSeconds: 600 };
  const device = await registerDevice(deps, supervisor, { label: 'gangway A', kind: 'FACE' });
  const { assignDevice } = await import('#devices/service.ts');
  await assignDevice(deps, supervisor, device.deviceId, call.callId);
  const signed = (key: string, body = '{"x":1}', at = clock.now()) => {
    const timestamp = String(Math.floor(at.getTime() / 1000));
    return { deviceId: device.deviceId, timestamp, signature: sign(key, timestamp, body), body };
  };
  return { deps, clock, device, signed };
}

describe('device signatures', () => {
  it('accepts a good signature and names the device and its call', async () => {
    const { deps, device, signed } = await setup();
    await expect(authenticateDevice(deps, signed(device.key))).resolves.toMatchObject({
      role: 'device',
      deviceId: device.deviceId,
      callId: call.callId,
    });
  });

  it.each([
    [
      'a wrong key',
      (s: ReturnType<Awaited<ReturnType<typeof setup>>['signed']>) => ({
        ...s,
        signature: sign('not-the-key', s.timestamp, s.body),
      }),
    ],
    ['a tampered body', (s: any) => ({ ...s, body: '{"x":2}' })],
    ['a signature in capitals', (s: any) => ({ ...s, signature: s.signature.toUpperCase() })],
    ['no signature', (s: any) => ({ ...s, signature: undefined })],
    ['an unknown device', (s: any) => ({ ...s, deviceId: 'D01KB0000000000000000000000' })],
  ])('refuses %s with 401', async (_case, change) => {
    const { deps, device, signed } = await setup();
    await expect(authenticateDevice(deps, change(signed(device.key)))).rejects.toThrow(UnauthorizedError);
  });

  it.each([
    ['6 minutes old', -360],
    ['6 minutes ahead', 360],
  ])('refuses a timestamp %s', async (_case, offsetSeconds) => {
    const { deps, clock, device, signed } = await setup();
    const at = new Date(clock.now().getTime() + offsetSeconds * 1000);
    await expect(authenticateDevice(deps, signed(device.key, '{}', at))).rejects.toThrow(/within 300 s/);
  });

  it('keeps a rotated-out key working during the grace period, not after', async () => {
    const { deps, clock, device, signed } = await setup();
    const rotated = await rotateKey(deps, supervisor, device.deviceId);
    expect(rotated.key).not.toBe(device.key);
    await expect(authenticateDevice(deps, signed(device.key))).resolves.toBeDefined();
    await expect(authenticateDevice(deps, signed(rotated.key))).resolves.toBeDefined();
    clock.advance(601_000);
    await expect(authenticateDevice(deps, signed(device.key))).rejects.toThrow(UnauthorizedError);
    await expect(authenticateDevice(deps, signed(rotated.key))).resolves.toBeDefined();
  });

  it('refuses a retired device with 401 and an unassigned one with 403', async () => {
    const { deps, device, signed } = await setup();
    const { unassignDevice } = await import('#devices/service.ts');
    await unassignDevice(deps, supervisor, device.deviceId);
    await expect(authenticateDevice(deps, signed(device.key))).rejects.toThrow(ForbiddenError);
    await retireDevice(deps, supervisor, device.deviceId);
    await expect(authenticateDevice(deps, signed(device.key))).rejects.toThrow(UnauthorizedError);
  });

  it('never stores the key itself', async () => {
    const { deps, device } = await setup();
    const stored = await deps.devices.get(device.deviceId);
    expect(JSON.stringify(stored)).not.toContain(device.key);
  });

  it('answers any forged header set with 401 or 403, never anything else', async () => {
    const { deps, device } = await setup();
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          deviceId: fc.oneof(fc.constant(device.deviceId), fc.string()),
          timestamp: fc.oneof(fc.string(), fc.integer().map(String)),
          signature: fc.oneof(fc.string(), fc.stringMatching(/^[0-9a-f]{64}$/)),
          body: fc.string(),
        }),
        async (req) => {
          try {
            await authenticateDevice(deps, req);
            throw new Error('a forged request was accepted');
          } catch (error) {
            expect(error).toBeInstanceOf(AppError);
            expect([401, 403]).toContain((error as AppError).status);
          }
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
