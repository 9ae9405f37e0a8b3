// The arrival clearance workflow's steps. Each reads what it needs from the table by reference
// (call id and declaration version), so no personal data passes through execution history.
import * as z from 'zod';
import { dynamoAgentStore } from '#agents/store.ts';
import { RiskReason as RiskReasonSchema } from '#clearance/schema.ts';
import {
  Ref,
  changeClearance,
  portOfCall,
  currentCall as sharedCurrentCall,
  sharedSteps,
  systemActor,
} from '#clearance/steps.ts';
import { clock } from '#shared/clock.ts';
import { stepHandler } from '#shared/steps.ts';
import { dynamoWatchListStore } from '#watchlist/store.ts';
import { screen } from '#watchlist/screening.ts';
import { assess, healthFindings, reviewTimeoutSeconds, vesselFindings } from './rules.ts';
import { dynamoDeclarationStore } from './store.ts';

/** Persons screened per Map iteration: few iterations, few state transitions. */
export const SCREENING_BATCH = 10;

const currentCall = (callId: string, version: number) => sharedCurrentCall('arrival', callId, version);

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
  const agent = await dynamoAgentStore.get(call.agentId, call.port);
  return { batches, persons, trusted: agent?.aeo ?? false };
});

export const screenPersons = stepHandler(
  'screenPersons',
  Ref.extend({ from: z.number().int().min(0), to: z.number().int().min(0) }),
  async ({ callId, version, from, to }) => {
    const d = await declarationOf(callId, version);
    const persons = [...d.crew, ...d.passengers].slice(from, to);
    const hits = await screen(dynamoWatchListStore, await portOfCall(callId), persons);
    return { hits };
  },
);

export const checkVessel = stepHandler('checkVessel', Ref, async ({ callId, version }) => {
  const call = await currentCall(callId, version);
  const d = await declarationOf(callId, version);
  const listed = new Map(
    (await dynamoWatchListStore.lookup(call.port, [`VESSEL#${call.vessel.imo}`, `FLAG#${call.vessel.flag}`])).map(
      (e) => [e.key, e.entry.reason],
    ),
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

export const assessRisk = stepHandler(
  'assessRisk',
  Ref.extend({ checks: Checks, trusted: z.boolean() }),
  async (input) => {
    const [screening, vessel, health] = input.checks;
    const reasons = [...screening.flatMap((b) => b.hits), ...vessel.reasons, ...health.reasons];
    const result = assess(reasons, input.trusted);
    const call = await changeClearance('arrival', input.callId, input.version, (_fresh, clearance) => {
      return {
        patch: { arrival: { ...clearance, reasons, updatedAt: clock.now().toISOString() } },
        fact: {
          actor: systemActor('arrival'),
          action: 'RISK_ASSESSED',
          reason: reasons.length ? reasons.map((r) => r.code).join(', ') : 'no findings',
        },
      };
    });
    return { needsReview: result.needsReview, reviewTimeoutSeconds: reviewTimeoutSeconds(call.eta, clock.now()) };
  },
);

const shared = sharedSteps({
  kind: 'arrival',
  reviewTag: 'A',
  statuses: { review: 'IN_REVIEW', cleared: 'ARRIVAL_CLEARED', rejected: 'REJECTED', amend: 'DRAFT' },
  actions: { cleared: 'ARRIVAL_CLEARED', rejected: 'ARRIVAL_REJECTED', amend: 'AMENDMENT_REQUESTED' },
  events: {
    cleared: 'ArrivalCleared',
    rejected: 'ArrivalRejected',
    amend: 'AmendmentRequested',
    failed: 'ArrivalClearanceFailed',
  },
  reviewSeconds: (call, now) => reviewTimeoutSeconds(call.eta, now),
});

export const openReview = shared.openReview;
export const issuePermit = shared.issuePermit;
export const rejectArrival = shared.reject;
export const requestAmendment = shared.requestAmendment;
export const recordFailure = shared.recordFailure;
