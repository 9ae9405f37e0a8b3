// Standard Webhooks signing (https://www.standardwebhooks.com): secrets, headers, and sending one
// signed request. The receiver verifies with any Standard Webhooks library and the same secret.
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

const PREFIX = 'whsec_';

/** A fresh secret as Standard Webhooks writes it: `whsec_` + base64 of 32 random bytes. */
export function newSecret(): string {
  return `${PREFIX}${randomBytes(32).toString('base64')}`;
}

/** The three headers of one attempt; the id is the same on every attempt of a message. */
export function signedHeaders(secret: string, msgId: string, at: Date, payload: string): Record<string, string> {
  return {
    'webhook-id': msgId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(msgId, at, payload),
  };
}

export interface SendResult {
  ok: boolean;
  status?: number;
  error?: string;
}

/** Posts one signed payload; any 2xx is a delivery, anything else (or no answer in time) a failure. */
export async function send(
  url: string,
  secret: string,
  msgId: string,
  at: Date,
  payload: string,
  timeoutMs: number,
): Promise<SendResult> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signedHeaders(secret, msgId, at, payload) },
      body: payload,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.body?.cancel();
    return { ok: res.status >= 200 && res.status < 300, status: res.status };
  } catch (error) {
    const name = error instanceof Error ? error.name : 'Error';
    return { ok: false, error: name === 'TimeoutError' ? 'timed out' : 'could not connect' };
  }
}
