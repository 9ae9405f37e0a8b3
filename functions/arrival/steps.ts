// The arrival clearance workflow's steps. Each reads what it needs from the table by reference
// (call id and declaration version), so no personal data passes through execution history. The
// ports come from the composition root; `arrivalSteps` binds them so tests can pass fakes. Screening
// is apart (screening-step.ts): only its function loads the watch list's name tables.
import * as z from 'zod';
import { RiskReason as RiskReasonSchema } from '#clearance/schema.ts';
import { type ClearancePorts, Ref, clearanceAccess, sharedSteps, systemActor } from '#clearance/steps.ts';
import { stepHandler } from '#shared/steps.ts';
import type { Ports } from '#functions/wiring.ts';
import { screeningBatches } from '#clearance/screening-batches.ts';
import { assess, healthFindings, reviewTimeoutSeconds, vesselFindings } from './rules.ts';

export type ArrivalPorts = ClearancePorts & Pick<Ports, 'arrivals' | 'agents' | 'watchList'>;

const Checks = z.tuple([
  z.array(z.object({ hits: z.array(RiskReasonSchema) })),
  z.object({ reasons: z.array(RiskReasonSchema) }),
  z.object({ reasons: z.array(RiskReasonSchema) }),
]);

/**
 * How a step reads its version's declaration, and the persons it screens: those an amendment
 * changed, or everyone. Shared with the screening step (screening-step.ts).
 */
export function arrivalReads(ports: ArrivalPorts, access: ReturnType<typeof clearanceAccess>) {
  // Each step of a clearance reads its version's lists: a warm container reads them once.
  async function declarationOf(callId: string, version: number) {
    const stored = await ports.arrivals.recent(callId, version);
    if (!stored) throw new Error(`Declaration v${version} of ${callId} is missing`);
    return stored.declaration;
  }

  /** The persons this version screens: those an amendment changed, or everyone. */
  async function toScreen(callId: string, version: number, round: number) {
    const call = await access.current(callId, version, round);
    const d = await declarationOf(callId, version);
    const everyone = [...d.crew, ...d.passengers];
    const only = call.arrival?.screen && new Set(call.arrival.screen);
    return { call, d, persons: only ? everyone.filter((p) => only.has(p.ref)) : everyone };
  }
  return { declarationOf, toScreen };
}

/** Every arrival step but screening, which has a module of its own (screening-step.ts). */
export function arrivalSteps(ports: ArrivalPorts) {
  const { clock } = ports;
  const access = clearanceAccess(ports, 'arrival');

  const { toScreen, declarationOf } = arrivalReads(ports, access);

  const loadDeclaration = stepHandler('loadDeclaration', Ref, async ({ callId, version, round }) => {
    const { call, persons } = await toScreen(callId, version, round);
    const batches = screeningBatches({ callId, version, round }, persons.length);
    // Trust and watch list are the call's port's own (a supervisor acts for their port only).
    const agent = await ports.agents.get(call.agentId, call.port);
    return { batches, persons: persons.length, trusted: agent?.aeo ?? false };
  });

  const checkVessel = stepHandler('checkVessel', Ref, async ({ callId, version, round }) => {
    const call = await access.current(callId, version, round);
    const d = await declarationOf(callId, version);
    const listed = new Map(
      (await ports.watchList.lookup(call.port, [`VESSEL#${call.vessel.imo}`, `FLAG#${call.vessel.flag}`])).map((e) => [
        e.key,
        e.entry.reason,
      ]),
    );
    const facts = {
      vesselListed: listed.get(`VESSEL#${call.vessel.imo}`),
      flagListed: listed.get(`FLAG#${call.vessel.flag}`),
    };
    return { reasons: vesselFindings(call, d, facts) };
  });

  const checkHealth = stepHandler('checkHealth', Ref, async ({ callId, version, round }) => {
    const call = await access.current(callId, version, round);
    return { reasons: healthFindings(await declarationOf(callId, version), call.eta) };
  });

  const assessRisk = stepHandler('assessRisk', Ref.extend({ checks: Checks, trusted: z.boolean() }), async (input) => {
    const [screening, vessel, health] = input.checks;
    const at = clock.now().toISOString();
    let reasons: z.infer<typeof RiskReasonSchema>[] = [];
    const call = await access.change(
      input.callId,
      input.version,
      (_fresh, clearance) => {
        // Findings of persons an amendment did not touch carry over from the version it amends.
        reasons = [
          ...(clearance.carried ?? []),
          ...screening.flatMap((b) => b.hits),
          ...vessel.reasons,
          ...health.reasons,
        ];
        return {
          event: 'ASSESS_ARRIVAL',
          patch: { arrival: { ...clearance, reasons, assessedAt: at, updatedAt: at } },
          fact: {
            actor: systemActor('arrival'),
            action: 'RISK_ASSESSED',
            reason: reasons.length ? reasons.map((r) => r.code).join(', ') : 'no findings',
          },
        };
      },
      input.round,
    );
    const result = assess(reasons, input.trusted);
    return { needsReview: result.needsReview, reviewTimeoutSeconds: reviewTimeoutSeconds(call.eta, clock.now()) };
  });

  const shared = sharedSteps(
    {
      kind: 'arrival',
      reviewTag: 'A',
      events: {
        review: 'OPEN_ARRIVAL_REVIEW',
        clear: 'CLEAR_ARRIVAL',
        reject: 'REJECT_ARRIVAL',
        amend: 'REQUEST_ARRIVAL_AMENDMENT',
        fail: 'RECORD_ARRIVAL_FAILURE',
        inspect: 'ORDER_ARRIVAL_INSPECTION',
        clearWithConditions: 'CLEAR_ARRIVAL_WITH_CONDITIONS',
        refuseEntry: 'REFUSE_ENTRY',
      },
      actions: { cleared: 'ARRIVAL_CLEARED', rejected: 'ARRIVAL_REJECTED', amend: 'AMENDMENT_REQUESTED' },
      notices: {
        cleared: 'ArrivalCleared',
        rejected: 'ArrivalRejected',
        amend: 'AmendmentRequested',
        failed: 'ArrivalClearanceFailed',
      },
      reviewSeconds: (call, now) => reviewTimeoutSeconds(call.eta, now),
    },
    ports,
  );

  return {
    loadDeclaration,
    checkVessel,
    checkHealth,
    assessRisk,
    openReview: shared.openReview,
    issuePermit: shared.issuePermit,
    rejectArrival: shared.reject,
    requestAmendment: shared.requestAmendment,
    recordFailure: shared.recordFailure,
  };
}
