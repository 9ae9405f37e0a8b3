// Admission control for the embedded gateway: each route runs at most `inFlight` requests at once
// and lets at most `queue` more wait their turn; past that it answers 503 with Retry-After at once,
// before reading the body or touching the store. Past capacity this keeps the latency of the
// requests it does accept bounded (a full queue waits about queue ÷ inFlight service times)
// instead of letting every request slow down together, and nothing half-done is left behind: a
// refused request did nothing, so the client's retry (same event ids) is safe. On AWS the same
// job is done by API Gateway's per-route throttles and Lambda's reserved concurrency.
import { ServiceUnavailableError } from '#shared/errors.ts';

export interface AdmissionLimit {
  /** Requests of one route handled at once. */
  inFlight: number;
  /** Requests of one route waiting for a turn; one more is refused. */
  queue: number;
  /** What the refusal tells the client to wait. */
  retryAfterSeconds: number;
}

export const DEFAULT_ADMISSION: AdmissionLimit = { inFlight: 16, queue: 16, retryAfterSeconds: 1 };

class RouteQueue {
  running = 0;
  readonly waiting: (() => void)[] = [];
}

export class Admission {
  readonly #limit: AdmissionLimit;
  readonly #routes = new Map<string, RouteQueue>();
  /** Requests refused since start, by route. */
  readonly refused = new Map<string, number>();

  constructor(limit: AdmissionLimit = DEFAULT_ADMISSION) {
    this.#limit = limit;
  }

  /** Waits for a turn on `route`; the answer releases it. Throws 503 when the queue is full. */
  async enter(route: string): Promise<() => void> {
    let q = this.#routes.get(route);
    if (!q) this.#routes.set(route, (q = new RouteQueue()));
    const routeQueue = q;
    if (routeQueue.running >= this.#limit.inFlight) {
      if (routeQueue.waiting.length >= this.#limit.queue) {
        this.refused.set(route, (this.refused.get(route) ?? 0) + 1);
        throw new ServiceUnavailableError('This route is at capacity; retry shortly', this.#limit.retryAfterSeconds);
      }
      // The releasing request hands its slot over, so `running` stays counted.
      await new Promise<void>((resolve) => routeQueue.waiting.push(resolve));
    } else {
      routeQueue.running += 1;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = routeQueue.waiting.shift();
      if (next) next();
      else routeQueue.running -= 1;
    };
  }

  /** What a route is doing now: running and waiting requests. */
  load(route: string): { running: number; waiting: number } {
    const q = this.#routes.get(route);
    return { running: q?.running ?? 0, waiting: q?.waiting.length ?? 0 };
  }
}
