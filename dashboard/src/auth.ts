// Signing in: the embedded runtime's development sign-in, or on AWS the user pool's hosted page
// (OpenID Connect authorisation code with PKCE, by oidc-client-ts) returning an ID token.
import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { ApiError, saveSession } from './api';
import {
  type CognitoAuth,
  type DashboardConfig,
  type Session,
  oidcSettings,
  sessionFromIdToken,
  signOutUrl,
} from './config';

function manager(auth: CognitoAuth) {
  return new UserManager({
    ...oidcSettings(auth, location.origin),
    userStore: new WebStorageStateStore({ store: sessionStorage }),
  });
}

/** Sends the browser to the hosted sign-in page. */
export function startSignIn(auth: CognitoAuth): Promise<void> {
  return manager(auth).signinRedirect();
}

/** On the way back from the hosted page (`?code=…&state=…`): the session, and a clean address. */
export async function completeSignIn(config: DashboardConfig): Promise<Session | undefined> {
  const query = new URLSearchParams(location.search);
  if (config.auth.kind !== 'cognito' || !query.has('code') || !query.has('state')) return undefined;
  try {
    const user = await manager(config.auth).signinRedirectCallback();
    if (!user.id_token) throw new Error('The sign-in returned no ID token');
    const session = sessionFromIdToken(user.id_token, user.profile as Record<string, unknown>);
    saveSession(session);
    return session;
  } finally {
    history.replaceState(null, '', `${location.pathname}${location.hash || '#/overview'}`);
  }
}

export function signOut(config: DashboardConfig) {
  saveSession(undefined);
  if (config.auth.kind === 'cognito') location.assign(signOutUrl(config.auth, location.origin));
}

/** Development sign-in: the embedded runtime mints a token for the chosen role (loopback only). */
export async function devSignIn(role: Session['role'], port: string, agentId: string): Promise<Session> {
  const res = await fetch('/_local/dev-token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role, port, agentId }),
  });
  if (!res.ok) throw new ApiError(res.status, (await res.json()).error?.message ?? 'Sign-in failed');
  const { token } = (await res.json()) as { token: string };
  return role === 'agent' ? { token, role, agentId } : { token, role, port };
}
