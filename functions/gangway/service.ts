// Recording gangway events: each stored once, presence moved by the newest capture, alerts raised
// once per cause, and the bus told. A repeat of an event re-applies what a crash might have cut
// short, and changes nothing else.
import { alertIdFor, type AlertStore } from '#alerts/store.ts';
import type { Alert } from '#alerts/schema.ts';
import type { DeclarationStore } from '#arrival/store.ts';
import type { ArrivalDeclaration } from '#arrival/schema.ts';
import type { CallStore, StoredCall } from '#calls/store.ts';
import type { DepartureDeclaration } from '#departure/schema.ts';
import type { Principal } from '#shared/auth.ts';
import type { Clock } from '#shared/clock.ts';
import { NotFoundError, RuleViolationError } from '#shared/errors.ts';
import { detailsFromZod } from '#shared/errors.ts';
import type { DomainEvent, EventPublisher } from '#shared/events.ts';
import { violation } from '#shared/i18n.ts';
import type { CrewMember, Passenger } from '#shared/people.ts';
import { canView } from '#calls/rules.ts';
import { dangerOf, personCounts } from './danger.ts';
import {
  type AlertRule,
  type EventContext,
  type GangwaySettings,
  type RaisedAlert,
  SEVERITY,
  alertsFor,
  forbiddenFields,
  movesPresence,
  nextPresence,
  scoreBand,
  shoreLeaveOverdue,
} from './rules.ts';
import { type EventResult, GangwayEvent, type PersonOnCall, type StoredEvent } from './schema.ts';
import type { GangwayStore, StoredPresence } from './store.ts';
import { type BorderContext, type BorderDeps, borderContext } from './border.ts';
import { gateMovement } from './departure-gate.ts';
import { fingerprint } from './fingerprint.ts';

export interface GangwayDeps extends BorderDeps {
  gangway: GangwayStore;
  alerts: AlertStore;
  calls: CallStore;
  declarations: DeclarationStore<ArrivalDeclaration>;
  departures: DeclarationStore<DepartureDeclaration>;
  /** Re-runs the departure clearance when what it depends on changes (the zero-delay guard). */
  recheck: (callId: string, why: string) => Promise<unknown>;
  events: EventPublisher;
  clock: Clock;
  settings: GangwaySettings & { retentionDays: number };
}

type DevicePrincipal = Extract<Principal, { role: 'device' }>;

/** Everyone declared for the call: the arrival lists, and crew signing on for departure. */
async function declaredPersons(deps: Pick<GangwayDeps, 'declarations' | 'departures'>, call: StoredCall) {
  const persons = new Map<string, { person: CrewMember | Passenger; list: 'CREW' | 'PASSENGER' }>();
  if (!call.arrival) return persons;
  const arrivalVersion = call.arrival.version;
  // As read lately: an upload seldom reads the lists (DeclarationStore.recent).
  const stored = await deps.declarations.recent(call.callId, arrivalVersion);
  for (const p of stored?.declaration.crew ?? []) persons.set(p.ref, { person: p, list: 'CREW' });
  for (const p of stored?.declaration.passengers ?? []) persons.set(p.ref, { person: p, list: 'PASSENGER' });
  if (call.departure) {
    const departureVersion = call.departure.version;
    const departure = await deps.departures.recent(call.callId, departureVersion);
    for (const p of departure?.declaration.signOn ?? []) persons.set(p.ref, { person: p, list: 'CREW' });
  }
  return persons;
}

/** Takes the body as posted: one event or `{ events: [...] }`. */
export function eventsOf(body: unknown): unknown[] {
  const forbidden = forbiddenFields(body);
  if (forbidden.length) {
    // Refused whole, before anything is stored: biometrics never enter the system.
    throw new RuleViolationError(
      'Images, face templates and MRZ data are never accepted',
      forbidden.map((path) =>
        violation(
          path,
          'BIOMETRIC_DATA_REFUSED',
          'biometric or document-scan data is not accepted: send the match result only',
          '不接受生物特征或证件扫描数据：只需发送比对结果',
        ),
      ),
    );
  }
  return body && typeof body === 'object' && 'events' in body && Array.isArray((body as { events: unknown }).events)
    ? (body as { events: unknown[] }).events
    : [body];
}

export async function recordEvents(
  deps: GangwayDeps,
  device: DevicePrincipal,
  raw: unknown[],
): Promise<{
  accepted: number;
  duplicates: number;
  rejected: number;
  results: EventResult[];
}> {
  const now = deps.clock.now();
  const call = await deps.calls.get(device.callId);
  if (!call) throw new NotFoundError(`No call ${device.callId}`);
  const results: EventResult[] = new Array(raw.length);

  // Check every event first; then each person's events in order, different persons at once.
  const byPerson = new Map<string, { index: number; event: GangwayEvent }[]>();
  for (const [index, input] of raw.entries()) {
    const parsed = GangwayEvent.safeParse(input);
    if (!parsed.success) {
      const eventId = (input as { eventId?: unknown })?.eventId;
      results[index] = {
        index,
        ...(typeof eventId === 'string' && { eventId }),
        status: 'rejected',
        reason: 'INVALID_EVENT',
        details: detailsFromZod(parsed.error),
      };
    } else if (parsed.data.callId !== device.callId) {
      results[index] = {
        index,
        eventId: parsed.data.eventId,
        status: 'rejected',
        reason: 'DEVICE_NOT_ASSIGNED_TO_CALL',
      };
    } else {
      byPerson.set(parsed.data.personRef, [
        ...(byPerson.get(parsed.data.personRef) ?? []),
        { index, event: parsed.data },
      ]);
    }
  }
  if (!byPerson.size) return summary(results);

  const declared = await declaredPersons(deps, call);
  const published: DomainEvent[] = [];
  const all = [...byPerson.values()].flat();
  const border = await borderContext(
    deps,
    call,
    all.map((x) => x.event),
    declared,
  );
  const contextOf = (e: GangwayEvent, before: StoredPresence | undefined): EventContext => ({
    person: declared.get(e.personRef)?.person,
    before,
    departureClearedAt: departureClearedAt(call),
    now,
    settings: deps.settings,
    ...borderFacts(border, e.personRef),
  });
  if (all.length === 1) {
    await recordOne(deps, call, device, contextOf, all[0]!, now, results, published);
    return finish(deps, call, results, published);
  }
  const refs = [...byPerson.keys()];
  // Each event claims its id with a conditional write: of identical uploads sent at once, exactly
  // one is told `accepted` for each event; other content under a used id is refused (409).
  const [presence, claims] = await Promise.all([
    deps.gangway.presenceOf(call.callId, refs).then((list) => new Map(list.map((p) => [p.ref, p]))),
    deps.gangway.claimEvents(
      all.map((x) =>
        storedEvent(x.event, device.deviceId, now, deps.settings, alertsFor(x.event, contextOf(x.event, undefined))),
      ),
      deps.settings.retentionDays,
    ),
  ]);
  const claimOf = new Map(all.map((x, i) => [x.index, claims[i]!]));
  const alerts: Alert[] = [];
  const moves: StoredPresence[] = [];

  for (const [ref, events] of byPerson) {
    // In capture order, so "boarded twice" and presence read the person's real sequence. A repeat
    // is re-applied too, in case a crash cut it short: newest captured-at still wins.
    let before = presence.get(ref);
    let moved: StoredPresence | undefined;
    for (const { index, event: e } of [...events].sort((x, y) =>
      x.event.capturedAt.localeCompare(y.event.capturedAt),
    )) {
      const claim = claimOf.get(index)!;
      if (claim === 'conflict') {
        results[index] = conflictResult(index, e);
        continue;
      }
      const raised = alertsFor(e, contextOf(e, before));
      // Someone on no list is one cause however often they pass; the others are per event.
      for (const alert of raised) alerts.push(alertOf(call, device, e, alert, now, deps.settings));
      const next = movesPresence(raised) ? nextPresence(before, { ...e, deviceId: device.deviceId }) : undefined;
      if (next) before = moved = { ...next, callId: call.callId, port: call.port };
      results[index] = { index, eventId: e.eventId, status: claim === 'new' ? 'accepted' : 'duplicate' };
    }
    if (moved) moves.push(moved);
  }

  const gate = moves.length ? await gateFor(deps, call, moves.length) : 'OPEN';
  if (gate === 'DEPARTED') alerts.push(...moves.map((m) => sailedAlert(call, device, m, now)));
  await Promise.all([
    ...(gate === 'OPEN' ? moves : []).map(async (m) => {
      if (await deps.gangway.movePresence(m)) published.push(movement(m));
    }),
    ...alerts.map(async (alert) => {
      if (await deps.alerts.raise(alert)) published.push(alertRaised(alert));
    }),
  ]);
  return finish(deps, call, results, published);
}

/**
 * One event: claim its id first (a conflict changes nothing), then — cleared to sail — commit the
 * re-check, then move presence. A failed match or an impossible capture time moves nobody.
 */
async function recordOne(
  deps: GangwayDeps,
  call: StoredCall,
  device: DevicePrincipal,
  contextOf: (e: GangwayEvent, before: StoredPresence | undefined) => EventContext,
  { index, event: e }: { index: number; event: GangwayEvent },
  now: Date,
  results: EventResult[],
  published: DomainEvent[],
) {
  const first = alertsFor(e, contextOf(e, undefined));
  const claim = await deps.gangway.claimEvent(
    storedEvent(e, device.deviceId, now, deps.settings, first),
    deps.settings.retentionDays,
  );
  if (claim === 'conflict') {
    results[index] = conflictResult(index, e);
    return;
  }
  const candidate = {
    ...nextPresence(undefined, { ...e, deviceId: device.deviceId })!,
    callId: call.callId,
    port: call.port,
  };
  const gate = movesPresence(first) ? await gateFor(deps, call, 1) : 'HELD';
  const move = gate === 'OPEN' ? await deps.gangway.movePresenceFrom(candidate) : { moved: false as const };
  // An older capture than the one on record moves nothing and cannot be a second boarding.
  const before = move.moved ? move.previous : undefined;
  if (move.moved) published.push(movement(candidate));
  const raised = move.moved ? alertsFor(e, contextOf(e, before)) : first;
  const alerts = raised.map((alert) => alertOf(call, device, e, alert, now, deps.settings));
  if (gate === 'DEPARTED') alerts.push(sailedAlert(call, device, candidate, now));
  for (const alert of alerts) {
    if (await deps.alerts.raise(alert)) published.push(alertRaised(alert));
  }
  results[index] = { index, eventId: e.eventId, status: claim === 'new' ? 'accepted' : 'duplicate' };
}

function borderFacts(border: BorderContext, ref: string): Pick<EventContext, 'times' | 'landing' | 'visitor'> {
  const landing = border.landingOf(ref);
  const visitor = border.visitorOf(ref);
  return { times: border.times, ...(landing && { landing }), ...(visitor && { visitor }) };
}

function conflictResult(index: number, e: GangwayEvent): EventResult {
  return {
    index,
    eventId: e.eventId,
    status: 'rejected',
    httpStatus: 409,
    reason: 'EVENT_ID_REUSED',
    details: [{ path: 'eventId', message: 'this event id was already recorded with other content' }],
  };
}

/** While cleared to sail, the re-check commits before a movement is written (departure-gate.ts). */
function gateFor(deps: GangwayDeps, call: StoredCall, moves: number): Promise<'OPEN' | 'DEPARTED'> {
  if (call.status !== 'DEPARTED' && !call.departure) return Promise.resolve('OPEN');
  return gateMovement(
    { calls: deps.calls, recheck: deps.recheck },
    call.callId,
    `${moves} gangway movement${moves === 1 ? '' : 's'}`,
  );
}

/** A movement that found the ship sailed: recorded and alerted, presence left as it was. */
function sailedAlert(call: StoredCall, device: DevicePrincipal, m: StoredPresence, now: Date): Alert {
  const last = m.lastEvent!;
  return {
    alertId: alertIdFor(call.callId, 'AFTER_DEPARTURE', m.ref, last.eventId),
    callId: call.callId,
    port: call.port,
    personRef: m.ref,
    rule: 'AFTER_DEPARTURE',
    severity: SEVERITY.AFTER_DEPARTURE,
    detail: `${last.direction === 'BOARD' ? 'boarding' : 'landing'} recorded after the ship sailed`,
    evidence: { eventId: last.eventId, deviceId: device.deviceId, capturedAt: last.capturedAt },
    status: 'OPEN',
    raisedAt: now.toISOString(),
  };
}

function alertOf(
  call: StoredCall,
  device: DevicePrincipal,
  e: GangwayEvent,
  alert: { rule: AlertRule; detail: string },
  now: Date,
  settings: GangwayDeps['settings'],
): Alert {
  return {
    // Someone on no list is one cause however often they pass; the others are per event.
    alertId: alertIdFor(call.callId, alert.rule, e.personRef, ...(alert.rule === 'NOT_ON_LIST' ? [] : [e.eventId])),
    callId: call.callId,
    port: call.port,
    personRef: e.personRef,
    rule: alert.rule,
    severity: SEVERITY[alert.rule],
    detail: alert.detail,
    evidence: {
      eventId: e.eventId,
      deviceId: device.deviceId,
      capturedAt: e.capturedAt,
      ...(e.matchScore !== undefined && { scoreBand: scoreBand(e.matchScore, settings.matchThreshold) }),
    },
    status: 'OPEN',
    raisedAt: now.toISOString(),
  };
}

function movement(m: StoredPresence): DomainEvent {
  const last = m.lastEvent!;
  return {
    type: last.direction === 'BOARD' ? 'PersonBoarded' : 'PersonLanded',
    callId: m.callId,
    port: m.port,
    detail: { personRef: m.ref, eventId: last.eventId, capturedAt: last.capturedAt, deviceId: last.deviceId },
  };
}

function alertRaised(alert: Alert): DomainEvent {
  return {
    type: 'AlertRaised',
    callId: alert.callId,
    port: alert.port,
    detail: { alertId: alert.alertId, rule: alert.rule, severity: alert.severity, personRef: alert.personRef },
  };
}

async function finish(deps: GangwayDeps, call: StoredCall, results: EventResult[], published: DomainEvent[]) {
  if (published.length) await deps.events.publish(published);
  // Zero delay guard: someone moved, or a high alert came up, while the departure is being cleared.
  const moved = published.filter((e) => e.type === 'PersonBoarded' || e.type === 'PersonLanded').length;
  const highAlerts = published.filter((e) => e.type === 'AlertRaised' && e.detail.severity === 'HIGH').length;
  if (call.departure && (moved || highAlerts)) {
    await deps.recheck(
      call.callId,
      [moved && `${moved} gangway movements`, highAlerts && `${highAlerts} high alerts`].filter(Boolean).join(', '),
    );
  }
  return summary(results);
}

/** What is kept of an event: the decision, a score band, liveness and algorithm; no score, no face. */
function storedEvent(
  e: GangwayEvent,
  deviceId: string,
  now: Date,
  settings: GangwayDeps['settings'],
  alerts: readonly RaisedAlert[] = [],
): StoredEvent {
  const held = movesPresence(alerts) ? [] : alerts.map((a) => a.rule);
  return {
    eventId: e.eventId,
    callId: e.callId,
    deviceId,
    personRef: e.personRef,
    direction: e.direction,
    method: e.method,
    ...(e.matchScore !== undefined && { scoreBand: scoreBand(e.matchScore, settings.matchThreshold) }),
    ...(e.livenessPassed !== undefined && { livenessPassed: e.livenessPassed }),
    ...(e.algorithm && { algorithm: e.algorithm }),
    capturedAt: e.capturedAt,
    receivedAt: now.toISOString(),
    fingerprint: fingerprint(e),
    ...(held.length && { attemptOnly: held }),
  };
}

function departureClearedAt(call: StoredCall): string | undefined {
  return call.departure?.state === 'CLEARED' || call.status === 'DEPARTED' ? call.departure?.clearedAt : undefined;
}

function summary(results: EventResult[]) {
  const count = (status: EventResult['status']) => results.filter((r) => r.status === status).length;
  return { accepted: count('accepted'), duplicates: count('duplicate'), rejected: count('rejected'), results };
}

/** Everyone on the call's lists (and anyone seen who is not), with where they are. */
export async function personsOnCall(
  deps: Pick<GangwayDeps, 'calls' | 'declarations' | 'departures' | 'gangway' | 'clock'> & {
    settings: Pick<GangwaySettings, 'shoreLeaveHours'>;
  },
  principal: Principal,
  callId: string,
) {
  const call = await deps.calls.get(callId);
  if (!call || !canView(principal, call)) throw new NotFoundError(`No call ${callId}`);
  const declared = await declaredPersons(deps, call);
  const presence = new Map((await deps.gangway.presence(callId)).map((p) => [p.ref, p]));
  const persons: PersonOnCall[] = [];
  for (const [ref, { person, list }] of declared) {
    const p = presence.get(ref);
    persons.push({
      ref,
      list,
      familyName: person.familyName,
      givenNames: person.givenNames,
      ...('rank' in person && { rank: person.rank }),
      nationality: person.nationality,
      // Declared on arrival means on board until a gangway event says otherwise.
      state: p?.state ?? 'ON_BOARD',
      ...(p?.lastEvent && { lastEvent: p.lastEvent }),
    });
  }
  for (const [ref, p] of presence) {
    if (!declared.has(ref))
      persons.push({ ref, list: 'NOT_DECLARED', state: p.state, ...(p.lastEvent && { lastEvent: p.lastEvent }) });
  }
  const now = deps.clock.now();
  const ship = { etd: call.etd, departureCleared: call.departure?.state === 'CLEARED' };
  for (const p of persons) {
    const danger = dangerOf({ ...p, lastPassAt: p.lastEvent?.capturedAt }, ship, now, deps.settings.shoreLeaveHours);
    if (danger) p.danger = danger;
  }
  return { callId, counts: personCounts(persons), persons };
}

/** Raises an alert for everyone ashore past the shore-leave limit (once per landing). */
export async function sweepShoreLeave(
  deps: Pick<GangwayDeps, 'gangway' | 'alerts' | 'events' | 'clock' | 'settings'> & {
    /** When each seafarer signing off from a call leaves: they are not on shore leave. */
    signOffs?: (callId: string) => Promise<Map<string, string>>;
  },
): Promise<number> {
  const now = deps.clock.now();
  const cutoff = new Date(now.getTime() - deps.settings.shoreLeaveHours * 3_600_000).toISOString();
  let raised = 0;
  const published: DomainEvent[] = [];
  const signOffs = new Map<string, Promise<Map<string, string>>>();
  for (const p of await deps.gangway.ashoreSince(cutoff)) {
    if (!p.landedAt || !shoreLeaveOverdue(p.landedAt, now, deps.settings)) continue;
    if (deps.signOffs) {
      if (!signOffs.has(p.callId)) signOffs.set(p.callId, deps.signOffs(p.callId));
      const leaves = (await signOffs.get(p.callId)!).get(p.ref);
      if (leaves && now.toISOString() <= leaves) continue;
    }
    const alert: Alert = {
      alertId: alertIdFor(p.callId, 'SHORE_LEAVE_OVERDUE', p.ref, p.lastEvent?.eventId ?? p.landedAt),
      callId: p.callId,
      port: p.port,
      personRef: p.ref,
      rule: 'SHORE_LEAVE_OVERDUE',
      severity: SEVERITY.SHORE_LEAVE_OVERDUE,
      detail: `ashore since ${p.landedAt}, over ${deps.settings.shoreLeaveHours} h`,
      evidence: {
        ...(p.lastEvent && {
          eventId: p.lastEvent.eventId,
          deviceId: p.lastEvent.deviceId,
          capturedAt: p.lastEvent.capturedAt,
        }),
      },
      status: 'OPEN',
      raisedAt: now.toISOString(),
    };
    if (await deps.alerts.raise(alert)) {
      raised += 1;
      published.push({
        type: 'AlertRaised',
        callId: p.callId,
        port: p.port,
        detail: { alertId: alert.alertId, rule: alert.rule, severity: alert.severity, personRef: p.ref },
      });
    }
  }
  if (published.length) await deps.events.publish(published);
  return raised;
}
