// A small client of the embedded runtime's API for the demo, the benchmarks and the simulation:
// JSON in and out, a bearer token, and the patience a well-behaved caller has for 429s and 503s.
import type { LocalEventBus } from './bus.ts';
import type { Runtime } from './runtime.ts';

export interface Api {
  request<T = any>(method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: T }>;
}

export function api(url: string): Api {
  return {
    async request(method, path, token, body) {
      for (;;) {
        const res = await fetch(`${url}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            ...(body !== undefined && { 'content-type': 'application/json' }),
          },
          ...(body !== undefined && { body: JSON.stringify(body) }),
        });
        const text = await res.text();
        if (res.status === 429 || res.status === 503) {
          // Rate limited or shed at capacity: wait as told, then send the same request again.
          await new Promise((ok) => setTimeout(ok, Number(res.headers.get('retry-after') ?? 1) * 1000));
          continue;
        }
        return { status: res.status, body: text ? JSON.parse(text) : undefined };
      }
    },
  };
}

export interface Tokens {
  agent: string;
  officer: string;
  supervisor: string;
}

export async function tokens(
  runtime: Pick<Runtime, 'identity'>,
  agentId = 'BENCH-SHIPPING',
  port = 'CNTXG',
): Promise<Tokens> {
  return {
    agent: await runtime.identity.mint({ role: 'agent', agentId }),
    officer: await runtime.identity.mint({ role: 'officer', port }),
    supervisor: await runtime.identity.mint({ role: 'supervisor', port }),
  };
}

/** Resolves when the bus carries `type` for `callId` (the time it did, from `performance.now()`). */
export function waitForEvent(
  runtime: { bus: LocalEventBus },
  type: string | string[],
  callId: string,
  timeoutMs = 30_000,
): Promise<number> {
  const types = new Set(Array.isArray(type) ? type : [type]);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`${[...types].join(' or ')} for ${callId} not seen in ${timeoutMs} ms`));
    }, timeoutMs);
    const stop = runtime.bus.subscribe((e) => {
      if (types.has(e.detailType) && e.detail.callId === callId) {
        clearTimeout(timer);
        stop();
        resolve(performance.now());
      }
    });
  });
}
