// The workflow registry: every state machine the system runs. Arrival and departure clearance
// join here as their capabilities land.
import type { WorkflowSpec } from './registry.ts';

export const workflows: readonly WorkflowSpec[] = [];
