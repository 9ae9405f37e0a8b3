// Webhook rules, pure: which bus events agents get and in what shape, which URLs may be called,
// and when a failed delivery is tried again.
import type { AgentEventType, WebhookPayload } from './schema.ts';

export interface RetryPolicy {
  /** Ceiling of the first retry's delay and of the last one's. */
  minDelayMs: number;
  maxDelayMs: number;
  /** Attempts in all, the first one included. */
  maxAttempts: number;
}

export const DEFAULT_RETRY: RetryPolicy = { minDelayMs: 5_000, maxDelayMs: 36_000_000, maxAttempts: 8 };

/**
 * The wait before the next attempt after `failed` attempts failed, or undefined when none is left.
 * Ceilings grow geometrically from min to max over the retries (5 s … 10 h for the defaults);
 * full jitter (a uniform draw below the ceiling) keeps endpoints that failed together from being
 * retried together.
 */
export function retryDelayMs(failed: number, policy: RetryPolicy, random: number): number | undefined {
  if (failed < 1 || failed >= policy.maxAttempts) return undefined;
  const retries = policy.maxAttempts - 1;
  const step = retries > 1 ? (failed - 1) / (retries - 1) : 0;
  const ceiling = policy.minDelayMs * (policy.maxDelayMs / policy.minDelayMs) ** step;
  return Math.floor(random * ceiling);
}

/** After this long failing without one success, the endpoint is disabled. */
export function shouldDisable(failingSince: string | undefined, now: Date, disableAfterMs: number): boolean {
  return failingSince !== undefined && now.getTime() - Date.parse(failingSince) >= disableAfterMs;
}

/** Bus event name → the name agents see. Anything else on the bus is not for agents. */
const AGENT_EVENT: Record<string, AgentEventType> = {
  ArrivalCleared: 'ArrivalCleared',
  AmendmentRequested: 'AmendmentRequested',
  DepartureAmendmentRequested: 'AmendmentRequested',
  ReviewRequested: 'ReviewOpened',
  ArrivalRejected: 'ArrivalRejected',
  DepartureCleared: 'DepartureCleared',
  DepartureHeld: 'DepartureHeld',
  DeparturePermitSuspended: 'PermitSuspended',
  PermitSuspended: 'PermitSuspended',
};

/** The bus events the delivery handler listens to (the EventBridge rule's detail types). */
export const AGENT_BUS_EVENTS: readonly string[] = Object.keys(AGENT_EVENT);

const KIND_OF: Record<string, 'arrival' | 'departure'> = {
  ArrivalCleared: 'arrival',
  AmendmentRequested: 'arrival',
  ArrivalRejected: 'arrival',
  DepartureAmendmentRequested: 'departure',
  DepartureCleared: 'departure',
  DepartureHeld: 'departure',
  DeparturePermitSuspended: 'departure',
};

/**
 * The payload an agent receives for a bus event, or undefined when agents get none. Built from an
 * allow-list of fields: reviews' reasons (watch-list findings) and officers' reasons never leave.
 */
export function agentPayload(
  detailType: string,
  detail: Record<string, unknown>,
  time: string,
): WebhookPayload | undefined {
  const type = AGENT_EVENT[detailType];
  const callId = detail.callId;
  if (!type || typeof callId !== 'string') return undefined;
  const kind =
    KIND_OF[detailType] ?? (detail.kind === 'departure' || detail.kind === 'arrival' ? detail.kind : undefined);
  return {
    type,
    timestamp: time,
    data: {
      callId,
      ...(typeof detail.port === 'string' && { port: detail.port }),
      ...(kind && { kind }),
      ...(Number.isInteger(detail.version) && { version: detail.version as number }),
    },
  };
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
// Addresses inside the operator's own network: a webhook must not become a way to reach them.
const PRIVATE = [
  /^10\./,
  /^127\./,
  /^192\.168\./,
  /^172\.(1[6-9]|2\d|3[01])\./,
  /^169\.254\./,
  /^0\./,
  /^\[(::1?|f[cd]|fe80)/i,
];

/** Why a URL may not be an endpoint, or undefined when it may. */
export function urlProblem(raw: string, allowLoopbackHttp: boolean): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be a URL';
  }
  if (url.username || url.password) return 'must not carry credentials';
  const host = url.hostname.toLowerCase();
  const loopback = LOOPBACK.has(host) || host.startsWith('127.');
  if (url.protocol === 'http:' && loopback && allowLoopbackHttp) return undefined;
  if (url.protocol !== 'https:')
    return allowLoopbackHttp ? 'must be https (or http on a loopback address)' : 'must be https';
  if (host === 'localhost' || host.endsWith('.localhost') || PRIVATE.some((p) => p.test(host))) {
    return allowLoopbackHttp && loopback ? undefined : 'must not be a loopback or private address';
  }
  return undefined;
}
