// The port call's lifecycle: one table of transitions — from, event, to, who — that every status
// change goes through (API handlers, workflow steps, the zero-delay guard, scheduled jobs, the demo).
// Pure: no I/O. The README's state diagram is generated from this table (npm run diagram).
import type { Role } from '#shared/auth.ts';
import { ConflictError, ForbiddenError } from '#shared/errors.ts';

/** The call's states; the zod schema (schema.ts) is built from this list. */
export const CALL_STATES = [
  'DRAFT',
  'SUBMITTED',
  'ARRIVAL_REVIEW',
  'ARRIVAL_INSPECTION',
  'ARRIVAL_CLEARED',
  'IN_PORT',
  'DEPARTURE_SUBMITTED',
  'DEPARTURE_REVIEW',
  'DEPARTURE_CLEARED',
  'DEPARTED',
  'REJECTED',
  'CANCELLED',
] as const;
type CallStatus = (typeof CALL_STATES)[number];

/** Who may cause an event: the callers' roles, and `system` for workflow steps and timers. */
export type Cause = Role | 'system';

export const CALL_EVENTS = [
  'ANNOUNCE',
  'SUBMIT_ARRIVAL',
  'AMEND_ARRIVAL_SCHEDULE',
  'ASSESS_ARRIVAL',
  'OPEN_ARRIVAL_REVIEW',
  'CLEAR_ARRIVAL',
  'REJECT_ARRIVAL',
  'REQUEST_ARRIVAL_AMENDMENT',
  'ORDER_ARRIVAL_INSPECTION',
  'CLEAR_ARRIVAL_WITH_CONDITIONS',
  'REFUSE_ENTRY',
  'RECORD_ARRIVAL_FAILURE',
  'REDRIVE_ARRIVAL',
  'ARRIVE',
  'CONFIRM_ARRIVAL_TIME',
  'SUBMIT_DEPARTURE',
  'AMEND_DEPARTURE_SCHEDULE',
  'ASSESS_DEPARTURE',
  'OPEN_DEPARTURE_REVIEW',
  'CLEAR_DEPARTURE',
  'RECHECK_DEPARTURE',
  'HOLD_DEPARTURE',
  'REQUEST_DEPARTURE_AMENDMENT',
  'RECORD_DEPARTURE_FAILURE',
  'REDRIVE_DEPARTURE',
  'DEPART',
  'CONFIRM_DEPARTURE_TIME',
  'CANCEL',
  'DECIDE_LANDING',
  'REQUEST_VISITOR',
  'DECIDE_VISITOR',
  'DECIDE_SAIL_WITHOUT',
] as const;
export type CallEvent = (typeof CALL_EVENTS)[number];

/** What a transition does to the permit of a kind, besides the status. */
export type PermitEffect = 'ISSUE' | 'REDATE' | 'SUPERSEDE' | 'SUSPEND' | 'REVOKE';

export interface Transition {
  from: CallStatus | null;
  event: CallEvent;
  /** `null` keeps the status (a change inside the state, recorded all the same). */
  to: CallStatus | null;
  who: readonly Cause[];
  permits?: Partial<Record<'arrival' | 'departure', PermitEffect>>;
}

const AGENT = ['agent'] as const;
const OFFICER = ['officer', 'supervisor'] as const;
const SYSTEM = ['system'] as const;
const DECIDER = ['system', 'officer', 'supervisor'] as const;
const MOVER = ['agent', 'officer', 'supervisor'] as const;
const SUPERVISOR = ['supervisor'] as const;

const t = (
  from: CallStatus | null,
  event: CallEvent,
  to: CallStatus | null,
  who: readonly Cause[],
  permits?: Transition['permits'],
): Transition => ({ from, event, to, who, ...(permits && { permits }) });

const ARRIVAL_OPEN = ['DRAFT', 'SUBMITTED', 'ARRIVAL_REVIEW', 'ARRIVAL_INSPECTION', 'ARRIVAL_CLEARED'] as const;
/** Where an officer decides the arrival: the review, and the on-board inspection it may order. */
const ARRIVAL_DECIDING = ['ARRIVAL_REVIEW', 'ARRIVAL_INSPECTION'] as const;
const DEPARTURE_OPEN = ['IN_PORT', 'DEPARTURE_SUBMITTED', 'DEPARTURE_REVIEW', 'DEPARTURE_CLEARED'] as const;
const PERSONS_OPEN = ['SUBMITTED', 'ARRIVAL_REVIEW', 'ARRIVAL_CLEARED', ...DEPARTURE_OPEN] as const;

export const TRANSITIONS: readonly Transition[] = [
  t(null, 'ANNOUNCE', 'DRAFT', AGENT),
  // Arrival: a new declaration version is checked again from the start; a cleared one is superseded.
  ...ARRIVAL_OPEN.map((from) =>
    t(from, 'SUBMIT_ARRIVAL', 'SUBMITTED', AGENT, from === 'ARRIVAL_CLEARED' ? { arrival: 'SUPERSEDE' } : undefined),
  ),
  // A change of date or berth only is not a declaration error: a cleared call stays cleared (measure 4).
  t('ARRIVAL_CLEARED', 'AMEND_ARRIVAL_SCHEDULE', null, AGENT, { arrival: 'REDATE' }),
  t('SUBMITTED', 'ASSESS_ARRIVAL', null, SYSTEM),
  // A clearance resumed after a restart assesses again while its review stays open.
  t('ARRIVAL_REVIEW', 'ASSESS_ARRIVAL', null, SYSTEM),
  t('SUBMITTED', 'OPEN_ARRIVAL_REVIEW', 'ARRIVAL_REVIEW', SYSTEM),
  t('ARRIVAL_REVIEW', 'OPEN_ARRIVAL_REVIEW', null, SYSTEM),
  t('SUBMITTED', 'CLEAR_ARRIVAL', 'ARRIVAL_CLEARED', SYSTEM, { arrival: 'ISSUE' }),
  // An officer's outcomes: clear, clear with conditions (persons held on board), refuse entry of
  // named persons (the ship is cleared without them), order an on-board inspection whose result
  // decides, or ask for an amendment. Refusing the whole ship is for a supervisor, with a reason.
  ...ARRIVAL_DECIDING.flatMap((from) => [
    t(from, 'CLEAR_ARRIVAL', 'ARRIVAL_CLEARED', DECIDER, { arrival: 'ISSUE' }),
    t(from, 'CLEAR_ARRIVAL_WITH_CONDITIONS', 'ARRIVAL_CLEARED', OFFICER, { arrival: 'ISSUE' }),
    t(from, 'REFUSE_ENTRY', 'ARRIVAL_CLEARED', OFFICER, { arrival: 'ISSUE' }),
    t(from, 'REJECT_ARRIVAL', 'REJECTED', SUPERVISOR, { arrival: 'REVOKE' }),
    t(from, 'REQUEST_ARRIVAL_AMENDMENT', 'DRAFT', DECIDER),
  ]),
  t('ARRIVAL_REVIEW', 'ORDER_ARRIVAL_INSPECTION', 'ARRIVAL_INSPECTION', OFFICER),
  t('ARRIVAL_INSPECTION', 'ASSESS_ARRIVAL', null, SYSTEM),
  t('SUBMITTED', 'RECORD_ARRIVAL_FAILURE', null, SYSTEM),
  ...ARRIVAL_DECIDING.map((from) => t(from, 'RECORD_ARRIVAL_FAILURE', null, SYSTEM)),
  t('SUBMITTED', 'REDRIVE_ARRIVAL', null, OFFICER),
  ...ARRIVAL_DECIDING.map((from) => t(from, 'REDRIVE_ARRIVAL', null, OFFICER)),
  t('ARRIVAL_CLEARED', 'ARRIVE', 'IN_PORT', MOVER),
  // Departure: declared once the ship is in port; the arrival is closed from then on.
  ...DEPARTURE_OPEN.map((from) =>
    t(
      from,
      'SUBMIT_DEPARTURE',
      'DEPARTURE_SUBMITTED',
      AGENT,
      from === 'DEPARTURE_CLEARED' ? { departure: 'SUPERSEDE' } : undefined,
    ),
  ),
  t('DEPARTURE_CLEARED', 'AMEND_DEPARTURE_SCHEDULE', null, AGENT, { departure: 'REDATE' }),
  t('DEPARTURE_SUBMITTED', 'ASSESS_DEPARTURE', null, SYSTEM),
  t('DEPARTURE_REVIEW', 'ASSESS_DEPARTURE', null, SYSTEM),
  t('DEPARTURE_SUBMITTED', 'OPEN_DEPARTURE_REVIEW', 'DEPARTURE_REVIEW', SYSTEM),
  t('DEPARTURE_REVIEW', 'OPEN_DEPARTURE_REVIEW', null, SYSTEM),
  t('DEPARTURE_SUBMITTED', 'CLEAR_DEPARTURE', 'DEPARTURE_CLEARED', SYSTEM, { departure: 'ISSUE' }),
  t('DEPARTURE_REVIEW', 'CLEAR_DEPARTURE', 'DEPARTURE_CLEARED', DECIDER, { departure: 'ISSUE' }),
  // The zero-delay guard: something the departure depends on changed; a permit out is suspended.
  t('DEPARTURE_SUBMITTED', 'RECHECK_DEPARTURE', null, SYSTEM),
  t('DEPARTURE_REVIEW', 'RECHECK_DEPARTURE', 'DEPARTURE_SUBMITTED', SYSTEM),
  t('DEPARTURE_CLEARED', 'RECHECK_DEPARTURE', 'DEPARTURE_SUBMITTED', SYSTEM, { departure: 'SUSPEND' }),
  t('IN_PORT', 'RECHECK_DEPARTURE', 'DEPARTURE_SUBMITTED', SYSTEM),
  t('DEPARTURE_REVIEW', 'HOLD_DEPARTURE', 'IN_PORT', DECIDER),
  t('DEPARTURE_REVIEW', 'REQUEST_DEPARTURE_AMENDMENT', 'IN_PORT', DECIDER),
  t('DEPARTURE_SUBMITTED', 'RECORD_DEPARTURE_FAILURE', null, SYSTEM),
  t('DEPARTURE_REVIEW', 'RECORD_DEPARTURE_FAILURE', null, SYSTEM),
  t('DEPARTURE_SUBMITTED', 'REDRIVE_DEPARTURE', null, OFFICER),
  t('DEPARTURE_REVIEW', 'REDRIVE_DEPARTURE', null, OFFICER),
  t('DEPARTURE_CLEARED', 'DEPART', 'DEPARTED', MOVER),
  // The figures count only times an officer or the port feed stands behind: they confirm (or
  // correct) what the agent proposed, at any time after the movement.
  ...(['IN_PORT', ...DEPARTURE_OPEN.slice(1), 'DEPARTED'] as const).map((from) =>
    t(from, 'CONFIRM_ARRIVAL_TIME', null, OFFICER),
  ),
  t('DEPARTED', 'CONFIRM_DEPARTURE_TIME', null, OFFICER),
  // A call is cancelled until the ship is in port; a permit out is revoked.
  t('DRAFT', 'CANCEL', 'CANCELLED', AGENT),
  t('SUBMITTED', 'CANCEL', 'CANCELLED', AGENT),
  ...ARRIVAL_DECIDING.map((from) => t(from, 'CANCEL', 'CANCELLED', AGENT)),
  t('ARRIVAL_CLEARED', 'CANCEL', 'CANCELLED', AGENT, { arrival: 'REVOKE' }),
  t('REJECTED', 'CANCEL', 'CANCELLED', AGENT),
  // Persons' border decisions (functions/persons/) change no status but are recorded in the call's
  // audit chain: landing permission and visitors from the submission until the ship sails.
  ...PERSONS_OPEN.flatMap((from) => [
    t(from, 'DECIDE_LANDING', null, OFFICER),
    t(from, 'REQUEST_VISITOR', null, AGENT),
    t(from, 'DECIDE_VISITOR', null, OFFICER),
  ]),
  // Sailing without someone who did not come back needs an officer who names them.
  ...DEPARTURE_OPEN.map((from) => t(from, 'DECIDE_SAIL_WITHOUT', null, OFFICER)),
];

/** What each state means, to the agent and to the officer (README and OpenAPI). */
export const STATE_MEANING: Record<CallStatus, { agent: string; officer: string }> = {
  DRAFT: {
    agent: 'Announced. Send the arrival declaration (or amend it, if an officer asked).',
    officer: 'Nothing to do yet: the agent has not (re)submitted.',
  },
  SUBMITTED: {
    agent: 'The arrival declaration is being checked automatically.',
    officer: 'Screening, vessel and health checks are running.',
  },
  ARRIVAL_REVIEW: {
    agent: 'An officer is reviewing the arrival. Wait, or amend if something was wrong.',
    officer: 'Decide the arrival review before its deadline.',
  },
  ARRIVAL_INSPECTION: {
    agent: 'Officers will inspect the ship on board before clearing her. Have the master and the documents ready.',
    officer: 'Inspect on board and record the result: clear, clear with conditions, refuse entry of persons.',
  },
  ARRIVAL_CLEARED: {
    agent:
      'Arrival permit out (read its conditions, if any): the ship is worked on arrival. Record the ATA when she berths.',
    officer: 'Cleared; expect the ship.',
  },
  IN_PORT: {
    agent: 'In port. Send the departure declaration (a pre-filled draft is ready).',
    officer: 'In port: the gangway records who is on board and ashore.',
  },
  DEPARTURE_SUBMITTED: {
    agent: 'The one-stop departure checks are running.',
    officer: 'Crew reconciliation, open alerts and other agencies are being checked.',
  },
  DEPARTURE_REVIEW: {
    agent: 'An officer is reviewing the departure.',
    officer: 'Decide the departure review before the ETD.',
  },
  DEPARTURE_CLEARED: {
    agent: 'Departure permit out. Record the ATD when the ship sails.',
    officer: 'Cleared to sail; a movement or alert re-checks it.',
  },
  DEPARTED: { agent: 'Sailed. The call is closed.', officer: 'Sailed. The call is closed.' },
  REJECTED: {
    agent: 'Arrival refused by a supervisor. Cancel the call; a new voyage may be announced.',
    officer: 'Refused.',
  },
  CANCELLED: { agent: 'Cancelled.', officer: 'Cancelled by the agent.' },
};

/** The phase each state belongs to: what read models and guards ask instead of listing states. */
export const PHASE: Record<CallStatus, 'ANNOUNCED' | 'ARRIVAL' | 'IN_PORT' | 'DEPARTURE' | 'CLOSED'> = {
  DRAFT: 'ANNOUNCED',
  SUBMITTED: 'ARRIVAL',
  ARRIVAL_REVIEW: 'ARRIVAL',
  ARRIVAL_INSPECTION: 'ARRIVAL',
  ARRIVAL_CLEARED: 'ARRIVAL',
  IN_PORT: 'IN_PORT',
  DEPARTURE_SUBMITTED: 'DEPARTURE',
  DEPARTURE_REVIEW: 'DEPARTURE',
  DEPARTURE_CLEARED: 'DEPARTURE',
  DEPARTED: 'CLOSED',
  REJECTED: 'CLOSED',
  CANCELLED: 'CLOSED',
};

/** From arrival submission until the ship has sailed: gangway devices may watch the call. */
export function isWatched(status: CallStatus): boolean {
  return PHASE[status] === 'ARRIVAL' || PHASE[status] === 'IN_PORT' || PHASE[status] === 'DEPARTURE';
}

/** Events allowed from `status`, in table order. */
export function allowedEvents(status: CallStatus): CallEvent[] {
  return [...new Set(TRANSITIONS.filter((tr) => tr.from === status).map((tr) => tr.event))];
}

/** The call's status is not one the event may happen in (409, with the state and what it allows). */
export class TransitionNotAllowedError extends ConflictError {
  override readonly code = 'TRANSITION_NOT_ALLOWED';
  readonly state: CallStatus;
  readonly event: CallEvent;
  readonly allowed: CallEvent[];
  constructor(state: CallStatus, event: CallEvent, message?: string) {
    const allowed = allowedEvents(state);
    super(message ?? `A call in status ${state} does not take ${event}`, [
      { path: 'status', message: `is ${state}; allowed here: ${allowed.join(', ') || 'nothing (final)'}` },
    ]);
    this.state = state;
    this.event = event;
    this.allowed = allowed;
  }
  override extra(): Record<string, unknown> {
    return { state: this.state, event: this.event, allowedEvents: this.allowed };
  }
}

/** The transition `event` makes from `status`, or a 409 (wrong state) / 403 (wrong cause). */
export function transition(status: CallStatus | null, event: CallEvent, cause: Cause, message?: string): Transition {
  const found = TRANSITIONS.find((tr) => tr.from === status && tr.event === event);
  if (!found) {
    if (status === null) throw new Error(`${event} does not start a call`);
    throw new TransitionNotAllowedError(status, event, message);
  }
  if (!found.who.includes(cause)) throw new ForbiddenError(`${event} is not for the ${cause}`);
  return found;
}

/** Whether `event` may happen from `status` at all (for read models and guards that only ask). */
export function allows(status: CallStatus, event: CallEvent): boolean {
  return TRANSITIONS.some((tr) => tr.from === status && tr.event === event);
}

/** States in which the call is over: a voyage may be announced again. */
export function isFinal(status: CallStatus): boolean {
  return PHASE[status] === 'CLOSED';
}

/** Mermaid `stateDiagram-v2` of the table, for the README: one arrow per pair of states. */
export function mermaidDiagram(): string {
  const edges = new Map<string, string[]>();
  for (const tr of TRANSITIONS) {
    const edge = `${tr.from ?? '[*]'} --> ${tr.to ?? tr.from}`;
    edges.set(edge, [...(edges.get(edge) ?? []), tr.event]);
  }
  const lines = ['stateDiagram-v2'];
  for (const [edge, events] of edges) lines.push(`  ${edge}: ${events.join(', ')}`);
  for (const status of Object.keys(STATE_MEANING) as CallStatus[]) {
    if (allowedEvents(status).length === 0) lines.push(`  ${status} --> [*]`);
  }
  return lines.join('\n');
}

/** The README's table of what each state means, to an agent and to an officer. */
export function meaningTable(): string {
  const rows = (Object.entries(STATE_MEANING) as [CallStatus, { agent: string; officer: string }][]).map(
    ([status, m]) => `| \`${status}\` | ${m.agent} | ${m.officer} | ${allowedEvents(status).join(', ') || '—'} |`,
  );
  return ['| state | to the agent | to the officer | events it allows |', '| --- | --- | --- | --- |', ...rows].join(
    '\n',
  );
}
