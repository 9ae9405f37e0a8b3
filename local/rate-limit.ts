// Throttling of the embedded gateway, meaning what it means on AWS plus what only one machine needs.
// As API Gateway: each route has its bucket (`throttleOf`), shared by every caller, under the
// stage's (`STAGE_THROTTLE`). Locally only (an HTTP API cannot limit per caller): each client
// address has a share before anything is verified — invalid tokens and made-up device ids use it
// up — and each verified identity its own share after. Caller buckets live in an LRU, so memory
// stays bounded whatever keys an attacker invents, and the callers seen lately keep their state.
import { LRUCache } from 'lru-cache';
import { STAGE_THROTTLE, throttleOf } from '#shared/route.ts';
import type { Route } from '#functions/routes.ts';

export interface RateLimit {
  perSecond: number;
  burst: number;
}

/** Requests one address may send, before verification, as many callers' worth: a port office shares one. */
export const ADDRESS_SHARE = 4;
/** Callers remembered at once; the least recently seen are forgotten first. */
export const MAX_CALLERS = 10_000;

export type Taken = { ok: true } | { ok: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

export class TokenBuckets {
  readonly #buckets: LRUCache<string, Bucket>;
  readonly #limit: RateLimit;
  constructor(limit: RateLimit, maxKeys = MAX_CALLERS) {
    this.#limit = limit;
    this.#buckets = new LRUCache({ max: maxKeys });
  }

  get size(): number {
    return this.#buckets.size;
  }

  /** Takes a token for `key`; when none is left, how many seconds until one is. */
  take(key: string, now = performance.now()): Taken {
    const { perSecond, burst } = this.#limit;
    const bucket = this.#buckets.get(key) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
    bucket.at = now;
    this.#buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond)) };
  }
}

export interface ThrottleOptions {
  /** Each verified caller's share; an address gets `ADDRESS_SHARE` times it. */
  perCaller: RateLimit;
  /** A route's limit shared by all callers; the route table's by default, as on AWS. */
  perRoute?: (route: Route) => { rate: number; burst: number };
}

export class Throttle {
  readonly #stage = new TokenBuckets({ perSecond: STAGE_THROTTLE.rate, burst: STAGE_THROTTLE.burst }, 1);
  readonly #routes = new Map<string, TokenBuckets>();
  readonly #addresses: TokenBuckets;
  readonly #callers: TokenBuckets;
  readonly #perRoute: NonNullable<ThrottleOptions['perRoute']>;

  constructor(options: ThrottleOptions) {
    const { perSecond, burst } = options.perCaller;
    this.#callers = new TokenBuckets(options.perCaller);
    this.#addresses = new TokenBuckets({ perSecond: perSecond * ADDRESS_SHARE, burst: burst * ADDRESS_SHARE });
    this.#perRoute = options.perRoute ?? throttleOf;
  }

  /** On arrival, before anything is verified: the stage, the route, the client's address. */
  arrive(route: Route, address: string): { taken: Taken; who: 'route' | 'caller' } {
    const key = `${route.method} ${route.path}`;
    let buckets = this.#routes.get(key);
    if (!buckets) {
      const { rate, burst } = this.#perRoute(route);
      buckets = new TokenBuckets({ perSecond: rate, burst }, 1);
      this.#routes.set(key, buckets);
    }
    const stage = this.#stage.take('stage');
    if (!stage.ok) return { taken: stage, who: 'route' };
    const routed = buckets.take(key);
    if (!routed.ok) return { taken: routed, who: 'route' };
    return { taken: this.#addresses.take(address), who: 'caller' };
  }

  /** Once the caller is verified: its own share. */
  verified(subject: string): Taken {
    return this.#callers.take(subject);
  }
}
