// A workflow step runs with the rights its registry entry declares and no more: take one away and
// the clearance fails here as it would on AWS, instead of passing every test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrivalClearance, workflows } from '#workflows/index.ts';
import { announcement, declaration } from '../support/fixtures.ts';
import { type TestSystem, startTestSystem } from '../support/runtime.ts';

let sys: TestSystem;

beforeAll(async () => {
  // Issuing the arrival permit announces it on the bus; this registry says it may not.
  const steps = { ...arrivalClearance.steps };
  steps.IssuePermitFunction = { ...steps.IssuePermitFunction!, events: false };
  sys = await startTestSystem({
    workflows: workflows.map((w) => (w.name === arrivalClearance.name ? { ...w, steps } : w)),
  });
});
afterAll(() => sys.stop());

describe('a step without the right it uses', () => {
  it('fails the clearance workflow when the permit step publishes without the events right', async () => {
    // Prepare
    const agent = await sys.token({ role: 'agent', agentId: 'ACME-SHIPPING' });
    const body = announcement();
    const created = await sys.request('POST', '/v1/calls', { token: agent, body });
    // Act
    const submitted = await sys.request('PUT', `/v1/calls/${created.body.callId}/arrival`, {
      token: agent,
      body: declaration(body.eta),
    });
    expect(submitted.status).toBe(202);
    await Promise.all(sys.runtime.stepFunctions.executions().map((e) => e.done));
    // Assess
    // The permit was committed before its notice, which the bus refused: the execution fails
    // into its failure path and no ArrivalCleared reaches the bus, exactly as IAM would have it.
    const [execution] = sys.runtime.stepFunctions.executions();
    expect(execution).toMatchObject({ status: 'FAILED', error: 'ArrivalClearanceFailed' });
    const notices = sys.runtime.bus.recent().map((e) => e.detailType);
    expect(notices).toContain('ArrivalClearanceFailed');
    expect(notices).not.toContain('ArrivalCleared');
  });
});
