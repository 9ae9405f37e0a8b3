// Submitting and amending the arrival declaration: the shared declaration flow with the arrival
// rules and the schedule change it may carry.
import type { CallStatus } from '#calls/schema.ts';
import {
  type DeclarationSpec,
  type SubmitDeps,
  clearanceExecutionName,
  readDeclaration,
  submitDeclaration,
} from '#clearance/submit.ts';
import type { Principal } from '#shared/auth.ts';
import { CLEARANCE_WORKFLOWS } from '#clearance/workflows.ts';
import { declarationViolations, effectiveSchedule } from './rules.ts';
import type { ArrivalDeclaration } from './schema.ts';
import type { DeclarationStore } from './store.ts';

export const ARRIVAL_WORKFLOW = CLEARANCE_WORKFLOWS.arrival;

export interface ArrivalDeps extends SubmitDeps {
  declarations: DeclarationStore<ArrivalDeclaration>;
}

/** A declaration may be sent until the ship is in port; a cleared one may still be amended. */
const OPEN_FOR_ARRIVAL = new Set<CallStatus>(['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'ARRIVAL_CLEARED']);

function spec(deps: ArrivalDeps): DeclarationSpec<ArrivalDeclaration> {
  return {
    kind: 'arrival',
    workflow: ARRIVAL_WORKFLOW,
    declarations: deps.declarations,
    openStatuses: OPEN_FOR_ARRIVAL,
    submittedStatus: 'SUBMITTED',
    violations: declarationViolations,
    patch: (call, d) => {
      const schedule = effectiveSchedule(call, d);
      return { eta: schedule.eta, etd: schedule.etd, ...(schedule.berth && { berth: schedule.berth }) };
    },
    actions: { first: 'ARRIVAL_DECLARED', amend: 'ARRIVAL_AMENDED' },
    event: 'ArrivalSubmitted',
  };
}

export function arrivalExecutionName(callId: string, version: number): string {
  return clearanceExecutionName('arrival', callId, version);
}

export function submitArrival(
  deps: ArrivalDeps,
  principal: Principal,
  callId: string,
  declaration: ArrivalDeclaration,
) {
  return submitDeclaration(deps, spec(deps), principal, callId, declaration);
}

export function readArrival(deps: ArrivalDeps, principal: Principal, callId: string, version: number | undefined) {
  return readDeclaration(deps, spec(deps), principal, callId, version);
}
