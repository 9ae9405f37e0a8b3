// The arrival clearance steps on in-memory fakes: each commits its lifecycle event through the
// call's version check, and a step for a superseded version changes nothing.
import { beforeEach, describe, expect, it } from 'vitest';
import type { ArrivalDeclaration } from '#arrival/schema.ts';
import { arrivalSteps } from '#arrival/steps.ts';
import { applyChange } from '#calls/service.ts';
import type { StoredCall } from '#calls/store.ts';
import { nextAuditEntry } from '#shared/audit.ts';
import { announcedCall, declaration } from '../support/fixtures.ts';
import {
  memoryAgents,
  memoryCalls,
  memoryDeclarations,
  memoryPermitCodes,
  memoryReviews,
  memoryWatchList,
  recordingEvents,
  recordingWorkflows,
  testClock,
} from '../support/fakes.ts';

function world() {
  const ports = {
    calls: memoryCalls(),
    arrivals: memoryDeclarations<ArrivalDeclaration>(),
    reviews: memoryReviews(),
    permitCodes: memoryPermitCodes(),
    agents: memoryAgents(),
    watchList: memoryWatchList(),
    workflows: recordingWorkflows(),
    events: recordingEvents(),
    clock: testClock(),
  };
  return { ports, steps: arrivalSteps(ports) };
}

/** A call with arrival v1 submitted, as the submission leaves it. */
async function submitted(w: ReturnType<typeof world>): Promise<StoredCall> {
  const at = w.ports.clock.now().toISOString();
  const draft = announcedCall(w.ports.clock.now());
  await w.ports.calls.create(draft);
  await w.ports.arrivals.put(
    { callId: draft.callId, version: 1, submittedAt: at, submittedBy: 'ACME', declaration: declaration(draft.eta) },
    1,
  );
  const { next, fact } = applyChange(
    draft,
    {
      event: 'SUBMIT_ARRIVAL',
      patch: { arrival: { version: 1, state: 'RUNNING', reasons: [], updatedAt: at, contentHash: 'h' } },
      fact: { actor: { role: 'agent', id: 'ACME' }, action: 'ARRIVAL_DECLARED' },
    },
    at,
  );
  return w.ports.calls.update(draft, next, nextAuditEntry(draft.lastAudit, fact));
}

const ref = (call: StoredCall, version = 1) => ({ callId: call.callId, version, round: 0 });

describe('arrival clearance steps on fakes', () => {
  let w: ReturnType<typeof world>;
  beforeEach(() => {
    w = world();
  });

  it('issues the permit in the same commit as the cleared status, its code already registered', async () => {
    const call = await submitted(w);
    const out = await w.steps.issuePermit(ref(call));
    const after = (await w.ports.calls.get(call.callId))!;
    expect(after.status).toBe('ARRIVAL_CLEARED');
    expect(after.permits?.arrival).toMatchObject({
      version: 1,
      status: 'VALID',
      verificationCode: out.verificationCode,
    });
    expect(after.lastAudit).toMatchObject({
      event: 'CLEAR_ARRIVAL',
      fromStatus: 'SUBMITTED',
      toStatus: 'ARRIVAL_CLEARED',
      permits: { arrival: 'ISSUED' },
    });
    expect(w.ports.permitCodes.codes.get(out.verificationCode)).toMatchObject({ callId: call.callId, version: 1 });
    expect(w.ports.events.published.map((e) => e.type)).toEqual(['ArrivalCleared']);
  });

  it('registers the code before the commit, and a retry after the commit is a no-op that registers no other', async () => {
    const call = await submitted(w);
    const first = await w.steps.issuePermit(ref(call));
    expect([...w.ports.permitCodes.codes.keys()]).toEqual([first.verificationCode]);
    const again = await w.steps.issuePermit(ref(call));
    expect(again.verificationCode).toBe(first.verificationCode);
    expect((await w.ports.calls.get(call.callId))!.version).toBe(3);
    expect(w.ports.permitCodes.codes.size).toBe(1);
  });

  it('issues nothing for a version an amendment superseded', async () => {
    const call = await submitted(w);
    await expect(w.steps.issuePermit(ref(call, 2))).rejects.toThrow('supersedes');
    const after = (await w.ports.calls.get(call.callId))!;
    expect(after.permits).toBeUndefined();
    expect(w.ports.permitCodes.codes.size).toBe(0);
  });

  it('applies on the call as it is now, keeping what changed since the workflow started', async () => {
    const call = await submitted(w);
    // Someone else changed the call since the clearance started.
    const stale = { ...call };
    await w.ports.calls.update(
      stale,
      { berth: 'B9' },
      nextAuditEntry(call.lastAudit, { at: call.updatedAt, actor: { role: 'system', id: 'x' }, action: 'NOTE' }),
    );
    await w.steps.issuePermit(ref(call));
    const after = (await w.ports.calls.get(call.callId))!;
    expect(after).toMatchObject({ status: 'ARRIVAL_CLEARED', berth: 'B9' });
  });

  it('passes a store failure on, for the workflow to retry, and leaves the call as it was', async () => {
    const call = await submitted(w);
    w.ports.calls.failNextUpdate = Object.assign(new Error('slow down'), {
      name: 'ProvisionedThroughputExceededException',
    });
    await expect(w.steps.issuePermit(ref(call))).rejects.toThrow('slow down');
    expect((await w.ports.calls.get(call.callId))!.status).toBe('SUBMITTED');
  });

  it('opens a review and moves the call to ARRIVAL_REVIEW; an escalation keeps the state and says so', async () => {
    const call = await submitted(w);
    await w.steps.openReview({ ...ref(call), taskToken: 't1' });
    let after = (await w.ports.calls.get(call.callId))!;
    expect(after).toMatchObject({
      status: 'ARRIVAL_REVIEW',
      arrival: { state: 'IN_REVIEW', reviewId: `${call.callId}-A1` },
    });
    await w.steps.openReview({ ...ref(call), taskToken: 't2', escalated: true });
    after = (await w.ports.calls.get(call.callId))!;
    expect(after.status).toBe('ARRIVAL_REVIEW');
    expect(after.lastAudit).toMatchObject({ action: 'REVIEW_ESCALATED', event: 'OPEN_ARRIVAL_REVIEW' });
  });

  it('hands a resumed task the decision already taken instead of opening the review again', async () => {
    const call = await submitted(w);
    await w.steps.openReview({ ...ref(call), taskToken: 't1' });
    await w.ports.reviews.close(`${call.callId}-A1`, {
      status: 'DECIDED',
      decision: 'APPROVE',
      decidedBy: 'officer-wang',
      decidedAt: call.updatedAt,
    });
    await w.steps.openReview({ ...ref(call), taskToken: 't-resumed' });
    expect(w.ports.workflows.succeeded).toEqual([
      { token: 't-resumed', output: expect.objectContaining({ decision: 'APPROVE', officer: 'officer-wang' }) },
    ]);
  });

  it('records the review on the call before handing a resumed task the decision, when a kill came between the two', async () => {
    // Prepare: the killed execution had put the review on the queue but not yet on the call.
    const call = await submitted(w);
    const { reviews } = w.ports;
    w.ports.calls.failNextUpdate = new Error('killed');
    await expect(w.steps.openReview({ ...ref(call), taskToken: 't-killed' })).rejects.toThrow('killed');
    expect((await w.ports.calls.get(call.callId))!.status).toBe('SUBMITTED');
    await reviews.close(`${call.callId}-A1`, {
      status: 'DECIDED',
      decision: 'APPROVE',
      decidedBy: 'officer-wang',
      decidedAt: call.updatedAt,
    });
    // Act: the resumed execution reaches the review.
    await w.steps.openReview({ ...ref(call), taskToken: 't-resumed' });
    // Assess: the call is in review, so the decision's transition is allowed and clears it.
    expect((await w.ports.calls.get(call.callId))!.status).toBe('ARRIVAL_REVIEW');
    expect(w.ports.workflows.succeeded.map((s) => s.token)).toEqual(['t-resumed']);
    const decision = w.ports.workflows.succeeded[0]!.output as {
      decision: 'APPROVE';
      officer: string;
      decidedAt: string;
    };
    await w.steps.issuePermit({ ...ref(call), decision });
    expect((await w.ports.calls.get(call.callId))!.status).toBe('ARRIVAL_CLEARED');
  });

  it('rejects into REJECTED, and records a failure only while the call can still fail', async () => {
    const call = await submitted(w);
    await w.steps.openReview({ ...ref(call), taskToken: 't1' });
    await w.steps.rejectArrival({
      ...ref(call),
      decision: { decision: 'REJECT', reason: 'no', officer: 'o', role: 'supervisor', decidedAt: call.updatedAt },
    });
    const rejected = (await w.ports.calls.get(call.callId))!;
    expect(rejected).toMatchObject({ status: 'REJECTED', arrival: { state: 'REJECTED' } });
    await w.steps.recordFailure({ ...ref(call), failure: { Error: 'Late' } });
    expect((await w.ports.calls.get(call.callId))!.version).toBe(rejected.version);
  });

  it('carries the findings of persons an amendment did not touch into the assessment', async () => {
    const call = await submitted(w);
    const carried = [{ code: 'WATCH_LIST_HIT', severity: 'MAJOR' as const, detail: 'entry ban', personRef: 'C02' }];
    const fresh = (await w.ports.calls.get(call.callId))!;
    await w.ports.calls.update(
      fresh,
      { arrival: { ...fresh.arrival!, carried, screen: ['C03'] } },
      nextAuditEntry(fresh.lastAudit, { at: fresh.updatedAt, actor: { role: 'system', id: 'x' }, action: 'NOTE' }),
    );
    const loaded = await w.steps.loadDeclaration(ref(call));
    expect(loaded.persons).toBe(1);
    const out = await w.steps.assessRisk({
      ...ref(call),
      checks: [[{ hits: [] }], { reasons: [] }, { reasons: [] }],
      trusted: false,
    });
    expect(out.needsReview).toBe(true);
    expect((await w.ports.calls.get(call.callId))!.arrival!.reasons).toEqual(carried);
  });
});
