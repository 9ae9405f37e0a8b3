// Every route × every kind of caller: the exact answer each gets. Nothing is reachable without
// the right token or signature, and a JWT is checked as the AWS authoriser checks it.
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeList, type Route } from '#functions/routes.ts';
import { DEV_AUDIENCE, DEV_ISSUER } from '#local/dev-auth.ts';
import { announcement, declaration } from '../support/fixtures.ts';
import { type TestSystem, startTestSystem } from '../support/runtime.ts';

let sys: TestSystem;
const tokens: Record<string, string> = {};
let callId: string;

beforeAll(async () => {
  sys = await startTestSystem();
  tokens.agent = await sys.token({ role: 'agent', agentId: 'ACME-SHIPPING' });
  tokens.otherAgent = await sys.token({ role: 'agent', agentId: 'OTHER-AGENCY' });
  tokens.officer = await sys.token({ role: 'officer', port: 'CNTXG' });
  tokens.otherOfficer = await sys.token({ role: 'officer', port: 'CNSHA' });
  tokens.supervisor = await sys.token({ role: 'supervisor', port: 'CNTXG' });
  const a = announcement();
  callId = (await sys.request('POST', '/v1/calls', { token: tokens.agent, body: a })).body.callId;
  await sys.request('PUT', `/v1/calls/${callId}/arrival`, { token: tokens.agent, body: declaration(a.eta) });
});
afterAll(() => sys.stop());

/** A concrete path for a route, pointing at the agent's call where it takes one. */
function pathOf(route: Route): string {
  return route.path
    .replace('{callId}', callId)
    .replace('{reviewId}', `${callId}-A1`)
    .replace('{alertId}', `A${'0'.repeat(26)}`)
    .replace('{deviceId}', `D${'0'.repeat(26)}`)
    .replace('{kind}', 'arrival')
    .replace('{code}', 'AAAA-BBBB-CCCC-DDDD')
    .replace('{port}', 'CNTXG')
    .replace('{agentId}', 'ACME-SHIPPING')
    .replace('{agency}', 'customs');
}

const callers = ['none', 'agent', 'otherAgent', 'officer', 'otherOfficer', 'supervisor'] as const;

function allowed(route: Route, caller: (typeof callers)[number]): boolean {
  if (route.roles === 'public') return true;
  const role = caller === 'none' ? undefined : caller.replace(/^other/, '').toLowerCase();
  return (
    role !== undefined &&
    (route.roles.includes(role as never) || (role === 'supervisor' && route.roles.includes('officer')))
  );
}

describe('authorisation matrix', () => {
  const cases = routeList.flatMap((route) =>
    callers.map((caller) => [`${route.method} ${route.path}`, caller, route] as const),
  );

  it.each(cases)('%s as %s', async (_name, caller, route) => {
    const res = await sys.request(route.method, pathOf(route), {
      ...(caller !== 'none' && { token: tokens[caller] }),
      ...(route.body && { body: {} }),
    });
    if (route.roles === 'public') {
      expect([401, 403]).not.toContain(res.status);
    } else if (caller === 'none' || route.roles.includes('device')) {
      // No token, or a JWT where only a device signature will do: not authenticated.
      expect(res.status).toBe(401);
    } else if (!allowed(route, caller) || (route.path.startsWith('/v1/ports/{port}/') && caller === 'otherOfficer')) {
      expect(res.status).toBe(403);
    } else {
      expect([401, 403]).not.toContain(res.status);
      expect(res.status).toBeLessThan(500);
    }
  });

  it("answers another agent or another port's officer as if the call did not exist", async () => {
    for (const caller of ['otherAgent', 'otherOfficer'] as const) {
      expect((await sys.request('GET', `/v1/calls/${callId}`, { token: tokens[caller] })).status).toBe(404);
      expect((await sys.request('GET', `/v1/calls/${callId}/arrival`, { token: tokens[caller] })).status).toBe(404);
      expect((await sys.request('GET', `/v1/calls/${callId}/persons`, { token: tokens[caller] })).status).toBe(404);
    }
  });
});

describe('JWT checks, as the authoriser makes them', () => {
  const claims = { 'cognito:groups': ['agents'], 'custom:agent_id': 'ACME-SHIPPING' };
  it.each([
    [
      'signed by another key',
      async () => {
        const { privateKey } = await generateKeyPair('ES256');
        return new SignJWT(claims)
          .setProtectedHeader({ alg: 'ES256' })
          .setSubject('x')
          .setIssuer(DEV_ISSUER)
          .setAudience(DEV_AUDIENCE)
          .setExpirationTime('1h')
          .sign(privateKey);
      },
    ],
    [
      'with the "none" algorithm',
      async () => {
        const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
        return `${none}.${tokens.agent!.split('.')[1]}.`;
      },
    ],
    [
      'with a tampered payload',
      async () => {
        const [h, p, sig] = tokens.agent!.split('.');
        const changed = { ...JSON.parse(Buffer.from(p!, 'base64url').toString()), 'custom:agent_id': 'OTHER-AGENCY' };
        return `${h}.${Buffer.from(JSON.stringify(changed)).toString('base64url')}.${sig}`;
      },
    ],
    [
      'HS256, keyed with a public key',
      async () => {
        const { publicKey } = await generateKeyPair('ES256', { extractable: true });
        const secret = new TextEncoder().encode(JSON.stringify(await exportJWK(publicKey)));
        return new SignJWT(claims)
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('x')
          .setIssuer(DEV_ISSUER)
          .setAudience(DEV_AUDIENCE)
          .setExpirationTime('1h')
          .sign(secret);
      },
    ],
    [
      'from another issuer',
      () => sys.runtime.identity.mint({ role: 'agent', agentId: 'ACME-SHIPPING', issuer: 'https://evil.example' }),
    ],
    [
      'for another audience',
      () => sys.runtime.identity.mint({ role: 'agent', agentId: 'ACME-SHIPPING', audience: 'another-app' }),
    ],
    ['that has expired', () => sys.runtime.identity.mint({ role: 'agent', agentId: 'ACME-SHIPPING', ttlSeconds: -60 })],
  ])('refuses a token %s', async (_case, make) => {
    const res = await sys.request('GET', '/v1/calls', { token: await make() });
    // API Gateway's JWT authoriser answers these itself, outside the error envelope.
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ message: 'Unauthorized' });
    expect(res.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });
});
