// The three zeros, computed: pure functions over what the calls, reviews and gangway record hold.
//   waiting = max(0, arrival cleared − ATA)   delay = max(0, departure cleared − ETD)
//   contactless share = gangway passes with no officer involvement / all passes
import { isFinal } from '#calls/lifecycle.ts';
import type { Call } from '#calls/schema.ts';
import type { CallFigures, Figures } from './schema.ts';
import { confirmedTime } from '#calls/times-of-record.ts';
import { type Rank, rankAscending } from '#functions/reports/ranking.ts';
import { type Tally, figuresOf, tallyBy, tallyOf } from './tally.ts';
import { roundTo as round } from '#shared/numbers.ts';

export interface CallFacts {
  call: Call;
  reviews: { openedAt: string; decidedAt?: string }[];
  passes: number;
  passesWithAlerts: number;
}

const MINUTE = 60_000;

/** From the confirmed ATA only: a time the agent alone proposed is not a measurement. */
export function waitingMinutes(call: Call): number | null {
  const cleared = call.arrival?.clearedAt;
  const ata = confirmedTime(call.ataRecord);
  if (!ata || !cleared) return null;
  return Math.max(0, (Date.parse(cleared) - Date.parse(ata)) / MINUTE);
}

export function delayMinutes(call: Call, now: Date): number | null {
  const cleared = call.departure?.state === 'CLEARED' ? call.departure.clearedAt : undefined;
  if (cleared) return Math.max(0, (Date.parse(cleared) - Date.parse(call.etd)) / MINUTE);
  // Not out yet: the delay so far, once ETD has passed.
  if (isAtRisk(call, now)) return (now.getTime() - Date.parse(call.etd)) / MINUTE;
  return null;
}

export function isAtRisk(call: Call, now: Date): boolean {
  const done = call.status === 'DEPARTURE_CLEARED' || isFinal(call.status);
  return !done && now.getTime() > Date.parse(call.etd);
}

export function callFigures(call: Call, now: Date): CallFigures {
  return {
    callId: call.callId,
    agentId: call.agentId,
    vesselName: call.vessel.name,
    status: call.status,
    eta: call.eta,
    etd: call.etd,
    waitingMinutes: round(waitingMinutes(call)),
    delayMinutes: round(delayMinutes(call, now)),
    atRiskOfDelay: isAtRisk(call, now),
  };
}

/**
 * What one call adds to the figures. Final once the call is closed (departed, rejected or cancelled), so the
 * port-day read model keeps these instead of the call, its reviews and its passes.
 */
export interface CallNumbers {
  callId: string;
  agentId: string;
  status: string;
  eta: string;
  waitingMinutes: number | null;
  /** Counted among delays: cleared to depart, or past ETD without it. */
  delayMinutes: number | null;
  leadHours: number | null;
  reviewsOpened: number;
  /** Time in review of each decided review. */
  reviewMinutes: number[];
  passes: number;
  passesWithAlerts: number;
}

export function numbersOf(f: CallFacts, now: Date): CallNumbers {
  const { call } = f;
  const counted = call.departure?.state === 'CLEARED' || isAtRisk(call, now);
  const cleared = call.arrival?.clearedAt;
  return {
    callId: call.callId,
    agentId: call.agentId,
    status: call.status,
    eta: call.eta,
    waitingMinutes: waitingMinutes(call),
    delayMinutes: counted ? delayMinutes(call, now) : null,
    leadHours: cleared ? (Date.parse(call.eta) - Date.parse(cleared)) / 3_600_000 : null,
    reviewsOpened: f.reviews.length,
    reviewMinutes: f.reviews
      .filter((r) => r.decidedAt)
      .map((r) => (Date.parse(r.decidedAt!) - Date.parse(r.openedAt)) / MINUTE),
    passes: f.passes,
    passesWithAlerts: f.passesWithAlerts,
  };
}

export function figures(facts: readonly CallFacts[], now: Date): Figures {
  return aggregate(facts.map((f) => numbersOf(f, now)));
}

export function aggregate(calls: readonly CallNumbers[]): Figures {
  return figuresOf(tallyOf(calls));
}

/**
 * Per agent, best first: mean waiting plus mean delay, over agents with at least `minMeasured`
 * measured calls; an agent with nothing measured is listed unranked, never as 0 minutes.
 */
export function byAgent(facts: readonly CallFacts[], now: Date, minMeasured = 1) {
  return rankAgents(
    tallyBy(
      facts.map((f) => numbersOf(f, now)),
      (c) => c.agentId,
    ),
    minMeasured,
  );
}

/** The ranking from each agent's tally. */
export function rankAgents(byAgent: ReadonlyMap<string, Tally>, minMeasured = 1) {
  const rows = [...byAgent].map(([agentId, t]) => ({ agentId, measuredCalls: t.measured, ...figuresOf(t) }));
  const total = (r: (typeof rows)[number]) =>
    r.meanWaitingMinutes === null && r.meanDelayMinutes === null
      ? null
      : (r.meanWaitingMinutes ?? 0) + (r.meanDelayMinutes ?? 0);
  return rankAscending(
    rows,
    total,
    (r) => r.measuredCalls,
    minMeasured,
    (r) => r.agentId,
  );
}

/** Per day of arrival (ETA, UTC), oldest first, from each day's tally. */
export function byDay(days: ReadonlyMap<string, Tally>) {
  return [...days].sort(([a], [b]) => a.localeCompare(b)).map(([day, t]) => ({ day, ...figuresOf(t) }));
}

export function toCsv(rows: readonly (Figures & Rank & { agentId: string; measuredCalls: number })[]): string {
  const columns = [
    'rank',
    'tied',
    'agentId',
    'measuredCalls',
    'calls',
    'zeroWaitingShare',
    'zeroDelayShare',
    'contactlessShare',
    'reviewsOpened',
    'medianMinutesInReview',
    'medianLeadHours',
    'meanWaitingMinutes',
    'meanDelayMinutes',
  ] as const;
  const cell = (v: unknown) =>
    v === null || v === undefined ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v);
  return `${[columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\n')}\n`;
}
