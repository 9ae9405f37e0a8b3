// Submitting and amending the arrival declaration: the shared declaration flow with the arrival
// rules and the schedule change it may carry.
import {
  type DeclarationSpec,
  type SubmitDeps,
  clearanceExecutionName,
  readDeclaration,
  submitDeclaration,
} from '#clearance/submit.ts';
import type { Principal } from '#shared/auth.ts';
import { CLEARANCE_WORKFLOWS } from '#clearance/workflows.ts';
import { arrivalShape, declarationViolations, effectiveSchedule, scheduleFindings } from './rules.ts';
import type { ArrivalDeclaration } from './schema.ts';
import type { DeclarationStore } from './store.ts';

export const ARRIVAL_WORKFLOW = CLEARANCE_WORKFLOWS.arrival;

export interface ArrivalDeps extends SubmitDeps {
  declarations: DeclarationStore<ArrivalDeclaration>;
}

function spec(deps: ArrivalDeps): DeclarationSpec<ArrivalDeclaration> {
  return {
    kind: 'arrival',
    workflow: ARRIVAL_WORKFLOW,
    declarations: deps.declarations,
    // Sent until the ship is in port (the lifecycle says where); a cleared one may still be amended.
    events: { submit: 'SUBMIT_ARRIVAL', amendSchedule: 'AMEND_ARRIVAL_SCHEDULE' },
    shape: arrivalShape,
    violations: declarationViolations,
    scheduleFindings,
    patch: (call, d) => {
      const schedule = effectiveSchedule(call, d);
      return { eta: schedule.eta, etd: schedule.etd, ...(schedule.berth && { berth: schedule.berth }) };
    },
    actions: { first: 'ARRIVAL_DECLARED', amend: 'ARRIVAL_AMENDED', schedule: 'ARRIVAL_SCHEDULE_AMENDED' },
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
