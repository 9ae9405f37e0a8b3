// The clearance workflows' failure handling, read from the definitions themselves: every task
// retries what is transient with exponential backoff and jitter, and whatever still fails is caught
// into the step that records the failure on the call (where an officer can re-drive it).
import { describe, expect, it } from 'vitest';
import { workflows } from '#workflows/index.ts';
import { readDefinition } from '#workflows/registry.ts';

interface State {
  Type: string;
  Next?: string;
  Retry?: { ErrorEquals: string[]; MaxAttempts?: number; BackoffRate?: number; JitterStrategy?: string }[];
  Catch?: { ErrorEquals: string[]; Next: string }[];
  Branches?: Machine[];
  ItemProcessor?: Machine;
  Iterator?: Machine;
}
interface Machine {
  States: Record<string, State>;
}

/** Every state, with the names of the states that enclose it (Parallel branches, Map processors). */
function statesOf(machine: Machine, enclosing: string[] = []): { name: string; state: State; enclosing: string[] }[] {
  return Object.entries(machine.States).flatMap(([name, state]) => [
    { name, state, enclosing },
    ...[
      ...(state.Branches ?? []),
      ...(state.ItemProcessor ? [state.ItemProcessor] : []),
      ...(state.Iterator ? [state.Iterator] : []),
    ].flatMap((m) => statesOf(m, [...enclosing, name])),
  ]);
}

describe.each(workflows.map((w) => [w.name, w] as const))('%s', (_name, spec) => {
  const definition = JSON.parse(readDefinition(spec)) as Machine;
  const all = statesOf(definition);
  const tasks = all.filter((s) => s.state.Type === 'Task');

  it('retries each task on transient errors with exponential backoff and full jitter', () => {
    expect(tasks.length).toBeGreaterThan(0);
    for (const { name, state } of tasks) {
      const lambdaRetry = state.Retry?.find((r) => r.ErrorEquals.includes('Lambda.TooManyRequestsException'));
      expect(lambdaRetry, name).toBeDefined();
      for (const retry of state.Retry ?? []) {
        expect(retry.BackoffRate ?? 2, `${name} ${retry.ErrorEquals}`).toBeGreaterThanOrEqual(2);
        expect(retry.JitterStrategy, `${name} ${retry.ErrorEquals}`).toBe('FULL');
        expect(retry.MaxAttempts ?? 3, `${name} ${retry.ErrorEquals}`).toBeGreaterThan(0);
      }
    }
  });

  it('catches whatever still fails, in the task or around it, into recording the failure', () => {
    const recorder = Object.entries(definition.States).find(
      ([, s]) => s.Type === 'Task' && JSON.stringify(s).includes('Failure'),
    )?.[0];
    expect(recorder, 'a top-level step that records the failure').toBeDefined();
    const top = new Map(Object.entries(definition.States));
    for (const { name, state, enclosing } of tasks) {
      if (name === recorder) continue;
      // Caught by the task itself, or by the outermost state it runs inside.
      const catcher = enclosing.length ? top.get(enclosing[0]!)! : state;
      const all = catcher.Catch?.find((c) => c.ErrorEquals.includes('States.ALL'));
      expect(all?.Next, `${name} (caught by ${enclosing[0] ?? 'itself'})`).toBe(recorder);
    }
  });
});
