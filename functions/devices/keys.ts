// Device keys and request signatures. A device key is derived from the deployment's secret and a
// per-key random nonce, so the table holds nothing a thief could sign with.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The allowed distance between the device's x-timestamp and the server clock. */
export const SIGNATURE_WINDOW_SECONDS = 300;

let cachedSecret: Buffer | undefined;

/** The deployment's device-key secret: DEVICE_KEY_SECRET locally, Secrets Manager on AWS. */
export async function deviceKeySecret(): Promise<Buffer> {
  const inline = process.env.DEVICE_KEY_SECRET;
  if (inline && inline.length >= 32) return Buffer.from(inline);
  const arn = process.env.DEVICE_KEY_SECRET_ARN;
  // A function not given the secret has none, whoever loaded it into this process before.
  if (cachedSecret && arn) return cachedSecret;
  // Loaded only on AWS, where the secret lives in Secrets Manager.
  const value = arn
    ? await (await import('@aws-lambda-powertools/parameters/secrets')).getSecret(arn, { maxAge: 300 })
    : undefined;
  if (typeof value !== 'string' || value.length < 32) {
    throw new Error(
      'Invalid configuration: DEVICE_KEY_SECRET or DEVICE_KEY_SECRET_ARN must give a secret of 32+ characters',
    );
  }
  cachedSecret = Buffer.from(value);
  return cachedSecret;
}

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
