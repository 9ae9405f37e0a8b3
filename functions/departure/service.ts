// Departure declarations: a pre-filled draft from the arrival lists, and submission through the
// shared declaration flow with the departure rules.
import type { ArrivalDeclaration } from '#arrival/schema.ts';
import type { DeclarationStore } from '#clearance/store.ts';
import { type DeclarationSpec, type SubmitDeps, readDeclaration, submitDeclaration } from '#clearance/submit.ts';
import { allows } from '#calls/lifecycle.ts';
import { canView } from '#calls/rules.ts';
import type { StoredCall } from '#calls/store.ts';
import type { Principal } from '#shared/auth.ts';
import { ConflictError, NotFoundError } from '#shared/errors.ts';
import { DEPARTURE_WORKFLOW, recheckDeparture } from './recheck.ts';
import { arrivalRefs, departureShape, departureViolations } from './rules.ts';
import type { AgencyAnswer, DepartureDeclaration } from './schema.ts';
import { agencyAnswers } from './agencies.ts';
import { agencyOf, portAgencies } from '#functions/agencies/config.ts';
import { portChain, recordPortChange } from '#functions/audit/port-changes.ts';
import type { AuditStore } from '#functions/audit/store.ts';
import { actorOf } from '#calls/service.ts';

export interface DepartureDeps extends SubmitDeps {
  arrivals: DeclarationStore<ArrivalDeclaration>;
  departures: DeclarationStore<DepartureDeclaration>;
}

async function arrivalOf(deps: DepartureDeps, call: StoredCall): Promise<ArrivalDeclaration> {
  if (call.arrival?.state !== 'CLEARED') {
    throw new ConflictError('The arrival must be cleared before the departure is declared', [
      { path: 'status', message: `arrival is ${call.arrival?.state ?? 'not declared'}` },
    ]);
  }
  const stored = await deps.arrivals.get(call.callId, call.arrival.version);
  if (!stored) throw new NotFoundError('The arrival declaration is missing');
  return stored.declaration;
}

function spec(deps: DepartureDeps, arrival: ArrivalDeclaration | undefined): DeclarationSpec<DepartureDeclaration> {
  return {
    kind: 'departure',
    workflow: DEPARTURE_WORKFLOW,
    declarations: deps.departures,
    // Declared once the ship is in port, until she has left; a permit can be amended.
    events: { submit: 'SUBMIT_DEPARTURE', amendSchedule: 'AMEND_DEPARTURE_SCHEDULE' },
    shape: departureShape,
    violations: (d, _call, now) => departureViolations(d, arrival!, now),
    patch: (_call, d) => ({ etd: d.etd }),
    actions: { first: 'DEPARTURE_DECLARED', amend: 'DEPARTURE_AMENDED', schedule: 'DEPARTURE_SCHEDULE_AMENDED' },
    event: 'DepartureSubmitted',
  };
}

async function visibleCall(deps: DepartureDeps, principal: Principal, callId: string): Promise<StoredCall> {
  const call = await deps.store.get(callId);
  if (!call || !canView(principal, call)) throw new NotFoundError(`No call ${callId}`);
  return call;
}

export async function submitDeparture(
  deps: DepartureDeps,
  principal: Principal,
  callId: string,
  declaration: DepartureDeclaration,
) {
  const call = await visibleCall(deps, principal, callId);
  // The lifecycle refuses a call not in port (409) before the rules read the arrival lists.
  const arrival = allows(call.status, 'SUBMIT_DEPARTURE') ? await arrivalOf(deps, call) : undefined;
  return submitDeclaration(deps, spec(deps, arrival), principal, callId, declaration);
}

export function readDeparture(deps: DepartureDeps, principal: Principal, callId: string, version: number) {
  return readDeclaration(deps, spec(deps, undefined), principal, callId, version);
}

/** What the agent confirms rather than retypes: everyone from arrival sails, less those signed off. */
export async function departureDraft(deps: DepartureDeps, principal: Principal, callId: string) {
  const call = await visibleCall(deps, principal, callId);
  const arrival = await arrivalOf(deps, call);
  const latest = call.departure ? (await deps.departures.get(callId, call.departure.version))?.declaration : undefined;
  const signOff = latest?.signOff ?? [];
  const signOn = latest?.signOn ?? [];
  const sailing = arrivalRefs(arrival).filter((ref) => !signOff.includes(ref));
  return {
    draft: {
      sailing,
      signOn,
      signOff,
      ...(latest?.travel && { travel: latest.travel }),
      etd: call.etd,
      personsOnBoard: sailing.length + signOn.length,
    },
    basedOn: {
      arrivalVersion: call.arrival!.version,
      ...(call.departure && { departureVersion: call.departure.version }),
    },
  };
}

/**
 * Records another agency's answer for the call (an officer does it for the agency here), then
 * re-checks the departure: an answer is one of the things it depends on.
 */
export async function recordAnswer(
  deps: DepartureDeps & { audit: Pick<AuditStore, 'append'> },
  principal: Principal,
  callId: string,
  agency: string,
  answer: AgencyAnswer,
) {
  const call = await visibleCall(deps, principal, callId);
  agencyOf(call.port, agency);
  const recorded = { ...answer, agency, recordedBy: principal.sub, recordedAt: deps.clock.now().toISOString() };
  await agencyAnswers.put(callId, recorded);
  // Before the re-check: the answer is on record whatever the clearance then does.
  await recordPortChange(deps, portChain(call.port), {
    actor: actorOf(principal),
    action: 'AGENCY_ANSWERED',
    subject: `agency ${agency} on call ${callId}: ${answer.status}`,
    ...(answer.note && { reason: answer.note }),
  });
  await recheckDeparture(deps, callId, `${agency} answered ${answer.status}`);
  return recorded;
}

/** Who decides what for this call's port, and what each agency last answered. */
export async function callAgencies(deps: DepartureDeps, principal: Principal, callId: string) {
  const call = await visibleCall(deps, principal, callId);
  const answers = new Map((await agencyAnswers.ofCall(callId)).map((a) => [a.agency, a]));
  const agencies = portAgencies(call.port).map(({ check: _check, ...agency }) => ({
    ...agency,
    ...(answers.get(agency.agency) && { answer: answers.get(agency.agency) }),
  }));
  return {
    callId,
    port: call.port,
    agencies,
    holding: agencies.filter((a) => a.answer?.status === 'HOLD').map((a) => a.agency),
  };
}
