// What an agent reads off its own call, from what the API tells agents (findings the agent must
// not know are already taken out): what waits on the agent, and where each check stands. Pure.
import type { Call, CallDetail } from '../../../functions/calls/schema.ts';
import type { Word } from './words.ts';

export type AgentCall = Call;
export type AgentCallDetail = CallDetail;
type Clearance = NonNullable<Call['arrival']>;
type Phase = 'arrival' | 'departure';

/** What the agent has to do next, with the reasons it was given (the officer's words when known). */
export interface Waiting {
  word: Word;
  /** The phase whose declaration the action opens, if any. */
  phase?: Phase;
  /** The reasons shown with it: an officer's amendment request, or the checks' findings. */
  reasons: string[];
  /** Whether the agent must act (false: nothing to do but wait). */
  act: boolean;
}

/** The newest reason the timeline gives for an amendment request of `phase`. */
function amendmentReason(detail: CallDetail | undefined, phase: Phase): string | undefined {
  // The arrival's request is recorded as AMENDMENT_REQUESTED, the departure's with its phase named.
  const actions =
    phase === 'arrival' ? ['AMENDMENT_REQUESTED', 'ARRIVAL_AMENDMENT_REQUESTED'] : ['DEPARTURE_AMENDMENT_REQUESTED'];
  return detail?.timeline.filter((e) => actions.includes(e.action) && e.reason && !e.redacted).at(-1)?.reason;
}

const details = (c: Clearance | undefined) => (c?.reasons ?? []).map((r) => r.detail);

export function waitingOn(call: Call, detail?: CallDetail): Waiting {
  const active: Phase = call.departure || call.status === 'IN_PORT' ? 'departure' : 'arrival';
  const clearance = call[active];
  // An amendment request sends the call back to DRAFT: the request, with its reason, comes first.
  if (clearance?.state === 'AMENDMENT_REQUESTED') {
    const said = amendmentReason(detail, active);
    return {
      word: active === 'arrival' ? 'amendArrival' : 'amendDeparture',
      phase: active,
      reasons: said ? [said] : details(clearance),
      act: true,
    };
  }
  if (call.status === 'DRAFT') return { word: 'declareArrival', phase: 'arrival', reasons: [], act: true };
  if (call.status === 'IN_PORT' && !call.departure)
    return { word: 'declareDeparture', phase: 'departure', reasons: [], act: true };
  if (active === 'departure' && clearance?.state === 'REJECTED')
    return { word: 'departureHeld', phase: 'departure', reasons: details(clearance), act: true };
  if (clearance?.state === 'IN_REVIEW' || clearance?.state === 'INSPECTION')
    return { word: 'inReview', reasons: details(clearance), act: false };
  if (clearance?.state === 'RUNNING') return { word: 'beingChecked', reasons: [], act: false };
  if (clearance?.state === 'FAILED') return { word: 'failedWithPort', reasons: [], act: false };
  return { word: 'nothingForYou', reasons: [], act: false };
}

/** The checks of each phase and the reason codes that come from each. */
export const CHECKS: Record<Phase, { word: Word; codes: string[] }[]> = {
  arrival: [
    // Watch-list findings never reach agents: screening shows only whether the clearance moved on.
    { word: 'screening', codes: [] },
    { word: 'vesselCheck', codes: ['VESSEL_WATCH_LISTED', 'FLAG_WATCH_LISTED'] },
    {
      word: 'security',
      codes: [
        'ISSC_EXPIRED',
        'NO_SHIP_SECURITY_PLAN',
        'SECURITY_LEVEL_RAISED',
        'PORT_SECURITY_LEVEL_RAISED',
        'SHIP_TO_SHIP_ACTIVITY',
      ],
    },
    {
      word: 'health',
      codes: [
        'DEATH_ON_BOARD',
        'SUSPECTED_INFECTIOUS_ILLNESS',
        'ILL_PERSONS',
        'STOWAWAYS',
        'SICK_ANIMALS',
        'AFFECTED_AREA_VISITED',
        'SANITATION_CERTIFICATE_EXPIRED',
      ],
    },
  ],
  departure: [
    {
      word: 'reconciliation',
      codes: [
        'SAILING_PERSON_ASHORE',
        'SIGN_ON_NOT_BOARDED',
        'SIGN_OFF_STILL_ON_BOARD',
        'ON_BOARD_NOT_LISTED',
        'COUNT_MISMATCH',
        'PERSON_UNACCOUNTED',
      ],
    },
    { word: 'alertsCheck', codes: ['UNRESOLVED_HIGH_ALERT'] },
  ],
};

export type CheckResult = 'notStarted' | 'pending' | 'passed' | 'finding' | 'withOfficer';

export interface CheckRow {
  word: Word;
  result: CheckResult;
  /** The findings of this check the agent may read, as the API words them. */
  findings: string[];
}

/** Where each check of `phase` stands, from the clearance the call carries. */
export function checksOf(call: Call, phase: Phase): CheckRow[] {
  const clearance = call[phase];
  return CHECKS[phase].map(({ word, codes }) => {
    const findings = (clearance?.reasons ?? []).filter((r) => codes.includes(r.code)).map((r) => r.detail);
    return { word, findings, result: resultOf(clearance, findings.length > 0) };
  });
}

function resultOf(clearance: Clearance | undefined, found: boolean): CheckResult {
  if (!clearance) return 'notStarted';
  if (clearance.state === 'CLEARED') return found ? 'finding' : 'passed';
  if (clearance.state === 'RUNNING' && !clearance.assessedAt) return 'pending';
  if (found) return 'finding';
  // Assessed and not cleared, with nothing of this check shown: another check (or one the agent
  // may not read) sent it to an officer, so this one is not called passed.
  return clearance.state === 'RUNNING' ? 'pending' : 'withOfficer';
}
