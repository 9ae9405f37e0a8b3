// Persons' border rules, pure: who may land when, and whether a visitor may be at the gangway now.
// "Now" and every decision come in as arguments.
import type { DepartureDeclaration } from '#departure/schema.ts';
import type { LandingDecision, LandingPermission, Visitor } from './schema.ts';

export type LandingDefault = 'SHORE_PASS' | 'NONE';

/** What of the call the rules read: its schedule, actual times and whether the arrival is cleared. */
export interface CallFacts {
  eta: string;
  etd: string;
  ata?: string;
  atd?: string;
  arrivalCleared: boolean;
}

export interface PersonFacts {
  ref: string;
  list: 'CREW' | 'PASSENGER' | 'SIGN_ON';
  /** A seafarer signing off: lands for good, until their onward transport leaves. */
  signOffUntil?: string;
}

/** The ship's stay: from her arrival (actual, else expected) to her departure (actual, else expected). */
export function stayOf(call: CallFacts): { from: string; until: string } {
  return { from: call.ata ?? call.eta, until: call.atd ?? call.etd };
}

/**
 * A person's landing permission: nobody has one before the arrival is cleared; then the person's
 * own decision, else — signing off — a pass until their onward transport leaves, else the
 * crew-wide decision (crew only), else the port's default for the stay.
 */
export function landingPermission(
  person: PersonFacts,
  decisions: readonly LandingDecision[],
  call: CallFacts,
  portDefault: LandingDefault,
): LandingPermission {
  if (!call.arrivalCleared) return { status: 'NOT_YET_CLEARED', basis: 'ARRIVAL_NOT_CLEARED' };
  const own = decisions.find((d) => d.subject === person.ref);
  const stay = stayOf(call);
  if (!own && person.signOffUntil)
    return { status: 'SHORE_PASS', from: stay.from, until: person.signOffUntil, basis: 'SIGN_OFF' };
  const crewWide = person.list !== 'PASSENGER' ? decisions.find((d) => d.subject === 'CREW') : undefined;
  const decided = own ?? crewWide;
  if (decided) {
    return {
      status: decided.decision,
      ...(decided.decision === 'SHORE_PASS' && { from: decided.from ?? stay.from, until: decided.until ?? stay.until }),
      basis: own ? 'PERSON' : 'CREW',
      decisionId: decided.decisionId,
    };
  }
  if (portDefault === 'SHORE_PASS') return { status: 'SHORE_PASS', ...stay, basis: 'PORT_DEFAULT' };
  return { status: 'NONE', basis: 'PORT_DEFAULT' };
}

/** When each signing-off seafarer's onward transport leaves: their pass ends then. */
export function signOffTimes(departure: Pick<DepartureDeclaration, 'signOff' | 'travel'> | undefined) {
  const off = new Set(departure?.signOff ?? []);
  return new Map((departure?.travel?.onward ?? []).filter((t) => off.has(t.ref)).map((t) => [t.ref, t.at]));
}

export type LandingRule = 'LANDING_BEFORE_CLEARANCE' | 'LANDING_NOT_PERMITTED' | 'LANDING_OUTSIDE_PASS';

/** The rule a landing at `at` breaks under `permission`, with what to tell the officer. */
export function landingBreach(
  permission: LandingPermission,
  at: string,
): { rule: LandingRule; detail: string } | undefined {
  switch (permission.status) {
    case 'NOT_YET_CLEARED':
      return { rule: 'LANDING_BEFORE_CLEARANCE', detail: 'landed before the arrival was cleared' };
    case 'NONE':
      return { rule: 'LANDING_NOT_PERMITTED', detail: 'landed without a shore pass' };
    case 'REFUSED':
      return { rule: 'LANDING_NOT_PERMITTED', detail: 'landed although landing was refused' };
    case 'HELD_ON_BOARD':
      return { rule: 'LANDING_NOT_PERMITTED', detail: 'landed although held on board' };
    case 'SHORE_PASS':
      if (at < permission.from! || at > permission.until!)
        return {
          rule: 'LANDING_OUTSIDE_PASS',
          detail: `landed at ${at}, outside the shore pass ${permission.from} – ${permission.until}`,
        };
      return undefined;
  }
}

export type VisitorRule = 'VISITOR_NOT_PERMITTED' | 'VISITOR_OUTSIDE_PERMIT';

/** Whether a visitor's scan at `at` is covered by a granted boarding permit. */
export function visitorBreach(visitor: Visitor, at: string): { rule: VisitorRule; detail: string } | undefined {
  if (visitor.status !== 'GRANTED')
    return { rule: 'VISITOR_NOT_PERMITTED', detail: `boarding permit ${visitor.status.toLowerCase()}` };
  if (at < visitor.from || at > visitor.until)
    return {
      rule: 'VISITOR_OUTSIDE_PERMIT',
      detail: `scanned at ${at}, outside the boarding permit ${visitor.from} – ${visitor.until}`,
    };
  return undefined;
}

export type ExitPresence = 'ON_BOARD' | 'ASHORE' | 'UNKNOWN' | 'MISSING';

/**
 * Where a listed person is, as the border sees it: someone who was to sail and is still ashore
 * once the ship has sailed is MISSING, not ashore; a seafarer who signed off is simply ashore.
 */
export function exitPresence(
  state: 'ON_BOARD' | 'ASHORE' | 'UNKNOWN' | 'MISSING' | undefined,
  sailed: boolean,
  signedOff: boolean,
): ExitPresence {
  const now = state ?? 'ON_BOARD';
  return sailed && !signedOff && now === 'ASHORE' ? 'MISSING' : now;
}
