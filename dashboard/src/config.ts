// What the dashboard learns from `/config.json` beside its files: where the API is, how people
// sign in, and how it follows changes. The embedded runtime serves the local one; on AWS the CDK
// app writes it next to the build. Pure: imported by the runtime, the CDK app and the tests too.
import * as z from 'zod';

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
 * The session an ID token gives: the role from the Cognito groups (as the API reads them) and the
 * officer's port. Throws, with a message for the person, when the user may not use the dashboard.
 */
export function sessionFromIdToken(idToken: string, claims: Record<string, unknown>): Session {
  const groups = Array.isArray(claims['cognito:groups']) ? (claims['cognito:groups'] as string[]) : [];
  const role = groups.includes('supervisors') ? 'supervisor' : groups.includes('officers') ? 'officer' : undefined;
  if (!role && groups.includes('agents')) throw new Error("The dashboard is for border officers; shipping agents use the API with their agency's system.");
  if (!role) throw new Error('This account is in no Three Zeros group: ask an administrator to add it to officers or supervisors.');
  const port = typeof claims['custom:port'] === 'string' ? claims['custom:port'] : undefined;
  if (!port) throw new Error('This officer account has no port: ask an administrator to set custom:port.');
  return { token: idToken, role, ...(port && { port }), ...(typeof claims.exp === 'number' && { expiresAt: claims.exp }) };
}
