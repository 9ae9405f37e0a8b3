// The arrival clearance definition itself, run by the embedded runner with stand-in steps: every
// path an officer would name ends where it should.
import { describe, expect, it } from 'vitest';
import validator from 'asl-validator';
import { LocalStepFunctions, type StepHandler } from '#local/workflows/runner.ts';
import { placeholders, readDefinition } from '#workflows/registry.ts';
import { arrivalClearance } from '#workflows/index.ts';
import { INSPECTION_TIMEOUT_SECONDS } from '#clearance/steps.ts';

const definition = readDefinition(arrivalClearance);

type Calls = Record<string, unknown[]>;

function steps(overrides: Partial<Record<string, StepHandler>> = {}) {
  const calls: Calls = {};
  const tokens: string[] = [];
  const record =
    (name: string, result: unknown): StepHandler =>
    async (event) => {
      (calls[name] ??= []).push(event);
      return result;
    };
  const handlers: Record<string, StepHandler> = {
    LoadDeclarationFunction: record('load', {
      batches: [
        { callId: 'C1', version: 1, from: 0, to: 10 },
        { callId: 'C1', version: 1, from: 10, to: 12 },
      ],
      trusted: false,
    }),
    ScreenPersonsFunction: record('screen', { hits: [] }),
    CheckVesselFunction: record('vessel', { reasons: [] }),
    CheckHealthFunction: record('health', { reasons: [] }),
    AssessRiskFunction: record('assess', { needsReview: false, reviewTimeoutSeconds: 1 }),
    OpenReviewFunction: async (event) => {
      (calls.review ??= []).push(event);
      tokens.push((event as { taskToken: string }).taskToken);
      return {};
    },
    IssuePermitFunction: record('permit', {}),
    RejectArrivalFunction: record('reject', {}),
    RequestAmendmentFunction: record('amend', {}),
    RecordFailureFunction: record('failure', {}),
    ...overrides,
  } as Record<string, StepHandler>;
  const sfn = new LocalStepFunctions({ retryDelayMs: 1 });
  const arn = sfn.register({ name: 'arrival-clearance', definition, handlers });
  return { sfn, arn, calls, tokens };
}

async function until(predicate: () => boolean) {
  for (let i = 0; i < 500 && !predicate(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(predicate()).toBe(true);
}

const input = JSON.stringify({ callId: 'C1', version: 1, round: 0 });

describe('arrival clearance definition', () => {
  it('is valid ASL, with a step handler registered for every placeholder', () => {
    const { isValid, errors } = validator(JSON.parse(definition));
    expect(errors).toEqual([]);
    expect(isValid).toBe(true);
    expect(placeholders(definition).sort()).toEqual(Object.keys(arrivalClearance.steps).sort());
  });

  it('clears a low-risk call straight away, screening each batch, in few transitions', async () => {
    const { sfn, arn, calls } = steps();
    const execution = sfn.startExecution(arn, 'low', input);
    await execution.done;
    expect(execution.status).toBe('SUCCEEDED');
    expect(calls.screen).toEqual([
      { callId: 'C1', version: 1, from: 0, to: 10 },
      { callId: 'C1', version: 1, from: 10, to: 12 },
    ]);
    expect(calls.assess![0]).toMatchObject({
      checks: [[{ hits: [] }, { hits: [] }], { reasons: [] }, { reasons: [] }],
      trusted: false,
    });
    expect(calls.permit).toHaveLength(1);
    expect(calls.review).toBeUndefined();
    expect(execution.transitions).toBeLessThanOrEqual(40);
  });

  it.each([
    ['APPROVE', 'permit'],
    ['APPROVE_WITH_CONDITIONS', 'permit'],
    ['REFUSE_ENTRY', 'permit'],
    ['REJECT', 'reject'],
    ['REQUEST_AMENDMENT', 'amend'],
  ])('waits for the officer and follows a %s decision', async (decision, step) => {
    const { sfn, arn, calls, tokens } = steps({
      AssessRiskFunction: async () => ({ needsReview: true, reviewTimeoutSeconds: 3600 }),
    });
    const execution = sfn.startExecution(arn, 'review', input);
    await until(() => tokens.length === 1);
    sfn.sendTaskSuccess(tokens[0]!, JSON.stringify({ decision, officer: 'o1', decidedAt: 'now' }));
    await execution.done;
    expect(execution.status).toBe('SUCCEEDED');
    expect(calls[step]).toHaveLength(1);
    expect(calls[step]![0]).toMatchObject({ callId: 'C1', version: 1, decision: { decision, officer: 'o1' } });
  });

  it.each([
    ['APPROVE', 'permit'],
    ['REFUSE_ENTRY', 'permit'],
    ['REJECT', 'reject'],
  ])('orders an on-board inspection, waits for its result and follows a %s result', async (result, step) => {
    const { sfn, arn, calls, tokens } = steps({
      AssessRiskFunction: async () => ({ needsReview: true, reviewTimeoutSeconds: 3600 }),
    });
    const execution = sfn.startExecution(arn, `inspect-${result}`, input);
    await until(() => tokens.length === 1);
    sfn.sendTaskSuccess(
      tokens[0]!,
      JSON.stringify({ decision: 'ORDER_INSPECTION', reason: 'stowaway suspected', officer: 'o1', decidedAt: 'now' }),
    );
    await until(() => tokens.length === 2);
    expect(calls.review![1]).toMatchObject({
      purpose: 'INSPECTION',
      escalated: false,
      order: { decision: 'ORDER_INSPECTION', reason: 'stowaway suspected', officer: 'o1' },
    });
    expect(calls.permit).toBeUndefined();
    sfn.sendTaskSuccess(tokens[1]!, JSON.stringify({ decision: result, officer: 'o2', decidedAt: 'later' }));
    await execution.done;
    expect(execution.status).toBe('SUCCEEDED');
    expect(calls[step]).toHaveLength(1);
    expect(calls[step]![0]).toMatchObject({ decision: { decision: result, officer: 'o2' } });
  });

  it('records a failure when the inspection result never comes', () => {
    const states = JSON.parse(definition).States;
    expect(states['Inspect on board'].TimeoutSeconds).toBe(INSPECTION_TIMEOUT_SECONDS);
    expect(states['Inspect on board'].Catch).toContainEqual(
      expect.objectContaining({ ErrorEquals: ['States.Timeout'], Next: 'Record failure' }),
    );
  });

  it('escalates to a supervisor when the review deadline passes', async () => {
    const { sfn, arn, calls, tokens } = steps({
      AssessRiskFunction: async () => ({ needsReview: true, reviewTimeoutSeconds: 1 }),
    });
    const execution = sfn.startExecution(arn, 'late', input);
    await until(() => tokens.length === 2);
    expect(calls.review!.map((e) => (e as { escalated: boolean }).escalated)).toEqual([false, true]);
    sfn.sendTaskSuccess(tokens[1]!, JSON.stringify({ decision: 'APPROVE', officer: 's1', decidedAt: 'now' }));
    await execution.done;
    expect(calls.permit).toHaveLength(1);
  });

  it('ends quietly when a newer version supersedes the one under review', async () => {
    const { sfn, arn, calls, tokens } = steps({
      AssessRiskFunction: async () => ({ needsReview: true, reviewTimeoutSeconds: 3600 }),
    });
    const execution = sfn.startExecution(arn, 'superseded', input);
    await until(() => tokens.length === 1);
    sfn.sendTaskFailure(tokens[0]!, 'Superseded', 'v2 submitted');
    await execution.done;
    expect(execution.status).toBe('SUCCEEDED');
    expect(calls.failure).toBeUndefined();
    expect(calls.permit).toBeUndefined();
  });

  it('retries a throttled step, then records a failure the call shows when it keeps failing', async () => {
    let attempts = 0;
    const { sfn, arn, calls } = steps({
      CheckVesselFunction: async () => {
        attempts += 1;
        throw Object.assign(new Error('slow down'), { name: 'ProvisionedThroughputExceededException' });
      },
    });
    const execution = sfn.startExecution(arn, 'failing', input);
    await execution.done;
    expect(attempts).toBe(6);
    expect(calls.failure).toEqual([
      {
        callId: 'C1',
        version: 1,
        round: 0,
        failure: { Error: 'ProvisionedThroughputExceededException', Cause: 'slow down' },
      },
    ]);
    expect(execution.status).toBe('FAILED');
    expect(execution.error).toBe('ArrivalClearanceFailed');
  });

  it('does not retry a step whose input the definition got wrong', async () => {
    let attempts = 0;
    const { sfn, arn, calls } = steps({
      LoadDeclarationFunction: async () => {
        attempts += 1;
        throw Object.assign(new Error('bad input'), { name: 'StepInputInvalid' });
      },
    });
    const execution = sfn.startExecution(arn, 'bad', input);
    await execution.done;
    expect(attempts).toBe(1);
    expect(calls.failure).toHaveLength(1);
  });
});
