// Deliveries are signed per Standard Webhooks: a receiver using the standardwebhooks package
// accepts them with the endpoint's secret, and refuses anything changed or signed otherwise.
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { newSecret, signedHeaders } from '#webhooks/signer.ts';

const payload = JSON.stringify({
  type: 'ArrivalCleared',
  timestamp: '2026-12-01T08:00:00.000Z',
  data: { callId: 'C1' },
});

describe('the webhook signer', () => {
  it('makes secrets in the whsec_ form, a new one each time', () => {
    const [a, b] = [newSecret(), newSecret()];
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(a.slice(6), 'base64')).toHaveLength(32);
    expect(a).not.toBe(b);
  });

  it('signs so that the receiver’s library verifies the payload', () => {
    const secret = newSecret();
    const headers = signedHeaders(secret, 'msg_1', new Date(), payload);
    expect(Object.keys(headers).sort()).toEqual(['webhook-id', 'webhook-signature', 'webhook-timestamp']);
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(new Webhook(secret).verify(payload, headers)).toEqual(JSON.parse(payload));
  });

  it('is refused for a changed payload, another message id or another secret', () => {
    const secret = newSecret();
    const headers = signedHeaders(secret, 'msg_1', new Date(), payload);
    expect(() => new Webhook(secret).verify(payload.replace('C1', 'C2'), headers)).toThrow();
    expect(() => new Webhook(secret).verify(payload, { ...headers, 'webhook-id': 'msg_2' })).toThrow();
    expect(() => new Webhook(newSecret()).verify(payload, headers)).toThrow();
  });

  it('is refused by the receiver when replayed outside its five-minute window', () => {
    const secret = newSecret();
    const headers = signedHeaders(secret, 'msg_1', new Date(Date.now() - 10 * 60_000), payload);
    expect(() => new Webhook(secret).verify(payload, headers)).toThrow(/too old/i);
  });
});
