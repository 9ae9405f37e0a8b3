// Gangway rules, pure: what an event does to a person's presence, and which alerts it raises.
import type { CrewMember, Passenger } from '#shared/people.ts';
import { type LandingRule, type VisitorRule, landingBreach, visitorBreach } from '#persons/rules.ts';
import type { LandingPermission, Visitor } from '#persons/schema.ts';
import { sensitiveContent } from '#persons/free-text.ts';
import { FORBIDDEN_FIELDS, type GangwayEvent, type Presence } from './schema.ts';

export interface GangwaySettings {
  /** A FACE match below this is an alert. */
  matchThreshold: number;
  /** How long someone may stay ashore. */
  shoreLeaveHours: number;
  /** How far ahead of the server clock a capture time may be. */
  clockSkewSeconds: number;
  /** How long before the ship's arrival (actual, else expected) a scan may be captured. */
  arrivalMarginHours: number;
}

export const DEFAULT_SETTINGS: GangwaySettings = {
  matchThreshold: 0.8,
  shoreLeaveHours: 12,
  clockSkewSeconds: 300,
  arrivalMarginHours: 6,
};

export type AlertRule =
  | 'NOT_ON_LIST'
  | 'LOW_MATCH'
  | 'LIVENESS_FAILED'
  | 'DOCUMENT_EXPIRED'
  | 'AFTER_DEPARTURE_CLEARANCE'
  | 'SHORE_LEAVE_OVERDUE'
  | 'CLOCK_SKEW'
  | 'BOARDED_TWICE'
  | 'BEFORE_ARRIVAL'
  | 'AFTER_DEPARTURE'
  | LandingRule
  | VisitorRule;

export const SEVERITY: Record<AlertRule, 'HIGH' | 'MEDIUM' | 'LOW'> = {
  NOT_ON_LIST: 'HIGH',
  LOW_MATCH: 'HIGH',
  LIVENESS_FAILED: 'HIGH',
  DOCUMENT_EXPIRED: 'MEDIUM',
  AFTER_DEPARTURE_CLEARANCE: 'HIGH',
  SHORE_LEAVE_OVERDUE: 'MEDIUM',
  CLOCK_SKEW: 'LOW',
  BOARDED_TWICE: 'MEDIUM',
  BEFORE_ARRIVAL: 'MEDIUM',
  AFTER_DEPARTURE: 'HIGH',
  LANDING_BEFORE_CLEARANCE: 'HIGH',
  LANDING_NOT_PERMITTED: 'HIGH',
  LANDING_OUTSIDE_PASS: 'HIGH',
  VISITOR_NOT_PERMITTED: 'HIGH',
  VISITOR_OUTSIDE_PERMIT: 'HIGH',
};

/**
 * Rules whose event is recorded and alerted but moves nobody: a failed face match or liveness is an
 * attempt, not a passage; a capture the clock says cannot have happened must not freeze presence.
 */
const ATTEMPT_ONLY: ReadonlySet<AlertRule> = new Set([
  'LOW_MATCH',
  'LIVENESS_FAILED',
  'CLOCK_SKEW',
  'BEFORE_ARRIVAL',
  'AFTER_DEPARTURE',
]);

/** Whether an event with these alerts moves the person's presence. */
export function movesPresence(alerts: readonly { rule: AlertRule }[]): boolean {
  return !alerts.some((a) => ATTEMPT_ONLY.has(a.rule));
}

export interface RaisedAlert {
  rule: AlertRule;
  detail: string;
}

/**
 * The paths of forbidden (biometric) fields anywhere in a payload: by name, and by content — an
 * image or template travels as a data URI, a long base64 run or a long array of numbers.
 */
export function forbiddenFields(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return sensitiveContent(value) === 'EMBEDDED_DATA' ? [path] : [];
  if (Array.isArray(value)) {
    if (value.length >= 32 && value.every((v) => typeof v === 'number')) return [path];
    return value.flatMap((v, i) => forbiddenFields(v, `${path}[${i}]`));
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => {
      const here = path ? `${path}.${k}` : k;
      return FORBIDDEN_FIELDS.test(k.replace(/[_-]/g, '')) ? [here] : forbiddenFields(v, here);
    });
  }
  return [];
}

export function scoreBand(score: number | undefined, threshold: number): 'HIGH' | 'MEDIUM' | 'LOW' | undefined {
  if (score === undefined) return undefined;
  return score >= 0.95 ? 'HIGH' : score >= threshold ? 'MEDIUM' : 'LOW';
}

/** Presence after the event, or undefined when an older event must not move it backwards. */
export function nextPresence(
  current: Presence | undefined,
  e: GangwayEvent & { deviceId: string },
): Presence | undefined {
  if (current?.lastEvent && current.lastEvent.capturedAt >= e.capturedAt) return undefined;
  return {
    ref: e.personRef,
    state: e.direction === 'BOARD' ? 'ON_BOARD' : 'ASHORE',
    lastEvent: { eventId: e.eventId, direction: e.direction, capturedAt: e.capturedAt, deviceId: e.deviceId },
  };
}

export interface EventContext {
  person: CrewMember | Passenger | undefined;
  /** Presence before this event (declared persons start ON_BOARD). */
  before: Presence | undefined;
  /** When the departure permit was issued, while it stands. */
  departureClearedAt: string | undefined;
  now: Date;
  settings: GangwaySettings;
  /** The call's times: a capture before the arrival (less the margin) or after the ATD is impossible. */
  times?: { eta: string; ata?: string; atd?: string };
  /** The person's landing permission, for a landing of a listed person. */
  landing?: LandingPermission;
  /** The visitor whose boarding permit the reference names, for someone on no list. */
  visitor?: Visitor;
}

/** Why the capture time cannot be believed, if it cannot. */
export function captureAnomaly(e: Pick<GangwayEvent, 'capturedAt'>, ctx: EventContext): RaisedAlert | undefined {
  const ahead = Date.parse(e.capturedAt) - ctx.now.getTime();
  if (ahead > ctx.settings.clockSkewSeconds * 1000)
    return { rule: 'CLOCK_SKEW', detail: `captured-at is ${Math.round(ahead / 1000)} s ahead of the server clock` };
  if (!ctx.times) return undefined;
  const arrival = Date.parse(ctx.times.ata ?? ctx.times.eta) - ctx.settings.arrivalMarginHours * 3_600_000;
  if (Date.parse(e.capturedAt) < arrival)
    return {
      rule: 'BEFORE_ARRIVAL',
      detail: `captured at ${e.capturedAt}, more than ${ctx.settings.arrivalMarginHours} h before the ship's arrival`,
    };
  if (ctx.times.atd && e.capturedAt > ctx.times.atd)
    return {
      rule: 'AFTER_DEPARTURE',
      detail: `captured at ${e.capturedAt}, after the ship sailed at ${ctx.times.atd}`,
    };
  return undefined;
}

/** Every alert one event raises. */
export function alertsFor(e: GangwayEvent, ctx: EventContext): RaisedAlert[] {
  const alerts: RaisedAlert[] = [];
  const { settings } = ctx;
  if (!ctx.person && !ctx.visitor)
    alerts.push({ rule: 'NOT_ON_LIST', detail: `${e.personRef} is on neither the crew nor the passenger list` });
  if (e.method === 'FACE' && e.matchScore !== undefined && e.matchScore < settings.matchThreshold) {
    alerts.push({ rule: 'LOW_MATCH', detail: `face match below ${settings.matchThreshold}` });
  }
  if (e.method === 'FACE' && e.livenessPassed === false)
    alerts.push({ rule: 'LIVENESS_FAILED', detail: 'liveness check failed' });
  // A capture time that cannot be true is the finding: nothing is judged by it (pass windows,
  // document expiry, order of passes), so one bad clock raises one alert, not five.
  const anomaly = captureAnomaly(e, ctx);
  if (anomaly) return [...alerts, anomaly];
  const visitor = ctx.visitor && !ctx.person ? visitorBreach(ctx.visitor, e.capturedAt) : undefined;
  if (visitor) alerts.push(visitor);
  const landing = ctx.person && ctx.landing && e.direction === 'DISEMBARK' && landingBreach(ctx.landing, e.capturedAt);
  if (landing) alerts.push(landing);
  if (ctx.person && ctx.person.document.expiry < e.capturedAt.slice(0, 10)) {
    alerts.push({ rule: 'DOCUMENT_EXPIRED', detail: `identity document expired ${ctx.person.document.expiry}` });
  }
  // By when it happened, not when it arrived: a device may upload passes from before the permit.
  if (ctx.departureClearedAt && e.capturedAt > ctx.departureClearedAt) {
    alerts.push({
      rule: 'AFTER_DEPARTURE_CLEARANCE',
      detail: `${e.direction === 'BOARD' ? 'boarding' : 'landing'} after departure clearance`,
    });
  }
  const wasOnBoard = ctx.before ? ctx.before.state === 'ON_BOARD' : Boolean(ctx.person);
  const isNewer = !ctx.before?.lastEvent || ctx.before.lastEvent.capturedAt < e.capturedAt;
  if (e.direction === 'BOARD' && wasOnBoard && isNewer && ctx.before?.lastEvent?.direction === 'BOARD') {
    alerts.push({ rule: 'BOARDED_TWICE', detail: 'boarded again without landing' });
  }
  return alerts;
}

/** Whether someone ashore since `landedAt` is past the shore-leave limit. */
export function shoreLeaveOverdue(landedAt: string, now: Date, settings: GangwaySettings): boolean {
  return now.getTime() - Date.parse(landedAt) > settings.shoreLeaveHours * 3_600_000;
}
