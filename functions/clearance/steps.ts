// Workflow steps that arrival and departure clearance share: open an officer review, issue the
// permit, close with a rejection or an amendment request, record a failure. Each checks that its
// declaration version is still the one being cleared, and ends quietly (Superseded) if not.
import * as z from 'zod';
import { type CallChange, changeCall } from '#calls/service.ts';
import type { CallStatus } from '#calls/schema.ts';
import { dynamoCallStore, type StoredCall } from '#calls/store.ts';
import { dynamoPermitStore, newVerificationCode } from '#permits/store.ts';
import { DecisionOutput } from '#review/schema.ts';
import { dynamoReviewStore } from '#review/store.ts';
import { decisionOf } from '#review/service.ts';
import { stepFunctions } from '#shared/workflows.ts';
import type { Actor } from '#shared/audit.ts';
import { clock } from '#shared/clock.ts';
import { count } from '#shared/metrics.ts';
import { eventBridgePublisher as events } from '#shared/events.ts';
import { Superseded, stepHandler } from '#shared/steps.ts';
import type { Clearance, ClearanceKind } from './schema.ts';

export const Ref = z.looseObject({
  callId: z.string(),
  version: z.number().int(),
  /** Departure re-checks run the same version again as a new round. */
  round: z.number().int().min(0).default(0),
});
const WithDecision = Ref.extend({ decision: DecisionOutput.optional() });
const deps = { store: dynamoCallStore, clock };

export interface ClearanceFlow {
  kind: ClearanceKind;
  /** Review ids end in -A<version> or -D<version>. */
  reviewTag: 'A' | 'D';
  statuses: { review: CallStatus; cleared: CallStatus; rejected: CallStatus; amend: CallStatus };
  actions: { cleared: string; rejected: string; amend: string };
  events: { cleared: string; rejected: string; amend: string; failed: string };
  /** Seconds an officer has before the review escalates. */
  reviewSeconds(call: StoredCall, now: Date): number;
}

export function clearanceOf(call: StoredCall, kind: ClearanceKind): Clearance | undefined {
  return call[kind];
}

export function systemActor(kind: ClearanceKind): Actor {
  return { role: 'system', id: `${kind}-clearance` };
}

/** The call, if `version` (and its round) is still the declaration being cleared. */
export async function currentCall(
  kind: ClearanceKind,
  callId: string,
  version: number,
  round = 0,
): Promise<StoredCall> {
  const call = await dynamoCallStore.get(callId);
  const clearance = call && clearanceOf(call, kind);
  if (!call || clearance?.version !== version || (clearance.round ?? 0) !== round || call.status === 'CANCELLED') {
    throw new Superseded();
  }
  return call;
}

/** The port of a call, whatever its round: whose watch list and trust apply to it. */
export async function portOfCall(callId: string): Promise<string> {
  const call = await dynamoCallStore.get(callId);
  if (!call) throw new Error(`Call ${callId} is missing`);
  return call.port;
}

/** Applies a change to this kind's clearance on the call, if the version is still current. */
export function changeClearance(
  kind: ClearanceKind,
  callId: string,
  version: number,
  decide: (call: StoredCall, clearance: Clearance) => CallChange | undefined,
  round = 0,
): Promise<StoredCall> {
  return changeCall(deps, callId, (fresh) => {
    const clearance = clearanceOf(fresh, kind);
    if (clearance?.version !== version || (clearance.round ?? 0) !== round) throw new Superseded();
    return decide(fresh, clearance);
  });
}

function deciderOf(kind: ClearanceKind, decision: z.infer<typeof DecisionOutput> | undefined): Actor {
  return decision ? { role: 'officer', id: decision.officer } : systemActor(kind);
}

export function sharedSteps(flow: ClearanceFlow) {
  const { kind } = flow;

  const openReview = stepHandler(
    `${kind}.openReview`,
    Ref.extend({ taskToken: z.string().min(1), escalated: z.boolean().default(false) }),
    async ({ callId, version, round, taskToken, escalated }) => {
      const call = await currentCall(kind, callId, version, round);
      const now = clock.now();
      const reviewId = `${callId}-${flow.reviewTag}${version}${round ? `r${round}` : ''}`;
      const reasons = clearanceOf(call, kind)?.reasons ?? [];
      const deadline = new Date(now.getTime() + flow.reviewSeconds(call, now) * 1000).toISOString();
      const opened = await dynamoReviewStore.open({
        reviewId,
        callId,
        kind: kind === 'arrival' ? 'ARRIVAL' : 'DEPARTURE',
        version,
        port: call.port,
        status: 'OPEN',
        reasons,
        openedAt: now.toISOString(),
        deadline,
        escalated,
        call: {
          vesselName: call.vessel.name,
          imo: call.vessel.imo,
          eta: call.eta,
          etd: call.etd,
          agentId: call.agentId,
        },
        taskToken,
      });
      if (!opened.opened) {
        // Decided while no task was waiting (a resumed clearance): hand this task the decision.
        const decision = decisionOf(opened.closed);
        if (!decision) throw new Superseded('The review was closed before it could be opened');
        await stepFunctions.succeed(taskToken, decision);
        return {};
      }
      try {
        await changeClearance(
          kind,
          callId,
          version,
          (fresh, clearance) => {
            if (
              fresh.status === flow.statuses.review &&
              clearance.reviewId === reviewId &&
              clearance.state === 'IN_REVIEW' &&
              !escalated
            ) {
              return undefined;
            }
            return {
              patch: {
                status: flow.statuses.review,
                [kind]: { ...clearance, state: 'IN_REVIEW', reviewId, updatedAt: now.toISOString() },
              },
              fact: {
                actor: systemActor(kind),
                action: escalated ? 'REVIEW_ESCALATED' : 'REVIEW_OPENED',
                fromStatus: fresh.status,
                toStatus: flow.statuses.review,
                reason: `${kind} review ${reviewId} due ${deadline}: ${reasons.map((r) => r.code).join(', ') || 'no findings'}`,
              },
            };
          },
          round,
        );
      } catch (error) {
        // Overtaken between opening the review and recording it: take the review back off the queue.
        if (error instanceof Superseded) await dynamoReviewStore.close(reviewId, { status: 'SUPERSEDED' });
        throw error;
      }
      if (escalated) count('ReviewsEscalated');
      await events.publish([
        {
          type: escalated ? 'ReviewEscalated' : 'ReviewRequested',
          callId,
          port: call.port,
          detail: { kind, reviewId, version, deadline, reasons: reasons.map((r) => r.code) },
        },
      ]);
      return {};
    },
  );

  const issuePermit = stepHandler(`${kind}.issuePermit`, WithDecision, async ({ callId, version, round, decision }) => {
    const call = await currentCall(kind, callId, version, round);
    const now = clock.now().toISOString();
    const permit = await dynamoPermitStore.issue({
      callId,
      kind,
      version,
      issuedAt: now,
      issuedBy: decision?.officer ?? 'system',
      verificationCode: newVerificationCode(),
      vesselName: call.vessel.name,
      imo: call.vessel.imo,
      port: call.port,
    });
    await changeClearance(
      kind,
      callId,
      version,
      (fresh, clearance) => {
        if (clearance.state === 'CLEARED') return undefined;
        return {
          patch: {
            status: flow.statuses.cleared,
            [kind]: { ...clearance, state: 'CLEARED', clearedAt: now, updatedAt: now },
          },
          fact: {
            actor: deciderOf(kind, decision),
            action: flow.actions.cleared,
            fromStatus: fresh.status,
            toStatus: flow.statuses.cleared,
            reason: decision
              ? `approved by officer${decision.reason ? `: ${decision.reason}` : ''}`
              : 'all clear: cleared automatically',
          },
        };
      },
      round,
    );
    await events.publish([
      {
        type: flow.events.cleared,
        callId,
        port: call.port,
        detail: { version, automatic: !decision, issuedAt: permit.issuedAt },
      },
    ]);
    return { verificationCode: permit.verificationCode };
  });

  function closeWith(state: 'REJECTED' | 'AMENDMENT_REQUESTED', status: CallStatus, action: string, event: string) {
    return stepHandler(`${kind}.${action}`, WithDecision, async ({ callId, version, round, decision }) => {
      const call = await currentCall(kind, callId, version, round);
      const now = clock.now().toISOString();
      await changeClearance(
        kind,
        callId,
        version,
        (fresh, clearance) => {
          if (clearance.state === state) return undefined;
          return {
            patch: { status, [kind]: { ...clearance, state, updatedAt: now } },
            fact: {
              actor: deciderOf(kind, decision),
              action,
              fromStatus: fresh.status,
              toStatus: status,
              ...(decision?.reason && { reason: decision.reason }),
            },
          };
        },
        round,
      );
      await events.publish([{ type: event, callId, port: call.port, detail: { version, reason: decision?.reason } }]);
      return {};
    });
  }

  const recordFailure = stepHandler(
    `${kind}.recordFailure`,
    Ref.extend({ failure: z.looseObject({ Error: z.string().optional(), Cause: z.string().optional() }).optional() }),
    async ({ callId, version, failure }) => {
      const error = failure?.Error ?? 'Unknown';
      const call = await changeCall(deps, callId, (fresh) => {
        const clearance = clearanceOf(fresh, kind);
        // A newer version has taken over: its own clearance is what counts.
        if (clearance?.version !== version || clearance.state === 'FAILED') return undefined;
        return {
          patch: { [kind]: { ...clearance, state: 'FAILED', error, updatedAt: clock.now().toISOString() } },
          fact: {
            actor: systemActor(kind),
            action: 'CLEARANCE_FAILED',
            reason: `${kind}: ${error}; an officer re-drives it once the cause is fixed`,
          },
        };
      });
      await events.publish([{ type: flow.events.failed, callId, port: call.port, detail: { version, error } }]);
      return {};
    },
  );

  return {
    openReview,
    issuePermit,
    reject: closeWith('REJECTED', flow.statuses.rejected, flow.actions.rejected, flow.events.rejected),
    requestAmendment: closeWith('AMENDMENT_REQUESTED', flow.statuses.amend, flow.actions.amend, flow.events.amend),
    recordFailure,
  };
}
