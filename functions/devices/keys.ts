// Device keys and request signatures. A device key is derived from the deployment's secret and a
// per-key random nonce, so the table holds nothing a thief could sign with.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { deploymentSecret } from '#shared/secrets.ts';

/** The allowed distance between the device's x-timestamp and the server clock. */
export const SIGNATURE_WINDOW_SECONDS = 300;

/** The deployment's device-key secret: DEVICE_KEY_SECRET locally, Secrets Manager on AWS. */
export const deviceKeySecret = (): Promise<Buffer> => deploymentSecret('DEVICE_KEY_SECRET');

export function newNonce(): string {
  return randomBytes(16).toString('base64url');
}

/** The key a device signs with, as text (base64url of 32 bytes). */
export function deriveKey(secret: Buffer, deviceId: string, version: number, nonce: string): string {
  return createHmac('sha256', secret).update(`three-zeros/device/${deviceId}/${version}/${nonce}`).digest('base64url');
}

/** `x-signature`: lowercase hex HMAC-SHA256, keyed with the key text, of `<x-timestamp>.<raw body>`. */
export function sign(key: string, timestamp: string, body: string): string {
  return createHmac('sha256', key).update(`${timestamp}.${body}`).digest('hex');
}

export function signatureMatches(key: string, timestamp: string, body: string, signature: string): boolean {
  const expected = Buffer.from(sign(key, timestamp, body), 'hex');
  const given = /^[0-9a-f]{64}$/.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(0);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
