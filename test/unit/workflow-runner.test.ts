// The embedded runner runs ASL as Step Functions would: Parallel, Map, Retry/Catch and callbacks.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LocalStepFunctions, type StepHandler } from '#local/workflows/runner.ts';

const drill = readFileSync(new URL('../fixtures/inspection-drill.asl.json', import.meta.url), 'utf8');

function drillHandlers(overrides: Partial<Record<string, StepHandler>> = {}) {
  const tokens: string[] = [];
  let flaky = 0;
  const handlers: Record<string, StepHandler> = {
    ScreenPersonFunction: async (event) => {
      const { person } = event as { person: { ref: string; flaky?: boolean } };
      if (person.flaky && flaky++ < 2) throw Object.assign(new Error('try again'), { name: 'Flaky' });
      return { ref: person.ref, hit: person.ref === 'C02', ignored: 'x' };
    },
    CheckVesselFunction: async () => ({ vessel: 'OK' }),
    OpenReviewFunction: async (event) => {
      tokens.push((event as { taskToken: string }).taskToken);
      return {};
    },
    ...overrides,
  } as Record<string, StepHandler>;
  return { handlers, tokens, attempts: () => flaky };
}

async function until(predicate: () => boolean) {
  for (let i = 0; i < 200 && !predicate(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(predicate()).toBe(true);
}

const input = JSON.stringify({ callId: 'C1', persons: [{ ref: 'C01' }, { ref: 'C02', flaky: true }] });

describe('embedded workflow runner', () => {
  it('runs Parallel and Map, retries a flaky step, and resumes on SendTaskSuccess', async () => {
    // Prepare
    const sfn = new LocalStepFunctions({ retryDelayMs: 5 });
    const { handlers, tokens, attempts } = drillHandlers();
    const arn = sfn.register({ name: 'drill', definition: drill, handlers });

    // Act
    const execution = sfn.startExecution(arn, 'C1-1', input);
    await until(() => tokens.length === 1);
    sfn.sendTaskSuccess(tokens[0]!, JSON.stringify({ decision: 'APPROVE' }));
    await execution.done;

    // Assess
    expect(execution.status).toBe('SUCCEEDED');
    const output = JSON.parse(execution.output!);
    expect(output.checks).toEqual([
      [
        { ref: 'C01', hit: false },
        { ref: 'C02', hit: true },
      ],
      { vessel: 'OK' },
    ]);
    expect(output.decision).toEqual({ decision: 'APPROVE' });
    expect(attempts()).toBe(3);
    expect(execution.transitions).toBeGreaterThanOrEqual(6);
  });

  it('mints a different task token for every callback', async () => {
    const sfn = new LocalStepFunctions({ retryDelayMs: 5 });
    const { handlers, tokens } = drillHandlers();
    const arn = sfn.register({ name: 'drill', definition: drill, handlers });
    sfn.startExecution(arn, 'a', input);
    sfn.startExecution(arn, 'b', input);
    await until(() => tokens.length === 2);
    expect(tokens[0]).not.toEqual(tokens[1]);
    expect(tokens[0]!.length).toBeGreaterThan(40);
    await sfn.stop();
  });

  it('fails the execution with the error SendTaskFailure names', async () => {
    const sfn = new LocalStepFunctions({ retryDelayMs: 5 });
    const { handlers, tokens } = drillHandlers();
    const arn = sfn.register({ name: 'drill', definition: drill, handlers });
    const execution = sfn.startExecution(arn, 'C1-2', input);
    await until(() => tokens.length === 1);
    sfn.sendTaskFailure(tokens[0]!, 'ReviewRejected', 'expired documents');
    await execution.done;
    expect(execution.status).toBe('FAILED');
    expect(execution.error).toBe('ReviewRejected');
    expect(() => sfn.sendTaskSuccess(tokens[0]!, '{}')).toThrow(/No task is waiting/);
  });

  it('sends a caught error down the Catch path with its input kept', async () => {
    const sfn = new LocalStepFunctions({ retryDelayMs: 5 });
    const { handlers, tokens } = drillHandlers({
      CheckVesselFunction: async () => {
        throw Object.assign(new Error('registry down'), { name: 'VesselCheckFailed' });
      },
    });
    const arn = sfn.register({ name: 'drill', definition: drill, handlers });
    const execution = sfn.startExecution(arn, 'C1-3', input);
    await until(() => tokens.length === 1);
    sfn.sendTaskSuccess(tokens[0]!, '{"decision":"APPROVE"}');
    await execution.done;
    expect(JSON.parse(execution.output!).checks[1]).toEqual({ vessel: 'UNKNOWN', error: 'VesselCheckFailed' });
  });

  it('treats the same name and input as the same execution, and other input as a conflict', async () => {
    const sfn = new LocalStepFunctions({ retryDelayMs: 5 });
    const { handlers } = drillHandlers();
    const arn = sfn.register({ name: 'drill', definition: drill, handlers });
    const first = sfn.startExecution(arn, 'C1-4', input);
    expect(sfn.startExecution(arn, 'C1-4', input)).toBe(first);
    expect(() => sfn.startExecution(arn, 'C1-4', '{"other":true}')).toThrow(/already exists/);
    await sfn.stop();
  });

  it('refuses a definition with a Task state that has no step handler', () => {
    const sfn = new LocalStepFunctions({ retryDelayMs: 5 });
    const { handlers } = drillHandlers();
    delete handlers.CheckVesselFunction;
    expect(() => sfn.register({ name: 'drill', definition: drill, handlers })).toThrow(
      /no step handler for Check vessel/,
    );
  });

  it.each([
    ['JSONata', { QueryLanguage: 'JSONata' }, /JSONata/],
    ['variables', { Assign: { x: 1 } }, /Assign/],
    ['heartbeats', { HeartbeatSeconds: 10 }, /HeartbeatSeconds/],
  ])('refuses a definition that uses %s', (_what, extra, message) => {
    const def = JSON.parse(drill);
    Object.assign(def.States['Wait for officer'], extra);
    if ('QueryLanguage' in extra) def.QueryLanguage = 'JSONata';
    const sfn = new LocalStepFunctions({ retryDelayMs: 5 });
    expect(() =>
      sfn.register({ name: 'drill', definition: JSON.stringify(def), handlers: drillHandlers().handlers }),
    ).toThrow(message);
  });

  it('refuses a callback state without its own TimeoutSeconds', () => {
    const def = JSON.parse(drill);
    delete def.States['Wait for officer'].TimeoutSeconds;
    const sfn = new LocalStepFunctions({ retryDelayMs: 5 });
    expect(() =>
      sfn.register({ name: 'drill', definition: JSON.stringify(def), handlers: drillHandlers().handlers }),
    ).toThrow(/TimeoutSeconds/);
  });
});

describe('a step past its Lambda timeout', () => {
  it('fails its task as Lambda reports a timed-out function, into the Catch and Retry rules', async () => {
    // Prepare: the vessel check never answers; step functions get 50 ms.
    const sfn = new LocalStepFunctions({ retryDelayMs: 5, stepTimeoutMs: 50 });
    const { handlers } = drillHandlers({ CheckVesselFunction: () => new Promise(() => undefined) });
    const arn = sfn.register({ name: 'drill', definition: drill, handlers });
    // Act
    const execution = sfn.startExecution(arn, 'C1-timeout', input);
    await execution.done;
    // Assess
    expect(execution.status).toBe('FAILED');
    expect(execution.error).toBe('Lambda.Unknown');
    expect(execution.cause).toContain('CheckVesselFunction: Task timed out after 0.05 seconds');
  });
});
