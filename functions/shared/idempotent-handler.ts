// The handler chain of a route that honours `Idempotency-Key`: `httpHandler` with Powertools
// Idempotency in it. Only these routes' modules import it, so no other bundle carries Powertools
// Idempotency (about 38 KB minified) or loads it at cold start.
import { idempotencyMiddleware } from './idempotency.ts';
import { type HandlerOptions, type HandlerSpec, type Schema, httpHandler } from './http.ts';

export function idempotentHandler<
  B extends Schema = undefined,
  Q extends Schema = undefined,
  P extends Schema = undefined,
>(spec: HandlerSpec<B, Q, P> & { idempotent: true }, options: HandlerOptions = {}) {
  return httpHandler(spec, { ...options, idempotency: idempotencyMiddleware });
}
