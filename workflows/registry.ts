// What a workflow is, for both runtimes: its ASL file and the step handler behind each
// `${Placeholder}` in it. infra/ substitutes Lambda ARNs; local/ binds the handlers in-process.
import { readFileSync } from 'node:fs';
import type { DeclaredRights } from '../functions/shared/grants.ts';

/** A step handler, and what it does besides the table (IAM on AWS, enforced locally too). */
export interface StepRef extends DeclaredRights {
  /** Module under functions/, e.g. `arrival/steps.ts`. */
  module: string;
  /** Its exported Lambda handler. */
  export: string;
}

export interface WorkflowSpec {
  /** Stable name: the key in WORKFLOW_ARNS and the state machine's name suffix. */
  name: string;
  /** Absolute path of the ASL definition. */
  definitionPath: string;
  /** Placeholder in the definition (`${Name}`) → the step handler it stands for. */
  steps: Record<string, StepRef>;
}

export function readDefinition(spec: WorkflowSpec): string {
  return readFileSync(spec.definitionPath, 'utf8');
}

/** Every `${Name}` placeholder used in a definition. */
export function placeholders(definition: string): string[] {
  return [...new Set([...definition.matchAll(/\$\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]!))];
}
