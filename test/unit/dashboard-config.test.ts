// The dashboard's sign-in settings and the session it takes from a Cognito ID token: who gets in,
// as what, for which port.
import { describe, expect, it } from 'vitest';
import {
  type CognitoAuth,
  DashboardConfig,
  LOCAL_CONFIG,
  oidcSettings,
  sessionFromIdToken,
  signOutUrl,
} from '../../dashboard/src/config.ts';

const auth: CognitoAuth = {
  kind: 'cognito',
  authority: 'https://cognito-idp.ap-southeast-1.amazonaws.com/ap-southeast-1_AbCdEf',
  clientId: '5q8dashboardclient',
  signInDomain: 'https://three-zeros-123456789012.auth.ap-southeast-1.amazoncognito.com',
};

describe('dashboard configuration', () => {
  it('serves a local configuration the dashboard accepts', () => {
    expect(DashboardConfig.parse(LOCAL_CONFIG)).toEqual({ apiUrl: '', live: 'sse', auth: { kind: 'dev' } });
  });

  it('refuses a configuration without the sign-in details', () => {
    expect(DashboardConfig.safeParse({ apiUrl: '', live: 'poll', auth: { kind: 'cognito' } }).success).toBe(false);
  });

  it('signs in with the authorisation code flow, back to the dashboard itself', () => {
    expect(oidcSettings(auth, 'https://d111.cloudfront.net')).toEqual({
      authority: auth.authority,
      client_id: auth.clientId,
      redirect_uri: 'https://d111.cloudfront.net/',
      post_logout_redirect_uri: 'https://d111.cloudfront.net/',
      response_type: 'code',
      scope: 'openid email profile',
    });
  });

  it('signs out on the hosted domain, returning to the dashboard', () => {
    const url = new URL(signOutUrl(auth, 'https://d111.cloudfront.net'));
    expect(url.origin + url.pathname).toBe(`${auth.signInDomain}/logout`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: auth.clientId,
      logout_uri: 'https://d111.cloudfront.net/',
    });
  });
});

describe('session from an ID token', () => {
  it('makes an officer of the port the token names', () => {
    expect(
      sessionFromIdToken('tok', {
        sub: 'u1',
        'cognito:groups': ['officers'],
        'custom:port': 'CNTXG',
        exp: 1_900_000_000,
      }),
    ).toEqual({
      token: 'tok',
      role: 'officer',
      port: 'CNTXG',
      expiresAt: 1_900_000_000,
    });
  });

  it('takes supervisor over officer, as the API does', () => {
    expect(
      sessionFromIdToken('tok', { sub: 'u1', 'cognito:groups': ['officers', 'supervisors'], 'custom:port': 'CNTXG' })
        .role,
    ).toBe('supervisor');
  });

  it('lets an agent in for its own agency, without a port', () => {
    expect(
      sessionFromIdToken('tok', { sub: 'u1', 'cognito:groups': ['agents'], 'custom:agent_id': 'ACME-SHIPPING' }),
    ).toEqual({ token: 'tok', role: 'agent', agentId: 'ACME-SHIPPING' });
  });

  it('turns away an account in no group, an agent without an agency and an officer without a port, saying why', () => {
    expect(() => sessionFromIdToken('tok', { sub: 'u1', 'cognito:groups': ['agents'] })).toThrow(/custom:agent_id/);
    expect(() => sessionFromIdToken('tok', { sub: 'u1', 'custom:port': 'CNTXG' })).toThrow(/no Three Zeros group/);
    expect(() => sessionFromIdToken('tok', { sub: 'u1', 'cognito:groups': ['officers'] })).toThrow(
      /no valid port claim.*custom:port/,
    );
  });
});
