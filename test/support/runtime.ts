// Starts the embedded runtime in memory on a free port and speaks HTTP to it, as a client would.
import { type Runtime, type RuntimeOptions, startRuntime } from '#local/runtime.ts';
import type { TokenRequest } from '#local/dev-auth.ts';
import { assertDocumented } from './contract.ts';

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface TestSystem {
  runtime: Runtime;
  url: string;
  token(who: TokenRequest): Promise<string>;
  request<T = any>(
    method: string,
    path: string,
    options?: {
      token?: string;
      body?: unknown;
      rawBody?: string;
      headers?: Record<string, string>;
      /** Off for a test that breaks the system on purpose and expects the 500 no route documents. */
      contract?: boolean;
    },
  ): Promise<ApiResponse<T>>;
  stop(): Promise<void>;
}

export async function startTestSystem(options: RuntimeOptions = {}): Promise<TestSystem> {
  // Tests fire requests faster than any caller should: no limit unless a test sets one.
  const runtime = await startRuntime({ port: 0, retryDelayMs: 5, rateLimit: false, ...options });
  return {
    runtime,
    url: runtime.url,
    token: (who) => runtime.identity.mint(who),
    async request(method, path, { token, body, rawBody, headers = {}, contract = true } = {}) {
      const res = await fetch(`${runtime.url}${path}`, {
        method,
        headers: {
          ...(token && { authorization: `Bearer ${token}` }),
          ...((body !== undefined || rawBody !== undefined) && { 'content-type': 'application/json' }),
          ...headers,
        },
        ...((body !== undefined || rawBody !== undefined) && { body: rawBody ?? JSON.stringify(body) }),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the text
      }
      if (contract) assertDocumented(method, path, res.status, parsed, res.headers.get('content-type') ?? undefined);
      return { status: res.status, headers: res.headers, body: parsed as never };
    },
    stop: () => runtime.stop(),
  };
}
