// The embedded runtime's IAM. Each invocation runs as its function, with the rights its entry in
// the route table, workflow registry or schedule table declares (functions/shared/grants.ts), so a
// missing flag fails here as it fails on AWS:
// - calls to the local AWS endpoints carry the caller's rights in a header, added to each outgoing
//   request of that invocation, and the endpoints answer AccessDeniedException as AWS would;
// - the device-key secret is in the environment of the functions that declare it only, as
//   DEVICE_KEY_SECRET_ARN is on AWS.
import { AsyncLocalStorage } from 'node:async_hooks';
import { subscribe } from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';
import type { Grants } from '#shared/grants.ts';
import { inInvocation } from './invocations.ts';

export interface Invoker {
  /** The function's name: the route's, `workflow/Placeholder` or the job's. */
  name: string;
  grants: Grants;
}

const HEADER = 'x-local-invoker';
const current = new AsyncLocalStorage<Invoker>();
const used = new Map<string, Set<string>>();

/** Notes that a function used an action its rights allowed, for the declared = used checks. */
export function recordUse(invoker: Invoker, action: string): void {
  let actions = used.get(invoker.name);
  if (!actions) used.set(invoker.name, (actions = new Set()));
  actions.add(action);
}

/** Every function that used a right in this process, with the actions it used (IAM names). */
export function rightsUsed(): ReadonlyMap<string, ReadonlySet<string>> {
  return used;
}

/** The function this code runs as; undefined for the runtime itself. */
export function currentInvoker(): Invoker | undefined {
  return current.getStore();
}

/**
 * Runs `fn` as one invocation of `invoker`: every AWS call and environment read inside it is that
 * function's, and what Powertools keeps per invocation is its own (local/invocations.ts).
 */
export function invokeAs<T>(invoker: Invoker, fn: () => T, requestId?: string): T {
  invoked.add(invoker.name);
  return current.run(invoker, () => inInvocation(fn, requestId));
}

const invoked = new Set<string>();

/** The functions invoked in this process so far. */
export function functionsInvoked(): ReadonlySet<string> {
  return invoked;
}

let installed = false;
const scopedEnv = new Map<string, { value: string; action: string; allowed: (grants: Grants) => boolean }>();

/** Once per process: tag each outgoing request with its invoker, and scope the secret variables. */
export function installGrants(): void {
  if (installed) return;
  installed = true;
  subscribe('http.client.request.created', (message) => {
    const invoker = current.getStore();
    const { request } = message as { request: ClientRequest };
    if (invoker) request.setHeader(HEADER, Buffer.from(JSON.stringify(invoker)).toString('base64url'));
  });
  const real = process.env;
  const visible = (key: string | symbol) => {
    const scoped = typeof key === 'string' ? scopedEnv.get(key) : undefined;
    if (!scoped) return undefined;
    const invoker = current.getStore();
    // Outside any invocation it is the runtime itself (or a test) reading its own settings.
    if (!invoker) return scoped.value;
    if (!scoped.allowed(invoker.grants)) return undefined;
    recordUse(invoker, scoped.action);
    return scoped.value;
  };
  process.env = new Proxy(real, {
    set: (target, key, value) => {
      const scoped = typeof key === 'string' ? scopedEnv.get(key) : undefined;
      if (scoped) scoped.value = String(value);
      else Reflect.set(target, key, value);
      return true;
    },
    get: (target, key) => (typeof key === 'string' && scopedEnv.has(key) ? visible(key) : Reflect.get(target, key)),
    has: (target, key) => (typeof key === 'string' && scopedEnv.has(key) ? visible(key) !== undefined : key in target),
    ownKeys: (target) => [
      ...Reflect.ownKeys(target),
      ...[...scopedEnv.keys()].filter((k) => !(k in target) && visible(k) !== undefined),
    ],
    getOwnPropertyDescriptor: (target, key) => {
      if (typeof key === 'string' && scopedEnv.has(key)) {
        const value = visible(key);
        return value === undefined ? undefined : { value, writable: true, enumerable: true, configurable: true };
      }
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
  });
}

/** An environment variable only the functions whose grants allow it can see. */
export function setScopedEnv(
  name: string,
  value: string,
  allowed: (grants: Grants) => boolean,
  /** The IAM action reading it stands for, e.g. `secretsmanager:GetSecretValue`. */
  action: string,
): void {
  delete process.env[name];
  scopedEnv.set(name, { value, action, allowed });
}

/** Who sent a request to a local AWS endpoint; undefined for the runtime itself. */
export function invokerOf(req: IncomingMessage): Invoker | undefined {
  const raw = req.headers[HEADER];
  if (typeof raw !== 'string') return undefined;
  try {
    return JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Invoker;
  } catch {
    // Not a header this runtime wrote: whoever sent it may do nothing.
    return { name: 'unknown', grants: { table: 'RO', events: false, workflows: [], deviceKeys: false } };
  }
}

const WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);

/** Whether the grants allow an action, named as IAM names it (`states:StartExecution`). */
export function allows(grants: Grants, action: string): boolean {
  const [service, operation] = action.split(':') as [string, string];
  switch (service) {
    case 'states':
      if (operation === 'StartExecution') return grants.workflows.includes('start');
      if (operation === 'SendTaskSuccess' || operation === 'SendTaskFailure')
        return grants.workflows.includes('answer');
      return false;
    case 'events':
      return operation === 'PutEvents' && grants.events;
    case 'dynamodb':
      return grants.table === 'RW' || !WRITES.has(operation);
    default:
      return false;
  }
}

/** The error body AWS answers when no identity-based policy allows the action (HTTP 400). */
export function accessDenied(invoker: Invoker, action: string, resource: string) {
  const role = `arn:aws:sts::000000000000:assumed-role/${invoker.name.replace(/[^\w+=,.@-]/g, '-')}/${invoker.name.replace(/[^\w+=,.@-]/g, '-')}`;
  return {
    __type: 'AccessDeniedException',
    message: `User: ${role} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`,
  };
}
