// The shift board, assembled: pure functions over the port's calls, open reviews and alerts, the
// persons of the ships in port and the gangway's counts. No I/O: the handler reads, this decides.
import type { Alert } from '#alerts/schema.ts';
import type { Call } from '#calls/schema.ts';
import type { PersonOnCall } from '#gangway/schema.ts';
import type { Review } from '#review/schema.ts';
import { type CallFacts, delayMinutes, isAtRisk, waitingMinutes } from './kpis.ts';
import type { ShiftBoard, ShipInPort } from './shift-schema.ts';
import { median, roundTo } from '#shared/numbers.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SEVERITY_ORDER = { HIGH: 0, MEDIUM: 1, LOW: 2 } as const;
const CLOSED = ['DEPARTED', 'CANCELLED', 'REJECTED'];

export interface ShiftInput {
  port: string;
  timeZone: string;
  now: Date;
  hours: number;
  days: number;
  shoreLeaveHours: number;
  /** The port's calls with ETA from the start of the period (or earlier, for ships still in port). */
  calls: readonly Call[];
  reviews: readonly Review[];
  alerts: readonly Alert[];
  /** Persons of each ship in port, by call id. */
  persons: ReadonlyMap<string, { counts: ShipInPort['counts']; persons: readonly PersonOnCall[] }>;
  /** What the figures are counted from: the calls of the period with their reviews and passes. */
  facts: readonly CallFacts[];
}

const ship = (call: Pick<Call, 'callId' | 'vessel' | 'agentId'>) => ({
  callId: call.callId,
  vesselName: call.vessel.name,
  imo: call.vessel.imo,
  agentId: call.agentId,
});

/** Alongside: arrived and not sailed. */
export const isInPort = (call: Call) => Boolean(call.ata) && !call.atd && !CLOSED.includes(call.status);

export function movements(calls: readonly Call[], now: Date, hours: number): ShiftBoard['movements'] {
  const until = now.getTime() + hours * HOUR;
  const out: ShiftBoard['movements'] = [];
  for (const call of calls) {
    if (CLOSED.includes(call.status)) continue;
    if (!call.ata && Date.parse(call.eta) <= until) {
      out.push({
        ...ship(call),
        kind: 'ARRIVAL',
        at: call.eta,
        status: call.status,
        ...(call.berth && { berth: call.berth }),
        late: Date.parse(call.eta) < now.getTime(),
        cleared: call.arrival?.state === 'CLEARED',
      });
    }
    if (call.ata && !call.atd && Date.parse(call.etd) <= until) {
      out.push({
        ...ship(call),
        kind: 'DEPARTURE',
        at: call.etd,
        status: call.status,
        ...(call.berth && { berth: call.berth }),
        late: isAtRisk(call, now),
        cleared: call.departure?.state === 'CLEARED',
      });
    }
  }
  return out.sort((a, b) => a.at.localeCompare(b.at));
}

function shipsInPort(input: ShiftInput): ShipInPort[] {
  const empty = { onBoard: 0, ashore: 0, unknown: 0, undeclared: 0, overdue: 0, missing: 0 };
  return input.calls
    .filter(isInPort)
    .map((call) => {
      const persons = input.persons.get(call.callId);
      return {
        ...ship(call),
        status: call.status,
        ...(call.berth && { berth: call.berth }),
        ...(call.ata && { ata: call.ata }),
        etd: call.etd,
        counts: persons?.counts ?? empty,
        flagged: (persons?.persons ?? [])
          .filter((p) => p.danger)
          .map((p) => ({ ref: p.ref, danger: p.danger!, ...(p.lastEvent && { since: p.lastEvent.capturedAt }) })),
      };
    })
    .sort((a, b) => b.flagged.length - a.flagged.length || a.etd.localeCompare(b.etd));
}

const count = (part: number, of: number) => ({ share: of ? Math.round((part / of) * 1000) / 1000 : null, part, of });

/** The figures as counts, so each share can say what it is a share of. */
export function shiftFigures(facts: readonly CallFacts[], now: Date): ShiftBoard['figures'] {
  const waits = facts.map((f) => waitingMinutes(f.call)).filter((w): w is number => w !== null);
  const delays = facts
    .filter((f) => f.call.departure?.state === 'CLEARED' || isAtRisk(f.call, now))
    .map((f) => delayMinutes(f.call, now))
    .filter((d): d is number => d !== null);
  const passes = facts.reduce((n, f) => n + f.passes, 0);
  const flagged = facts.reduce((n, f) => n + f.passesWithAlerts, 0);
  const decided = facts
    .flatMap((f) => f.reviews)
    .filter((r) => r.decidedAt)
    .map((r) => (Date.parse(r.decidedAt!) - Date.parse(r.openedAt)) / 60_000);
  return {
    zeroWaiting: count(waits.filter((w) => w === 0).length, waits.length),
    zeroDelay: count(delays.filter((d) => d === 0).length, delays.length),
    contactless: count(passes - flagged, passes),
    medianMinutesInReview: roundTo(median(decided)),
    reviewsDecided: decided.length,
  };
}

/** The port-local date of an instant, YYYY-MM-DD. */
export function localDay(at: Date | string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(at),
  );
}

/** Arrivals by the day they berthed and departures by the day they were due, in the port's zone. */
export function perDay(facts: readonly CallFacts[], now: Date, days: number, timeZone: string): ShiftBoard['perDay'] {
  const rows = new Map<string, ShiftBoard['perDay'][number]>();
  for (let i = days - 1; i >= 0; i -= 1) {
    const day = localDay(new Date(now.getTime() - i * DAY), timeZone);
    rows.set(day, { day, arrivalsWithoutWaiting: 0, arrivalsThatWaited: 0, departuresOnTime: 0, departuresLate: 0 });
  }
  for (const { call } of facts) {
    const waited = waitingMinutes(call);
    const arrivedOn = call.ata && rows.get(localDay(call.ata, timeZone));
    if (arrivedOn && waited !== null) {
      if (waited === 0) arrivedOn.arrivalsWithoutWaiting += 1;
      else arrivedOn.arrivalsThatWaited += 1;
    }
    const delayed = delayMinutes(call, now);
    const dueOn = rows.get(localDay(call.etd, timeZone));
    if (dueOn && delayed !== null && (call.departure?.state === 'CLEARED' || isAtRisk(call, now))) {
      if (delayed === 0) dueOn.departuresOnTime += 1;
      else dueOn.departuresLate += 1;
    }
  }
  return [...rows.values()];
}

export function buildShiftBoard(input: ShiftInput): ShiftBoard {
  const { now } = input;
  const callById = new Map(input.calls.map((c) => [c.callId, c]));
  const alerts = input.alerts
    .filter((a) => a.status !== 'RESOLVED')
    .map((a) => {
      const call = callById.get(a.callId);
      return {
        alertId: a.alertId,
        callId: a.callId,
        vesselName: call?.vessel.name ?? a.callId,
        imo: call?.vessel.imo ?? '',
        agentId: call?.agentId ?? '',
        rule: a.rule,
        severity: a.severity,
        status: a.status,
        ...(a.personRef && { personRef: a.personRef }),
        raisedAt: a.raisedAt,
        ...(a.owner && { owner: a.owner }),
      };
    })
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.raisedAt.localeCompare(a.raisedAt));
  const severityCount = (s: keyof typeof SEVERITY_ORDER) => alerts.filter((a) => a.severity === s).length;
  return {
    port: input.port,
    timeZone: input.timeZone,
    now: now.toISOString(),
    hours: input.hours,
    days: input.days,
    shoreLeaveHours: input.shoreLeaveHours,
    reviews: input.reviews
      .map((r) => ({
        reviewId: r.reviewId,
        callId: r.callId,
        vesselName: r.call.vesselName,
        imo: r.call.imo,
        agentId: r.call.agentId,
        kind: r.kind,
        openedAt: r.openedAt,
        deadline: r.deadline,
        escalated: r.escalated,
        reasons: r.reasons,
      }))
      .sort((a, b) => a.deadline.localeCompare(b.deadline)),
    movements: movements(input.calls, now, input.hours),
    inPort: shipsInPort(input),
    alerts: {
      counts: { HIGH: severityCount('HIGH'), MEDIUM: severityCount('MEDIUM'), LOW: severityCount('LOW') },
      items: alerts,
    },
    figures: shiftFigures(input.facts, now),
    perDay: perDay(input.facts, now, input.days, input.timeZone),
  };
}
