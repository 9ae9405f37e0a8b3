// The dashboard's AWS sign-in, in a real browser: with a `cognito` config.json it sends the officer
// to the hosted sign-in page, completes the authorisation code flow with PKCE, and calls the API
// with the ID token; signing out goes through the hosted logout. A small OpenID provider stands in
// for the user pool; its ID tokens carry Cognito's claims and are signed by the runtime's dev key,
// so the embedded gateway accepts them as the API's authoriser accepts the pool's.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardConfig } from '../../dashboard/src/config.ts';
import { type TestSystem, startTestSystem } from '../support/runtime.ts';

const CHROMIUM = '/usr/bin/chromium';
const CLIENT_ID = 'dashboard-client';

let sys: TestSystem;
let browser: Browser;
let provider: Server;
let issuer: string;
/** What the provider saw: the PKCE challenge sent to /authorize, and whether /token's verifier matched it. */
const seen = { challenge: '', method: '', verified: false, loggedOut: false };

function startProvider(): Promise<Server> {
  const codes = new Map<string, { challenge: string }>();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*' };
    const json = (status: number, body: unknown) => (
      res.writeHead(status, { 'content-type': 'application/json', ...cors }), res.end(JSON.stringify(body))
    );
    if (req.method === 'OPTIONS') return (res.writeHead(204, cors), res.end());
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        code_challenge_methods_supported: ['S256'],
      });
    }
    if (url.pathname === '/authorize') {
      // The officer signs in here; the page sends them back with a one-time code.
      seen.challenge = url.searchParams.get('code_challenge') ?? '';
      seen.method = url.searchParams.get('code_challenge_method') ?? '';
      const code = `code-${codes.size + 1}`;
      codes.set(code, { challenge: seen.challenge });
      const back = new URL(url.searchParams.get('redirect_uri')!);
      back.searchParams.set('code', code);
      back.searchParams.set('state', url.searchParams.get('state')!);
      return (res.writeHead(302, { location: back.href }), res.end());
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      let raw = '';
      for await (const chunk of req) raw += chunk;
      const form = new URLSearchParams(raw);
      const grant = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      seen.verified = !!grant && createHash('sha256').update(verifier).digest('base64url') === grant.challenge;
      if (!seen.verified || form.get('client_id') !== CLIENT_ID) return json(400, { error: 'invalid_grant' });
      const idToken = await sys.token({ role: 'officer', port: 'CNTXG', sub: 'officer-wang' });
      return json(200, { id_token: idToken, access_token: 'opaque', token_type: 'Bearer', expires_in: 3600 });
    }
    if (url.pathname === '/logout') {
      seen.loggedOut = url.searchParams.get('client_id') === CLIENT_ID;
      return (res.writeHead(302, { location: url.searchParams.get('logout_uri')! }), res.end());
    }
    json(404, { error: 'not_found' });
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

// Runs wherever Debian's chromium is installed (.ci/run installs it); skipped without a browser.
describe.skipIf(!existsSync(CHROMIUM))('dashboard sign-in with the user pool (AWS)', () => {
  beforeAll(async () => {
    sys = await startTestSystem();
    provider = await startProvider();
    issuer = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    provider?.close();
    await sys?.stop();
  });

  it('signs the officer in through the hosted page with PKCE, calls the API with the ID token, and signs out there', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(8_000);
    // The config.json the CDK app deploys beside the build, pointing at this provider.
    const config: DashboardConfig = {
      apiUrl: '',
      live: 'poll',
      auth: { kind: 'cognito', authority: issuer, clientId: CLIENT_ID, signInDomain: issuer },
    };
    await page.route('**/config.json', (route) => route.fulfill({ json: config }));
    const apiAuth: string[] = [];
    page.on('request', (r) => r.url().includes('/v1/') && apiAuth.push(r.headers().authorization ?? ''));

    await page.goto(sys.url);
    await page.getByText('Amazon Cognito').waitFor({ state: 'visible' });
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: /Shift board · CNTXG/ }).waitFor({ state: 'visible' });
    // Back on the dashboard with a clean address, no code left in it.
    expect(new URL(page.url()).search).toBe('');
    expect(seen).toMatchObject({ method: 'S256', verified: true });
    await expect.poll(() => apiAuth.length).toBeGreaterThan(0);
    expect(apiAuth.every((h) => h.startsWith('Bearer ey'))).toBe(true);

    await page.getByRole('button', { name: /Officer · CNTXG/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByText('Amazon Cognito').waitFor({ state: 'visible' });
    expect(seen.loggedOut).toBe(true);
    await page.close();
  });
});
