// What a gangway terminal does to post events: sign `<unix seconds>.<body>` with its key and send.
// Used by the device simulator, the tests and the benchmarks.
import { randomUUID } from 'node:crypto';
import { sign } from '#devices/keys.ts';

export interface DeviceCredentials {
  deviceId: string;
  key: string;
}

export interface PostResult {
  status: number;
  body: any;
  /** Seconds the server asked the device to wait before sending again (429, 503). */
  retryAfter?: number;
}

export async function postSigned(
  url: string,
  device: DeviceCredentials,
  payload: unknown,
  at = new Date(),
): Promise<PostResult> {
  const body = JSON.stringify(payload);
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const res = await fetch(`${url}/v1/gangway/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-device-id': device.deviceId,
      'x-timestamp': timestamp,
      'x-signature': sign(device.key, timestamp, body),
    },
    body,
  });
  const text = await res.text();
  const retryAfter = res.headers.get('retry-after');
  return {
    status: res.status,
    body: text ? JSON.parse(text) : undefined,
    ...(retryAfter && { retryAfter: Number(retryAfter) }),
  };
}

export interface ScanOptions {
  callId: string;
  personRef: string;
  direction: 'BOARD' | 'DISEMBARK';
  method?: 'FACE' | 'CARD';
  matchScore?: number;
  livenessPassed?: boolean;
  capturedAt?: Date;
}

/** A scan as a terminal reports it: the match result only, never the face. */
export function scan(o: ScanOptions) {
  const method = o.method ?? 'FACE';
  return {
    eventId: randomUUID(),
    callId: o.callId,
    personRef: o.personRef,
    direction: o.direction,
    method,
    ...(method === 'FACE' && {
      matchScore: o.matchScore ?? 0.97,
      livenessPassed: o.livenessPassed ?? true,
      algorithm: 'vendor-x/face-1:1@4.2',
    }),
    capturedAt: (o.capturedAt ?? new Date()).toISOString(),
  };
}
