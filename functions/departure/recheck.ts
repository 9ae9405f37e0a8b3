// The zero-delay guard: when something the departure depends on changes — a person lands or
// boards, a high alert is raised or resolved, an agency answers — the departure clearance runs
// again for the same version. A permit already out is suspended until it clears again.
import { allows } from '#calls/lifecycle.ts';
import { changeCall, type CallDeps } from '#calls/service.ts';
import { startClearance } from '#clearance/submit.ts';
import { CLEARANCE_WORKFLOWS } from '#clearance/workflows.ts';
import { systemActor } from '#clearance/steps.ts';
import { type ReviewDeps, supersede } from '#review/service.ts';
import type { WorkflowClient } from '#shared/workflows.ts';

export const DEPARTURE_WORKFLOW = CLEARANCE_WORKFLOWS.departure;

export interface RecheckDeps extends Pick<CallDeps, 'store' | 'clock' | 'events'> {
  workflows: WorkflowClient;
  reviews: ReviewDeps['reviews'];
}

/** States in which a change must re-run the departure clearance (a run under way starts again). */
const WATCHED = new Set(['RUNNING', 'CLEARED', 'IN_REVIEW', 'REJECTED']);

export async function recheckDeparture(deps: RecheckDeps, callId: string, why: string): Promise<boolean> {
  const call = await deps.store.get(callId);
  const departure = call?.departure;
  if (!call || !departure || !WATCHED.has(departure.state) || !allows(call.status, 'RECHECK_DEPARTURE')) return false;
  const round = (departure.round ?? 0) + 1;
  // Read from the call as it is changed, not as first read: a review may have opened in between.
  let wasCleared = false;
  let previousReview: string | undefined;
  const updated = await changeCall(deps, callId, (fresh) => {
    const d = fresh.departure;
    if (!d || d.version !== departure.version || (d.round ?? 0) !== round - 1) return undefined; // someone else re-ran it
    // Sailed or cancelled meanwhile: there is no departure left to re-check.
    if (!allows(fresh.status, 'RECHECK_DEPARTURE')) return undefined;
    wasCleared = d.state === 'CLEARED';
    previousReview = d.reviewId;
    return {
      event: 'RECHECK_DEPARTURE',
      patch: {
        departure: {
          ...d,
          state: 'RUNNING',
          round,
          reasons: [],
          reviewId: undefined,
          updatedAt: deps.clock.now().toISOString(),
        },
      },
      fact: {
        actor: systemActor('departure'),
        action: wasCleared ? 'DEPARTURE_PERMIT_SUSPENDED' : 'DEPARTURE_RECHECKED',
        reason: why,
      },
    };
  });
  if (updated.departure?.round !== round) return false;
  if (previousReview)
    await supersede({ reviews: deps.reviews, workflows: deps.workflows, clock: deps.clock }, previousReview);
  await startClearance(deps, { kind: 'departure', workflow: DEPARTURE_WORKFLOW }, callId, departure.version, round);
  await deps.events.publish([
    {
      type: wasCleared ? 'DeparturePermitSuspended' : 'DepartureRechecked',
      callId,
      port: call.port,
      detail: { version: departure.version, round, why },
    },
  ]);
  return true;
}
