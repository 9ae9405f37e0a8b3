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

  it('find a handler that reads device keys without declaring it', async () => {
    // Prepare: registering and rotating derive device keys; take their flags away.
    const routes = routeList.map((r) => (r.module === 'devices/api.ts' ? { ...r, deviceKeys: undefined } : r));
    // Act
    const problems = await declaredRightsProblems(functionsOf(routes, [], []));
    // Assess
    expect(problems).toContain(
      'createDevice uses deviceKeys (DEVICE_KEY_SECRET) but nothing in devices/api.ts declares it',
    );
  });

  it('find a handler that publishes events without declaring it', async () => {
    // Prepare: the gangway publishes alerts; take the flag away from its routes and its sweep.
    const routes = routeList.map((r) => (r.module === 'gangway/api.ts' ? { ...r, events: undefined } : r));
    const jobs = schedules.map((j) => ({ ...j, events: undefined }));
    // Act
    const problems = await declaredRightsProblems(functionsOf(routes, [], jobs));
    // Assess
    expect(problems).toContain(
      'postGangwayEvents uses events (@aws-sdk/client-eventbridge) but nothing in gangway/api.ts declares it',
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
