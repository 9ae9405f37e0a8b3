// The dashboard's access to the Three Zeros API: the officer's token, JSON in and out, and the
// API's error body turned into a message to show.
import { DashboardConfig, LOCAL_CONFIG, Session } from './config';

export type { Session };

let config: DashboardConfig = LOCAL_CONFIG;

/** Reads `/config.json` (the embedded runtime's, or the one the CDK app deployed). */
export async function loadConfig(): Promise<DashboardConfig> {
  const res = await fetch('/config.json', { cache: 'no-store' });
  if (res.ok) config = DashboardConfig.parse(await res.json());
  return config;
}

export const currentConfig = () => config;

const KEY = 'three-zeros-session';

export function loadSession(): Session | undefined {
  const raw = localStorage.getItem(KEY);
  const session = raw ? Session.safeParse(JSON.parse(raw)) : undefined;
  // An expired token is no session: sign in again rather than meet 401s.
  if (!session?.success || (session.data.expiresAt && session.data.expiresAt * 1000 < Date.now())) return undefined;
  return session.data;
}

export function saveSession(session: Session | undefined) {
  if (session) localStorage.setItem(KEY, JSON.stringify(session));
  else localStorage.removeItem(KEY);
}

export interface ErrorDetail {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The API's `details`: each offending field's path, for a form to mark the field. */
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }
}

export async function api<T = any>(method: string, path: string, body?: unknown): Promise<T> {
  const session = loadSession();
  const res = await fetch(`${config.apiUrl}${path}`, {
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
  if (res.status === 401 && session) {
    // The token was refused (expired, or signed out elsewhere): back to the sign-in.
    saveSession(undefined);
    location.reload();
  }
  if (!res.ok) {
    const error = data?.error;
    const list: ErrorDetail[] = error?.details ?? [];
    const details = list.map((d) => `${d.path}: ${d.message}`).join('; ');
    // API Gateway's own answers (its authoriser's 401) carry `message` outside the envelope.
    const message = error?.message ?? data?.message ?? res.statusText;
    throw new ApiError(res.status, `${message}${details ? ` (${details})` : ''}`, list);
  }
  return data as T;
}
