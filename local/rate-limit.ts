// Per-caller token buckets for the embedded gateway: what API Gateway throttling does on AWS.
// A caller is a JWT subject, a device id, or (for public routes) an address.
export interface RateLimit {
  perSecond: number;
  burst: number;
}

export class TokenBuckets {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  readonly #limit: RateLimit;
  constructor(limit: RateLimit) {
    this.#limit = limit;
  }

  /** Takes a token for `key`; when none is left, how many seconds until one is. */
  take(key: string, now = performance.now()): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const { perSecond, burst } = this.#limit;
    const bucket = this.#buckets.get(key) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
    bucket.at = now;
    if (this.#buckets.size > 50_000) this.#buckets.clear();
    this.#buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond)) };
  }
}
