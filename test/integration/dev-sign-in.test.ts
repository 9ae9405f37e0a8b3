// The development sign-in mints supervisor tokens: only a page of this server on this machine may
// use it, never a page elsewhere that reaches 127.0.0.1 by DNS rebinding or a cross-site form.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestSystem, startTestSystem } from '../support/runtime.ts';

let sys: TestSystem;
beforeAll(async () => {
  sys = await startTestSystem();
});
afterAll(() => sys.stop());

/** A POST with headers a browser would send (node:http lets a test set Host, as a rebinding page gets it). */
function signIn(headers: Record<string, string>, body = '{"role":"supervisor","port":"CNTXG"}') {
  const url = new URL('/_local/dev-token', sys.url);
  return new Promise<{ status: number; body: any }>((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('development sign-in', () => {
  const host = () => new URL(sys.url).host;

  it('mints a token for the dashboard served by this runtime', async () => {
    const res = await signIn({ host: host(), origin: `http://${host()}`, 'sec-fetch-site': 'same-origin' });
    expect(res.status).toBe(200);
    expect(res.body.token).toMatch(/^ey/);
  });

  it.each([
    ['a rebinding page’s own name as Host', { host: 'evil.example:3000' }],
    ['a page of another origin', { origin: 'http://evil.example' }],
    ['another port of this machine', { origin: 'http://127.0.0.1:1' }],
    ['a cross-site request', { 'sec-fetch-site': 'cross-site' }],
  ])('refuses %s with 403', async (_name, headers: Record<string, string>) => {
    const res = await signIn({ host: host(), ...headers });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
    expect(res.body.token).toBeUndefined();
  });

  it('refuses a body past a kilobyte with 413 instead of reading it all', async () => {
    const res = await signIn({ host: host() }, JSON.stringify({ role: 'agent', agentId: 'A'.repeat(2000) }));
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
