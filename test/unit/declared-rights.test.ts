// Declared = used: a route, step or scheduled job that can call Step Functions, publish events or
// read device keys declares it, and none declares a right its code never uses.
import { describe, expect, it } from 'vitest';
import { routeList } from '#functions/routes.ts';
import { schedules } from '#functions/schedules.ts';
import { workflows } from '#workflows/index.ts';
import { declaredRightsProblems, functionsOf } from '../support/declared-rights.ts';

describe('declared rights', () => {
  it('match what every route, workflow step and scheduled job uses', async () => {
    // Act
    const problems = await declaredRightsProblems(functionsOf(routeList, workflows, schedules));
    // Assess
    expect(problems).toEqual([]);
  });

  it('find a handler that answers workflow tasks without declaring it', async () => {
    // Prepare: the review decision answers the waiting task; take its flag away.
    const routes = routeList.map((r) => (r.module === 'review/api.ts' ? { ...r, workflows: undefined } : r));
    // Act
    const problems = await declaredRightsProblems(functionsOf(routes, [], []));
    // Assess
    expect(problems).toContain(
      'decideReview uses start or answer workflows (@aws-sdk/client-sfn) but nothing in review/api.ts declares it',
    );
  });

  it('find a flag that no code uses', async () => {
    // Prepare: the watch list and the public permit check have no business with the bus or device keys.
    const routes = routeList.map((r) =>
      r.name === 'loadWatchList' ? { ...r, events: true } : r.name === 'verifyPermit' ? { ...r, deviceKeys: true } : r,
    );
    // Act
    const problems = await declaredRightsProblems(functionsOf(routes, [], []));
    // Assess
    expect(problems).toEqual([
      'verifyPermit declares deviceKeys but its code never uses it',
      'loadWatchList declares events but its code never uses it',
    ]);
  });

  it('find a step that declares a right its code never uses', async () => {
    // Prepare
    const [arrival] = workflows;
    const steps = {
      ...arrival!.steps,
      IssuePermitFunction: { ...arrival!.steps.IssuePermitFunction!, deviceKeys: true },
    };
    // Act
    const problems = await declaredRightsProblems(functionsOf([], [{ ...arrival!, steps }], []));
    // Assess
    expect(problems).toEqual(['arrival-clearance/IssuePermitFunction declares deviceKeys but its code never uses it']);
  });
});
