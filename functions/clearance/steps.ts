// Workflow steps that arrival and departure clearance share: open an officer review, issue the
// permit, close with a rejection or an amendment request, record a failure. Each checks that its
// declaration version is still the one being cleared, and ends quietly (Superseded) if not. The
// ports come in from the composition root (functions/wiring.ts), so the steps run on fakes in tests.
import * as z from 'zod';
import { type CallEvent, allows } from '#calls/lifecycle.ts';
import { type CallChange, changeCall } from '#calls/service.ts';
import type { CallStore, StoredCall } from '#calls/store.ts';
import { newVerificationCode } from '#permits/rules.ts';
import type { PermitCodeStore } from '#permits/store.ts';
import { DecisionOutput } from '#review/schema.ts';
import type { ReviewStore } from '#review/store.ts';
import { decisionOf } from '#review/service.ts';
import type { Actor } from '#shared/audit.ts';
import type { Clock } from '#shared/clock.ts';
import type { EventPublisher } from '#shared/events.ts';
import { count } from '#shared/metrics.ts';
import { Superseded, stepHandler } from '#shared/steps.ts';
import type { WorkflowClient } from '#shared/workflows.ts';
import { conditionsOf, personDecisions } from '#review/person-decisions.ts';
import type { Clearance, ClearanceCondition, ClearanceKind } from './schema.ts';

export const Ref = z.looseObject({
  callId: z.string(),
  version: z.number().int(),
  /** Departure re-checks run the same version again as a new round. */
  round: z.number().int().min(0).default(0),
});
/** One Map iteration of screening: the reference and the [from, to) range `screeningBatches` cut. */
export const BatchRef = Ref.extend({ from: z.number().int().min(0), to: z.number().int().min(0) });
const WithDecision = Ref.extend({ decision: DecisionOutput.optional() });

/** What the shared steps need, bound by the composition root. */
export interface ClearancePorts {
  calls: CallStore;
  reviews: ReviewStore;
  permitCodes: PermitCodeStore;
  workflows: Pick<WorkflowClient, 'succeed'>;
  events: EventPublisher;
  clock: Clock;
}

export interface ClearanceFlow {
  kind: ClearanceKind;
  /** Review ids end in -A<version> or -D<version>. */
  reviewTag: 'A' | 'D';
  /** The lifecycle events of this kind's steps. */
  events: {
    review: CallEvent;
    clear: CallEvent;
    reject: CallEvent;
    amend: CallEvent;
    fail: CallEvent;
    /** Arrival only: the outcomes besides clear, reject and amend (functions/review/schema.ts). */
    inspect?: CallEvent;
    clearWithConditions?: CallEvent;
    refuseEntry?: CallEvent;
  };
  actions: { cleared: string; rejected: string; amend: string };
  notices: { cleared: string; rejected: string; amend: string; failed: string };
  /** Seconds an officer has before the review escalates. */
  reviewSeconds(call: StoredCall, now: Date): number;
}

export function clearanceOf(call: StoredCall, kind: ClearanceKind): Clearance | undefined {
  return call[kind];
}

export function systemActor(kind: ClearanceKind): Actor {
  return { role: 'system', id: `${kind}-clearance` };
}

/** Reading and changing the call, as the version (and round) being cleared sees it. */
export function clearanceAccess(ports: Pick<ClearancePorts, 'calls' | 'clock'>, kind: ClearanceKind) {
  const deps = { store: ports.calls, clock: ports.clock };
  return {
    /** The call, if `version` (and its round) is still the declaration being cleared. */
    async current(callId: string, version: number, round = 0): Promise<StoredCall> {
      const call = await ports.calls.get(callId);
      const clearance = call && clearanceOf(call, kind);
      if (!call || clearance?.version !== version || (clearance.round ?? 0) !== round || call.status === 'CANCELLED') {
        throw new Superseded();
      }
      return call;
    },
    /**
     * Applies a change to this kind's clearance on the call, if the version is still current;
     * `known` is the copy `current` just gave, which saves reading it again (see changeCall).
     */
    change(
      callId: string,
      version: number,
      decide: (call: StoredCall, clearance: Clearance) => CallChange | undefined,
      round = 0,
      known?: StoredCall,
    ): Promise<StoredCall> {
      return changeCall(
        deps,
        callId,
        (fresh) => {
          const clearance = clearanceOf(fresh, kind);
          if (clearance?.version !== version || (clearance.round ?? 0) !== round) throw new Superseded();
          return decide(fresh, clearance);
        },
        known,
      );
    },
  };
}

function deciderOf(kind: ClearanceKind, decision: z.infer<typeof DecisionOutput> | undefined): Actor {
  return decision ? { role: decision.role ?? 'officer', id: decision.officer } : systemActor(kind);
}

/** An on-board inspection has this long for its result (the workflow's TimeoutSeconds). */
export const INSPECTION_TIMEOUT_SECONDS = 604_800;

function conditionsText(conditions: readonly ClearanceCondition[]): string {
  return conditions
    .map((c) => `; ${c.kind}${c.personRefs?.length ? ` ${c.personRefs.join(', ')}` : ''}: ${c.note}`)
    .join('');
}

export function sharedSteps(flow: ClearanceFlow, ports: ClearancePorts) {
  const { kind } = flow;
  const { clock, events } = ports;
  const access = clearanceAccess(ports, kind);

  const openReview = stepHandler(
    `${kind}.openReview`,
    Ref.extend({
      taskToken: z.string().min(1),
      escalated: z.boolean().default(false),
      /** INSPECTION: the on-board inspection an officer's decision (`order`) asked for. */
      purpose: z.enum(['REVIEW', 'INSPECTION']).default('REVIEW'),
      order: DecisionOutput.optional(),
    }),
    async ({ callId, version, round, taskToken, escalated, purpose, order }) => {
      const call = await access.current(callId, version, round);
      const now = clock.now();
      const inspection = purpose === 'INSPECTION';
      if (inspection && !flow.events.inspect) throw new Error(`${kind} clearance has no on-board inspection`);
      const reviewId = `${callId}-${flow.reviewTag}${version}${round ? `r${round}` : ''}${inspection ? 'i' : ''}`;
      const reasons = clearanceOf(call, kind)?.reasons ?? [];
      const seconds = inspection ? INSPECTION_TIMEOUT_SECONDS : flow.reviewSeconds(call, now);
      const deadline = new Date(now.getTime() + seconds * 1000).toISOString();
      const state = inspection ? 'INSPECTION' : 'IN_REVIEW';
      const opened = await ports.reviews.open({
        reviewId,
        callId,
        kind: kind === 'arrival' ? 'ARRIVAL' : 'DEPARTURE',
        ...(inspection && { purpose: 'INSPECTION' as const }),
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
      // Decided while no task was waiting (a resumed clearance): this task takes the decision, once
      // the call records the review — a kill may have come between the review and that record, and
      // the decision's transition starts from the review state.
      const decided = opened.opened ? undefined : decisionOf(opened.closed);
      if (!opened.opened && !decided) throw new Superseded('The review was closed before it could be opened');
      try {
        await access.change(
          callId,
          version,
          (_fresh, clearance) => {
            if (clearance.reviewId === reviewId && clearance.state === state && !escalated) return undefined;
            const patch = { [kind]: { ...clearance, state, reviewId, updatedAt: now.toISOString() } };
            if (inspection) {
              return {
                event: flow.events.inspect!,
                patch,
                fact: {
                  actor: deciderOf(kind, order),
                  action: 'INSPECTION_ORDERED',
                  reason: `on-board inspection ${reviewId} due ${deadline}${order?.reason ? `: ${order.reason}` : ''}`,
                },
              };
            }
            return {
              event: flow.events.review,
              patch,
              fact: {
                actor: systemActor(kind),
                action: escalated ? 'REVIEW_ESCALATED' : 'REVIEW_OPENED',
                reason: `${kind} review ${reviewId} due ${deadline}: ${reasons.map((r) => r.code).join(', ') || 'no findings'}`,
              },
            };
          },
          round,
          call,
        );
      } catch (error) {
        // Overtaken between opening the review and recording it: take the review back off the queue.
        if (error instanceof Superseded && opened.opened) await ports.reviews.close(reviewId, { status: 'SUPERSEDED' });
        throw error;
      }
      if (decided) {
        await ports.workflows.succeed(taskToken, decided);
        return {};
      }
      if (escalated) count('ReviewsEscalated');
      await events.publish([
        {
          type: inspection ? 'InspectionOrdered' : escalated ? 'ReviewEscalated' : 'ReviewRequested',
          callId,
          port: call.port,
          detail: { kind, reviewId, version, deadline, reasons: reasons.map((r) => r.code) },
        },
      ]);
      return {};
    },
  );

  // The permit is part of the call's change: the version check commits status and permit at once,
  // so no race (an amendment, a cancel) can leave a permit for a version that is not the call's.
  function clearEventOf(decision: z.infer<typeof DecisionOutput> | undefined): CallEvent {
    if (decision?.decision === 'APPROVE_WITH_CONDITIONS' && flow.events.clearWithConditions)
      return flow.events.clearWithConditions;
    if (decision?.decision === 'REFUSE_ENTRY' && flow.events.refuseEntry) return flow.events.refuseEntry;
    return flow.events.clear;
  }

  const issuePermit = stepHandler(`${kind}.issuePermit`, WithDecision, async ({ callId, version, round, decision }) => {
    const at = clock.now().toISOString();
    const conditions = conditionsOf(decision);
    // Its code is registered first: a code the call shows always resolves; one whose clearance
    // lost the race resolves to nothing.
    const code = newVerificationCode();
    const current = await access.current(callId, version, round);
    if (clearanceOf(current, kind)?.state !== 'CLEARED') {
      await ports.permitCodes.register(code, { callId, kind, version, issuedAt: at });
    }
    const call = await access.change(
      callId,
      version,
      (fresh, clearance) => {
        if (clearance.state === 'CLEARED') return undefined;
        return {
          event: clearEventOf(decision),
          patch: {
            [kind]: {
              ...clearance,
              state: 'CLEARED',
              clearedAt: at,
              updatedAt: at,
              ...(conditions.length && { conditions }),
            },
          },
          issue: {
            callId,
            kind,
            version,
            status: 'VALID',
            issuedAt: at,
            issuedBy: decision?.officer ?? 'system',
            verificationCode: code,
            vesselName: fresh.vessel.name,
            imo: fresh.vessel.imo,
            port: fresh.port,
            eta: fresh.eta,
            etd: fresh.etd,
            ...(conditions.length && { conditions }),
          },
          fact: {
            actor: deciderOf(kind, decision),
            action: flow.actions.cleared,
            reason: decision
              ? `${decision.decision === 'APPROVE' ? 'approved' : decision.decision.toLowerCase().replaceAll('_', ' ')} by officer${decision.reason ? `: ${decision.reason}` : ''}${conditionsText(conditions)}`
              : 'all clear: cleared automatically',
          },
        };
      },
      round,
      current,
    );
    const permit = call.permits?.[kind];
    if (!permit) throw new Error(`The ${kind} permit of ${callId} is missing after clearance`);
    const restricted = personDecisions(permit.conditions ?? []);
    await events.publish([
      {
        type: flow.notices.cleared,
        callId,
        port: call.port,
        detail: {
          version,
          automatic: !decision,
          issuedAt: permit.issuedAt,
          ...(permit.conditions && { conditions: permit.conditions.map((c) => c.kind) }),
        },
      },
      // The persons' border decisions take it from here (landing permission, shore passes).
      ...(restricted.length
        ? [{ type: 'PersonsRestricted', callId, port: call.port, detail: { kind, version, persons: restricted } }]
        : []),
    ]);
    return { verificationCode: permit.verificationCode };
  });

  function closeWith(state: 'REJECTED' | 'AMENDMENT_REQUESTED', event: CallEvent, action: string, notice: string) {
    return stepHandler(`${kind}.${action}`, WithDecision, async ({ callId, version, round, decision }) => {
      const at = clock.now().toISOString();
      const call = await access.change(
        callId,
        version,
        (_fresh, clearance) => {
          if (clearance.state === state) return undefined;
          return {
            event,
            patch: { [kind]: { ...clearance, state, updatedAt: at } },
            fact: {
              actor: deciderOf(kind, decision),
              action,
              ...(decision?.reason && { reason: decision.reason }),
            },
          };
        },
        round,
      );
      await events.publish([{ type: notice, callId, port: call.port, detail: { version, reason: decision?.reason } }]);
      return {};
    });
  }

  const recordFailure = stepHandler(
    `${kind}.recordFailure`,
    Ref.extend({ failure: z.looseObject({ Error: z.string().optional(), Cause: z.string().optional() }).optional() }),
    async ({ callId, version, failure }) => {
      const error = failure?.Error ?? 'Unknown';
      const call = await changeCall({ store: ports.calls, clock }, callId, (fresh) => {
        const clearance = clearanceOf(fresh, kind);
        // A newer version has taken over, or the call moved on (cancelled): nothing is left to fail.
        if (clearance?.version !== version || clearance.state === 'FAILED') return undefined;
        if (!allows(fresh.status, flow.events.fail)) return undefined;
        return {
          event: flow.events.fail,
          patch: { [kind]: { ...clearance, state: 'FAILED', error, updatedAt: clock.now().toISOString() } },
          fact: {
            actor: systemActor(kind),
            action: 'CLEARANCE_FAILED',
            reason: `${kind}: ${error}; an officer re-drives it once the cause is fixed`,
          },
        };
      });
      await events.publish([{ type: flow.notices.failed, callId, port: call.port, detail: { version, error } }]);
      return {};
    },
  );

  return {
    openReview,
    issuePermit,
    reject: closeWith('REJECTED', flow.events.reject, flow.actions.rejected, flow.notices.rejected),
    requestAmendment: closeWith('AMENDMENT_REQUESTED', flow.events.amend, flow.actions.amend, flow.notices.amend),
    recordFailure,
  };
}
