// What a route is: method, path, handler module, who may call it, the schemas of what goes in and
// out, and what it needs on AWS. Each capability lists its routes in its own routes.ts (so a
// handler's bundle carries only its own schemas); functions/routes.ts gathers them all.
import type * as z from 'zod';
import type { Role } from './auth.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RouteDef {
  method: HttpMethod;
  /** API Gateway path syntax: `/v1/calls/{callId}`. */
  path: string;
  /** Module under functions/ that exports the handler named like the route's key. */
  module: string;
  roles: readonly Role[] | 'public';
  summary: string;
  body?: z.ZodType;
  /** A file sent as the raw body instead of JSON: the media types read and the largest size. */
  upload?: { contentTypes: readonly string[]; maxBytes: number };
  query?: z.ZodType;
  params?: z.ZodType;
  idempotent?: boolean;
  /** What the handler does with workflows, for its IAM grants: start executions, answer callbacks. */
  workflows?: readonly ('start' | 'answer')[];
  /** Answers from the request alone, touching neither the table nor the bus: granted neither. */
  stateless?: boolean;
  /** Reads the secret device keys are derived from. */
  deviceKeys?: boolean;
  /** Publishes domain events on the bus. */
  events?: boolean;
  /** Uses the audit's signing key: `read` its public key, or `sign` (KMS GetPublicKey, Sign on AWS). */
  auditKey?: 'read' | 'sign';
  /** The media type of a success body that is a file rather than JSON (its schema then describes it). */
  produces?: string;
  /** Files under node_modules the handler reads at run time, copied beside its Lambda bundle. */
  files?: readonly string[];
  /** Status → schema of the success response. */
  responses: Record<number, z.ZodType>;
  /** Text media types the success response may come in instead of JSON (`?format=csv`). */
  alsoAs?: readonly string[];
  /** Expected error statuses, for the contract. */
  errors?: readonly number[];
  /** Requests per second (steady, burst) API Gateway lets through to this route; see `throttleOf`. */
  throttle?: { rate: number; burst: number };
}

/** The API stage's limit over all routes and callers together. */
export const STAGE_THROTTLE = { rate: 200, burst: 400 } as const;

/**
 * A route's API Gateway throttle on AWS: devices post often (batches of up to 100 passes), reads
 * are cheap, writes by people are few, and the public permit check is what an outsider can hammer.
 */
export function throttleOf(route: RouteDef): { rate: number; burst: number } {
  if (route.throttle) return route.throttle;
  if (route.roles === 'public') return { rate: 20, burst: 40 };
  if (route.roles.includes('device')) return { rate: 100, burst: 200 };
  return route.method === 'GET' ? { rate: 50, burst: 100 } : { rate: 25, burst: 50 };
}

/** Whether a route hands out and takes page tokens (its query has a `nextToken`): it reads their key. */
export function pagesOf(route: Pick<RouteDef, 'query'>): boolean {
  const shape = (route.query as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape !== undefined && 'nextToken' in shape;
}

export function defineRoutes<T extends Record<string, RouteDef>>(defs: T): { [K in keyof T]: T[K] & { name: K } } {
  return Object.fromEntries(Object.entries(defs).map(([name, def]) => [name, { ...def, name }])) as never;
}
