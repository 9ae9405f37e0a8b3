// One Powertools logger per cold start, with a context of its own for each invocation: Lambda runs
// one invocation per process at a time, the embedded runtime runs many at once, and a context set
// by one (function name, request id, keys) must not show up in another's lines. Log ids and codes,
// never names, documents or faces.
import { AsyncLocalStorage } from 'node:async_hooks';
import { Logger } from '@aws-lambda-powertools/logger';

const root = new Logger({
  serviceName: 'three-zeros',
  logLevel: (process.env.LOG_LEVEL as 'INFO' | undefined) ?? 'INFO',
});
const invocation = new AsyncLocalStorage<Logger>();

/** The current invocation's logger (the cold start's outside any invocation). */
export const logger: Logger = new Proxy(root, {
  get(target, property) {
    const current = invocation.getStore() ?? target;
    const value = Reflect.get(current, property, current);
    return typeof value === 'function' ? value.bind(current) : value;
  },
});

/** `handler`, each call of it with a logger context of its own. */
export function perInvocation<A extends unknown[], R>(handler: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return (...args) => invocation.run(root.createChild(), () => handler(...args));
}
