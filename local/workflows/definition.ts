// Reading an ASL definition for the embedded runner: every Task state, what it invokes, and the
// features the runner cannot honour (refused up front rather than silently ignored).
type Json = Record<string, unknown>;

export interface StateDef extends Json {
  Type: string;
  Resource?: string;
  Parameters?: Json;
}

export interface Definition extends Json {
  StartAt: string;
  States: Record<string, StateDef>;
}

export type Invocation =
  /** `"Resource": "${Fn}"`: the handler's result is the state's result. */
  | { kind: 'direct'; placeholder: string }
  /** `arn:aws:states:::lambda:invoke`: input is `{ FunctionName, Payload }`, result wrapped in `Payload`. */
  | { kind: 'invoke'; placeholder: string }
  /** `…lambda:invoke.waitForTaskToken`: the result is what SendTaskSuccess sends. */
  | { kind: 'callback'; placeholder: string };

export interface TaskState {
  name: string;
  invocation: Invocation;
  timeoutSeconds?: number;
  /** A dotted `$.a.b` path into the state input, as TimeoutSecondsPath is read on AWS. */
  timeoutPath?: string;
}

const PLACEHOLDER = /^\$\{([A-Za-z0-9_]+)\}(?::\$LATEST)?$/;

/** Every state of the definition, nested ones included, as [name, state]. */
export function* allStates(def: Pick<Definition, 'States'>): Generator<[string, StateDef]> {
  for (const [name, state] of Object.entries(def.States)) {
    yield [name, state];
    if (state.Type === 'Parallel') {
      for (const branch of (state.Branches as Definition[]) ?? []) yield* allStates(branch);
    }
    if (state.Type === 'Map') {
      const processor = (state.ItemProcessor ?? state.Iterator) as Definition | undefined;
      if (processor) yield* allStates(processor);
    }
  }
}

function invocationOf(name: string, state: StateDef): Invocation {
  const resource = state.Resource ?? '';
  const direct = PLACEHOLDER.exec(resource);
  if (direct) return { kind: 'direct', placeholder: direct[1]! };
  if (resource === 'arn:aws:states:::lambda:invoke' || resource === 'arn:aws:states:::lambda:invoke.waitForTaskToken') {
    const fn = PLACEHOLDER.exec(String(state.Parameters?.FunctionName ?? ''));
    if (!fn) throw new Error(`Task "${name}": Parameters.FunctionName must be a \${Placeholder}`);
    return { kind: resource.endsWith('.waitForTaskToken') ? 'callback' : 'invoke', placeholder: fn[1]! };
  }
  throw new Error(`Task "${name}": resource ${resource} has no local binding (use a Lambda placeholder)`);
}

/**
 * The Task states of a definition, after checking that it keeps to what both runtimes run:
 * JSONPath only, no variables, unique state names (local bindings are keyed by name), and a
 * TimeoutSeconds on every callback state.
 */
export function taskStates(def: Definition): TaskState[] {
  const problems: string[] = [];
  if (def.QueryLanguage === 'JSONata') problems.push('JSONata is not supported by the embedded runner');
  const seen = new Set<string>();
  const tasks: TaskState[] = [];
  for (const [name, state] of allStates(def)) {
    if (seen.has(name)) problems.push(`state name "${name}" is used twice`);
    seen.add(name);
    for (const field of [
      'QueryLanguage',
      'Assign',
      'Arguments',
      'Output',
      'HeartbeatSeconds',
      'HeartbeatSecondsPath',
    ]) {
      if (field in state) problems.push(`state "${name}" uses ${field}, which the embedded runner does not honour`);
    }
    if (
      state.Type === 'Map' &&
      (state.ItemProcessor as Json | undefined)?.ProcessorConfig &&
      ((state.ItemProcessor as Json).ProcessorConfig as Json).Mode === 'DISTRIBUTED'
    ) {
      problems.push(`state "${name}" is a Distributed Map`);
    }
    if (state.Type !== 'Task') continue;
    try {
      const invocation = invocationOf(name, state);
      if (
        invocation.kind === 'callback' &&
        typeof state.TimeoutSeconds !== 'number' &&
        typeof state.TimeoutSecondsPath !== 'string'
      ) {
        problems.push(`callback state "${name}" needs its own TimeoutSeconds or TimeoutSecondsPath`);
      }
      const timeoutPath = state.TimeoutSecondsPath;
      if (timeoutPath !== undefined && !/^\$(\.[A-Za-z0-9_]+)+$/.test(String(timeoutPath))) {
        problems.push(`state "${name}": TimeoutSecondsPath must be a plain $.a.b path here`);
      }
      tasks.push({
        name,
        invocation,
        ...(typeof state.TimeoutSeconds === 'number' && { timeoutSeconds: state.TimeoutSeconds }),
        ...(typeof timeoutPath === 'string' && { timeoutPath }),
      });
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  if (problems.length) throw new Error(`Definition not runnable here: ${problems.join('; ')}`);
  return tasks;
}

/** Reads a plain `$.a.b` path. */
export function readPath(value: unknown, path: string): unknown {
  return path
    .slice(2)
    .split('.')
    .reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Json)[key] : undefined), value);
}

/** The definition with each `${Name}` replaced, as CDK's definitionSubstitutions would. */
export function substitute(text: string, values: Record<string, string>): string {
  return text.replace(/\$\{([A-Za-z0-9_]+)\}/g, (whole, key: string) => values[key] ?? whole);
}
