// What the dashboard learns from `/config.json` beside its files: where the API is, how people
// sign in, and how it follows changes. The embedded runtime serves the local one; on AWS the CDK
// app writes it next to the build. Pure: imported by the runtime, the CDK app and the tests too.
import * as z from 'zod';
import { type Principal, principalFromClaims } from '../../functions/shared/auth.ts';

export const DashboardConfig = z.object({
  /** Base URL of the API; empty when the API is on the dashboard's own origin. */
  apiUrl: z.string(),
  /** `sse`: the embedded runtime's event stream; `poll`: reload every few seconds. */
  live: z.enum(['sse', 'poll']),
  auth: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('dev') }),
    z.object({
      kind: z.literal('cognito'),
      /** The user pool's issuer: `https://cognito-idp.<region>.amazonaws.com/<pool id>`. */
      authority: z.string(),
      clientId: z.string(),
      /** The hosted sign-in domain, for signing out. */
      signInDomain: z.string(),
    }),
  ]),
});
export type DashboardConfig = z.infer<typeof DashboardConfig>;
export type CognitoAuth = Extract<DashboardConfig['auth'], { kind: 'cognito' }>;

export const LOCAL_CONFIG: DashboardConfig = { apiUrl: '', live: 'sse', auth: { kind: 'dev' } };

export const Session = z.object({
  token: z.string(),
  role: z.enum(['officer', 'supervisor', 'agent']),
  port: z.string().optional(),
  /** The agency an agent signs in for (agents' portal); absent for officers. */
  agentId: z.string().optional(),
  /** Seconds since the epoch when the token stops being accepted. */
  expiresAt: z.number().optional(),
});
export type Session = z.infer<typeof Session>;

/** Settings of the OpenID Connect client for the user pool: authorisation code with PKCE. */
export function oidcSettings(auth: CognitoAuth, origin: string) {
  return {
    authority: auth.authority,
    client_id: auth.clientId,
    redirect_uri: `${origin}/`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code',
    scope: 'openid email profile',
  };
}

/** Cognito's hosted sign-out (its discovery document names no end-session endpoint). */
export function signOutUrl(auth: CognitoAuth, origin: string): string {
  const query = new URLSearchParams({ client_id: auth.clientId, logout_uri: `${origin}/` });
  return `${auth.signInDomain}/logout?${query}`;
}

/**
 * The session an ID token gives: the principal exactly as the API reads it from the same claims
 * (`principalFromClaims`): officers and supervisors get the officers' pages, agents their portal.
 * Throws, with a message for the person, when the account may not use the web app.
 */
export function sessionFromIdToken(idToken: string, claims: Record<string, unknown>): Session {
  let principal: Principal;
  try {
    principal = principalFromClaims(claims as Parameters<typeof principalFromClaims>[0]);
  } catch (error) {
    throw new Error(
      `${(error as Error).message}: ask an administrator to add the account to officers or supervisors and set custom:port, or to agents and set custom:agent_id.`,
    );
  }
  if (principal.role === 'device') throw new Error('Gangway devices do not sign in to the web app.');
  return {
    token: idToken,
    role: principal.role,
    ...(principal.role === 'agent' ? { agentId: principal.agentId } : { port: principal.port }),
    ...(typeof claims.exp === 'number' && { expiresAt: claims.exp }),
  };
}
