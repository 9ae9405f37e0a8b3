// What each function may do besides reading the table, and how long it may run: one answer for
// both runtimes. infra/ turns it into IAM grants and Lambda timeouts; local/ runs each invocation
// with exactly these rights and this deadline. Derived from the route table, the workflow registry
// and the schedule table, never kept a second time.
import type { RouteDef } from './route.ts';

export type WorkflowAction = 'start' | 'answer';

export interface Grants {
  /** Reads only, or reads and writes, on the table and its indexes (and its KMS key). */
  table: 'RO' | 'RW';
  /** Publishes domain events on the bus. */
  events: boolean;
  /** Starts executions and/or answers callback tasks of the state machines. */
  workflows: readonly WorkflowAction[];
  /** Reads the secret device keys are derived from. */
  deviceKeys: boolean;
}

/** What a step or a scheduled job declares; routes declare the same on their table entry. */
export interface DeclaredRights {
  events?: boolean;
  workflows?: readonly WorkflowAction[];
  deviceKeys?: boolean;
}

/** Lambda timeouts in seconds: people wait on a route; steps and jobs may take longer. */
export const TIMEOUT_SECONDS = { route: 10, step: 30, schedule: 60 } as const;

export function routeGrants(route: RouteDef): Grants {
  return {
    // Reads only for GET: a read that writes is a bug an AccessDenied shows at once.
    table: route.method === 'GET' ? 'RO' : 'RW',
    events: route.events ?? false,
    workflows: route.workflows ?? [],
    deviceKeys: route.deviceKeys ?? false,
  };
}

export function taskGrants(declared: DeclaredRights): Grants {
  return {
    table: 'RW',
    events: declared.events ?? false,
    workflows: declared.workflows ?? [],
    deviceKeys: declared.deviceKeys ?? false,
  };
}
