// The dashboard's access to the Three Zeros API: the officer's token, JSON in and out, and the
// API's error body turned into a message to show.
export interface Session {
  token: string;
  role: 'officer' | 'supervisor' | 'agent';
  port?: string;
}

const KEY = 'three-zeros-session';

export function loadSession(): Session | undefined {
  const raw = localStorage.getItem(KEY);
  return raw ? (JSON.parse(raw) as Session) : undefined;
}

export function saveSession(session: Session | undefined) {
  if (session) localStorage.setItem(KEY, JSON.stringify(session));
  else localStorage.removeItem(KEY);
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function api<T = any>(method: string, path: string, body?: unknown): Promise<T> {
  const session = loadSession();
  const res = await fetch(path, {
    method,
    headers: {
      ...(session && { authorization: `Bearer ${session.token}` }),
      ...(body !== undefined && { 'content-type': 'application/json' }),
      'accept-language': localStorage.getItem('three-zeros-lang') ?? 'en',
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  const data = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    const error = data?.error;
    const details = (error?.details ?? []).map((d: { path: string; message: string }) => `${d.path}: ${d.message}`).join('; ');
    throw new ApiError(res.status, `${error?.message ?? res.statusText}${details ? ` (${details})` : ''}`);
  }
  return data as T;
}

/** Signs in locally: the embedded runtime mints a development token for the chosen role. */
export async function devSignIn(role: Session['role'], port: string, agentId: string): Promise<Session> {
  const res = await fetch('/_local/dev-token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role, port, agentId }),
  });
  if (!res.ok) throw new ApiError(res.status, (await res.json()).error?.message ?? 'Sign-in failed');
  const { token } = (await res.json()) as { token: string };
  return { token, role, port };
}
