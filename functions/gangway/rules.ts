// Gangway rules, pure: what an event does to a person's presence, and which alerts it raises.
import type { CrewMember, Passenger } from '#shared/people.ts';
import { FORBIDDEN_FIELDS, type GangwayEvent, type Presence } from './schema.ts';

export interface GangwaySettings {
  /** A FACE match below this is an alert. */
  matchThreshold: number;
  /** How long someone may stay ashore. */
  shoreLeaveHours: number;
  /** How far ahead of the server clock a capture time may be. */
  clockSkewSeconds: number;
}

/** How far past the clock a capture may be: past the skew it is an alert, past this a refusal. */
export const CAPTURE_HORIZON_MS = 86_400_000;

/**
 * Why a capture time is one no device can have taken, or undefined: before the call was announced
 * (its devices are assigned after), or more than a day ahead of the clock.
 */
export function implausibleCapture(capturedAt: string, call: { createdAt: string }, now: Date): string | undefined {
  const at = Date.parse(capturedAt);
  if (at < Date.parse(call.createdAt) - CAPTURE_HORIZON_MS)
    return `is before the call was announced (${call.createdAt})`;
  if (at > now.getTime() + CAPTURE_HORIZON_MS) return 'is more than a day ahead of the clock';
  return undefined;
}

export const DEFAULT_SETTINGS: GangwaySettings = { matchThreshold: 0.8, shoreLeaveHours: 12, clockSkewSeconds: 300 };

export type AlertRule =
  | 'NOT_ON_LIST'
  | 'LOW_MATCH'
  | 'LIVENESS_FAILED'
  | 'DOCUMENT_EXPIRED'
  | 'AFTER_DEPARTURE_CLEARANCE'
  | 'SHORE_LEAVE_OVERDUE'
  | 'CLOCK_SKEW'
  | 'BOARDED_TWICE';

export const SEVERITY: Record<AlertRule, 'HIGH' | 'MEDIUM' | 'LOW'> = {
  NOT_ON_LIST: 'HIGH',
  LOW_MATCH: 'HIGH',
  LIVENESS_FAILED: 'HIGH',
  DOCUMENT_EXPIRED: 'MEDIUM',
  AFTER_DEPARTURE_CLEARANCE: 'HIGH',
  SHORE_LEAVE_OVERDUE: 'MEDIUM',
  CLOCK_SKEW: 'LOW',
  BOARDED_TWICE: 'MEDIUM',
};

export interface RaisedAlert {
  rule: AlertRule;
  detail: string;
}

/** The paths of forbidden (biometric) fields anywhere in a payload. */
export function forbiddenFields(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => forbiddenFields(v, `${path}[${i}]`));
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
}

/** Every alert one event raises. */
export function alertsFor(e: GangwayEvent, ctx: EventContext): RaisedAlert[] {
  const alerts: RaisedAlert[] = [];
  const { settings } = ctx;
  if (!ctx.person)
    alerts.push({ rule: 'NOT_ON_LIST', detail: `${e.personRef} is on neither the crew nor the passenger list` });
  if (e.method === 'FACE' && e.matchScore !== undefined && e.matchScore < settings.matchThreshold) {
    alerts.push({ rule: 'LOW_MATCH', detail: `face match below ${settings.matchThreshold}` });
  }
  if (e.method === 'FACE' && e.livenessPassed === false)
    alerts.push({ rule: 'LIVENESS_FAILED', detail: 'liveness check failed' });
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
  if (Date.parse(e.capturedAt) - ctx.now.getTime() > settings.clockSkewSeconds * 1000) {
    alerts.push({
      rule: 'CLOCK_SKEW',
      detail: `captured-at is ${Math.round((Date.parse(e.capturedAt) - ctx.now.getTime()) / 1000)} s ahead of the server clock`,
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
