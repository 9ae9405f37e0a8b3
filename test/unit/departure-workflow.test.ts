// The departure clearance definition, run by the embedded runner with stand-in steps.
import validator from 'asl-validator';
import { describe, expect, it } from 'vitest';
import { LocalStepFunctions, type StepHandler } from '#local/workflows/runner.ts';
import { placeholders, readDefinition } from '#workflows/registry.ts';
import { departureClearance, workflows } from '#workflows/index.ts';

const definition = readDefinition(departureClearance);

function run(overrides: Partial<Record<string, StepHandler>> = {}) {
  const calls: Record<string, unknown[]> = {};
  const tokens: string[] = [];
  const record =
    (name: string, result: unknown): StepHandler =>
    async (event) => {
      (calls[name] ??= []).push(event);
      return result;
    };
  const handlers = {
    LoadDepartureFunction: record('load', { batches: [] }),
    ReconcilePersonsFunction: record('reconcile', { reasons: [] }),
    CheckOpenAlertsFunction: record('alerts', { reasons: [] }),
    AskAgenciesFunction: record('agencies', { reasons: [] }),
    ScreenSignOnsFunction: record('screen', { hits: [] }),
    AssessDepartureFunction: record('assess', { needsReview: false, reviewTimeoutSeconds: 900 }),
    OpenDepartureReviewFunction: async (event: unknown) => {
      tokens.push((event as { taskToken: string }).taskToken);
      return {};
    },
    IssueDeparturePermitFunction: record('permit', {}),
    HoldDepartureFunction: record('hold', {}),
    RequestDepartureAmendmentFunction: record('amend', {}),
    RecordDepartureFailureFunction: record('failure', {}),
    ...overrides,
  } as Record<string, StepHandler>;
  const sfn = new LocalStepFunctions({ retryDelayMs: 1 });
  const arn = sfn.register({ name: 'departure-clearance', definition, handlers });
  return { sfn, arn, calls, tokens };
}

describe('departure clearance definition', () => {
  it.each(workflows.map((w) => [w.name, w] as const))('%s is valid ASL with every placeholder bound', (_name, spec) => {
    const text = readDefinition(spec);
    expect(validator(JSON.parse(text)).errors).toEqual([]);
    expect(placeholders(text).sort()).toEqual(Object.keys(spec.steps).sort());
  });

  it('runs every one-stop check in parallel on the same version and round, then issues the permit', async () => {
    const { sfn, arn, calls } = run();
    const execution = sfn.startExecution(arn, 'clear', JSON.stringify({ callId: 'C1', version: 2, round: 1 }));
    await execution.done;
    expect(execution.status).toBe('SUCCEEDED');
    for (const step of ['reconcile', 'alerts', 'agencies'])
      expect(calls[step]).toEqual([{ callId: 'C1', version: 2, round: 1 }]);
    expect(calls.assess![0]).toMatchObject({ checks: [{ reasons: [] }, { reasons: [] }, { reasons: [] }, []] });
    expect(calls.permit).toHaveLength(1);
  });

  it('holds the departure when the officer rejects', async () => {
    const { sfn, arn, calls, tokens } = run({
      AssessDepartureFunction: async () => ({ needsReview: true, reviewTimeoutSeconds: 900 }),
    });
    const execution = sfn.startExecution(arn, 'held', JSON.stringify({ callId: 'C1', version: 1, round: 0 }));
    for (let i = 0; i < 200 && !tokens.length; i++) await new Promise((r) => setTimeout(r, 5));
    sfn.sendTaskSuccess(
      tokens[0]!,
      JSON.stringify({ decision: 'REJECT', reason: 'customs', officer: 'o', decidedAt: 'now' }),
    );
    await execution.done;
    expect(calls.hold).toHaveLength(1);
    expect(calls.permit).toBeUndefined();
  });
});
