// The arrival clearance workflow's steps. Each reads what it needs from the table by reference
// (call id and declaration version), so no personal data passes through execution history.
import { z } from 'zod';
import { dynamoAgentStore } from '#agents/store.ts';
import { changeCall } from '#calls/service.ts';
import { dynamoCallStore } from '#calls/store.ts';
import type { StoredCall } from '#calls/store.ts';
import { dynamoPermitStore, newVerificationCode } from '#permits/store.ts';
import { DecisionOutput } from '#review/schema.ts';
import { dynamoReviewStore } from '#review/store.ts';
import type { Actor } from '#shared/audit.ts';
import { clock } from '#shared/clock.ts';
import { eventBridgePublisher as events } from '#shared/events.ts';
import { Superseded, stepHandler } from '#shared/steps.ts';
import { dynamoWatchListStore } from '#watchlist/store.ts';
import { personKeys } from '#watchlist/rules.ts';
import { assess, healthFindings, reviewTimeoutSeconds, vesselFindings } from './rules.ts';
import { type RiskReason, RiskReason as RiskReasonSchema } from '#clearance/schema.ts';
import { dynamoDeclarationStore } from './store.ts';

const deps = { store: dynamoCallStore, clock };
const SYSTEM: Actor = { role: 'system', id: 'arrival-clearance' };
/** Persons screened per Map iteration: few iterations, few state transitions. */
export const SCREENING_BATCH = 10;

const Ref = z.looseObject({ callId: z.string(), version: z.number().int() });

/** The call, if the declaration version is still the one being cleared. */
async function currentCall(callId: string, version: number): Promise<StoredCall> {
  const call = await dynamoCallStore.get(callId);
  if (!call || call.arrival?.version !== version || call.status === 'CANCELLED') throw new Superseded();
  return call;
}

async function declarationOf(callId: string, version: number) {
  const stored = await dynamoDeclarationStore.get(callId, version);
  if (!stored) throw new Error(`Declaration v${version} of ${callId} is missing`);
  return stored.declaration;
}

export const loadDeclaration = stepHandler('loadDeclaration', Ref, async ({ callId, version }) => {
  const call = await currentCall(callId, version);
  const d = await declarationOf(callId, version);
  const persons = d.crew.length + d.passengers.length;
  const batches = [];
  for (let from = 0; from < persons; from += SCREENING_BATCH) {
    batches.push({ callId, version, from, to: Math.min(persons, from + SCREENING_BATCH) });
  }
  const agent = await dynamoAgentStore.get(call.agentId);
  return { batches, persons, trusted: agent?.aeo ?? false };
});

export const screenPersons = stepHandler(
  'screenPersons',
  Ref.extend({ from: z.number().int().min(0), to: z.number().int().min(0) }),
  async ({ callId, version, from, to }) => {
    const d = await declarationOf(callId, version);
    const persons = [...d.crew, ...d.passengers].slice(from, to);
    const wanted = persons.flatMap((p) => personKeys(p).map((k) => ({ ...k, ref: p.ref })));
    const found = new Map((await dynamoWatchListStore.lookup(wanted.map((w) => w.key))).map((e) => [e.key, e]));
    const hits: RiskReason[] = wanted
      .filter((w) => found.has(w.key))
      .map((w) => ({
        code: 'WATCH_LIST_HIT',
        severity: 'MAJOR',
        personRef: w.ref,
        detail: `watch-list match on ${w.matchedOn === 'DOCUMENT' ? 'travel document' : 'name and date of birth'}: ${found.get(w.key)!.entry.reason}`,
      }));
    return { hits };
  },
);

export const checkVessel = stepHandler('checkVessel', Ref, async ({ callId, version }) => {
  const call = await currentCall(callId, version);
  const d = await declarationOf(callId, version);
  const listed = new Map(
    (await dynamoWatchListStore.lookup([`VESSEL#${call.vessel.imo}`, `FLAG#${call.vessel.flag}`])).map((e) => [e.key, e.entry.reason]),
  );
  const facts = {
    vesselListed: listed.get(`VESSEL#${call.vessel.imo}`),
    flagListed: listed.get(`FLAG#${call.vessel.flag}`),
  };
  return { reasons: vesselFindings(call, d, facts) };
});

export const checkHealth = stepHandler('checkHealth', Ref, async ({ callId, version }) => {
  const call = await currentCall(callId, version);
  return { reasons: healthFindings(await declarationOf(callId, version), call.eta) };
});

const Checks = z.tuple([
  z.array(z.object({ hits: z.array(RiskReasonSchema) })),
  z.object({ reasons: z.array(RiskReasonSchema) }),
  z.object({ reasons: z.array(RiskReasonSchema) }),
]);

export const assessRisk = stepHandler('assessRisk', Ref.extend({ checks: Checks, trusted: z.boolean() }), async (input) => {
  const [screening, vessel, health] = input.checks;
  const reasons = [...screening.flatMap((b) => b.hits), ...vessel.reasons, ...health.reasons];
  const result = assess(reasons, input.trusted);
  const call = await changeCall(deps, input.callId, (fresh) => {
    if (fresh.arrival?.version !== input.version) throw new Superseded();
    return {
      patch: { arrival: { ...fresh.arrival, reasons, updatedAt: clock.now().toISOString() } },
      fact: {
        actor: SYSTEM,
        action: 'RISK_ASSESSED',
        reason: reasons.length ? reasons.map((r) => r.code).join(', ') : 'no findings',
      },
    };
  });
  return { needsReview: result.needsReview, reviewTimeoutSeconds: reviewTimeoutSeconds(call.eta, clock.now()) };
});

export const openReview = stepHandler(
  'openReview',
  Ref.extend({ taskToken: z.string().min(1), escalated: z.boolean().default(false) }),
  async ({ callId, version, taskToken, escalated }) => {
    const call = await currentCall(callId, version);
    const now = clock.now();
    const reviewId = `${callId}-A${version}`;
    const deadline = new Date(now.getTime() + reviewTimeoutSeconds(call.eta, now) * 1000).toISOString();
    const opened = await dynamoReviewStore.open({
      reviewId,
      callId,
      kind: 'ARRIVAL',
      version,
      port: call.port,
      status: 'OPEN',
      reasons: call.arrival?.reasons ?? [],
      openedAt: now.toISOString(),
      deadline,
      escalated,
      call: { vesselName: call.vessel.name, imo: call.vessel.imo, eta: call.eta, etd: call.etd, agentId: call.agentId },
      taskToken,
    });
    if (!opened) throw new Superseded('The review was closed before it could be opened');
    await changeCall(deps, callId, (fresh) => {
      if (fresh.arrival?.version !== version) throw new Superseded();
      if (fresh.status === 'IN_REVIEW' && fresh.arrival.reviewId === reviewId && !escalated) return undefined;
      return {
        patch: { status: 'IN_REVIEW', arrival: { ...fresh.arrival, state: 'IN_REVIEW', reviewId, updatedAt: now.toISOString() } },
        fact: {
          actor: SYSTEM,
          action: escalated ? 'REVIEW_ESCALATED' : 'REVIEW_OPENED',
          fromStatus: fresh.status,
          toStatus: 'IN_REVIEW',
          reason: `review ${reviewId} due ${deadline}`,
        },
      };
    });
    await events.publish([
      {
        type: escalated ? 'ReviewEscalated' : 'ReviewRequested',
        callId,
        port: call.port,
        detail: { reviewId, version, deadline, reasons: (call.arrival?.reasons ?? []).map((r) => r.code) },
      },
    ]);
    return {};
  },
);

const WithDecision = Ref.extend({ decision: DecisionOutput.optional() });

function deciderOf(decision: z.infer<typeof DecisionOutput> | undefined): Actor {
  return decision ? { role: 'officer', id: decision.officer } : SYSTEM;
}

export const issuePermit = stepHandler('issuePermit', WithDecision, async ({ callId, version, decision }) => {
  const call = await currentCall(callId, version);
  const now = clock.now().toISOString();
  const permit = await dynamoPermitStore.issue({
    callId,
    kind: 'arrival',
    version,
    issuedAt: now,
    issuedBy: decision?.officer ?? 'system',
    verificationCode: newVerificationCode(),
    vesselName: call.vessel.name,
    imo: call.vessel.imo,
    port: call.port,
  });
  await changeCall(deps, callId, (fresh) => {
    if (fresh.arrival?.version !== version) throw new Superseded();
    if (fresh.arrival.state === 'CLEARED') return undefined;
    return {
      patch: { status: 'ARRIVAL_CLEARED', arrival: { ...fresh.arrival, state: 'CLEARED', updatedAt: now } },
      fact: {
        actor: deciderOf(decision),
        action: 'ARRIVAL_CLEARED',
        fromStatus: fresh.status,
        toStatus: 'ARRIVAL_CLEARED',
        reason: decision ? `approved by officer${decision.reason ? `: ${decision.reason}` : ''}` : 'low risk: cleared automatically',
      },
    };
  });
  await events.publish([
    { type: 'ArrivalCleared', callId, port: call.port, detail: { version, automatic: !decision, issuedAt: permit.issuedAt } },
  ]);
  return { verificationCode: permit.verificationCode };
});

function closeWith(state: 'REJECTED' | 'AMENDMENT_REQUESTED', status: 'REJECTED' | 'DRAFT', action: string, event: string) {
  return stepHandler(action, WithDecision, async ({ callId, version, decision }) => {
    const call = await currentCall(callId, version);
    const now = clock.now().toISOString();
    await changeCall(deps, callId, (fresh) => {
      if (fresh.arrival?.version !== version) throw new Superseded();
      if (fresh.arrival.state === state) return undefined;
      return {
        patch: { status, arrival: { ...fresh.arrival, state, updatedAt: now } },
        fact: { actor: deciderOf(decision), action, fromStatus: fresh.status, toStatus: status, ...(decision?.reason && { reason: decision.reason }) },
      };
    });
    await events.publish([{ type: event, callId, port: call.port, detail: { version, reason: decision?.reason } }]);
    return {};
  });
}

export const rejectArrival = closeWith('REJECTED', 'REJECTED', 'ARRIVAL_REJECTED', 'ArrivalRejected');
export const requestAmendment = closeWith('AMENDMENT_REQUESTED', 'DRAFT', 'AMENDMENT_REQUESTED', 'AmendmentRequested');

export const recordFailure = stepHandler(
  'recordFailure',
  Ref.extend({ failure: z.looseObject({ Error: z.string().optional(), Cause: z.string().optional() }).optional() }),
  async ({ callId, version, failure }) => {
    const error = failure?.Error ?? 'Unknown';
    const call = await changeCall(deps, callId, (fresh) => {
      // A newer version has taken over: its own clearance is what counts.
      if (fresh.arrival?.version !== version || fresh.arrival.state === 'FAILED') return undefined;
      return {
        patch: { arrival: { ...fresh.arrival, state: 'FAILED', error, updatedAt: clock.now().toISOString() } },
        fact: { actor: SYSTEM, action: 'CLEARANCE_FAILED', reason: `${error}: an officer can re-drive it by resubmitting` },
      };
    });
    await events.publish([{ type: 'ArrivalClearanceFailed', callId, port: call.port, detail: { version, error } }]);
    return {};
  },
);
