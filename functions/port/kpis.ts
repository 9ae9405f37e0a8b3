// The three zeros, computed: pure functions over what the calls, reviews and gangway record hold.
//   waiting = max(0, arrival cleared − ATA)   delay = max(0, departure cleared − ETD)
//   contactless share = gangway passes with no officer involvement / all passes
import { isFinal } from '#calls/lifecycle.ts';
import type { Call } from '#calls/schema.ts';
import type { CallFigures, Figures } from './schema.ts';
import { confirmedTime } from '#calls/times-of-record.ts';
import { type Rank, rankAscending } from '#functions/reports/ranking.ts';

export interface CallFacts {
  call: Call;
  reviews: { openedAt: string; decidedAt?: string }[];
  passes: number;
  passesWithAlerts: number;
}

const MINUTE = 60_000;

function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);
const share = (part: number, whole: number) => (whole ? part / whole : null);
const round = (n: number | null, digits = 1) => (n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits);

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
  const waits = calls.map((c) => c.waitingMinutes).filter((w): w is number => w !== null);
  const delays = calls.map((c) => c.delayMinutes).filter((d): d is number => d !== null);
  const inReview = calls.flatMap((c) => c.reviewMinutes);
  const leads = calls.map((c) => c.leadHours).filter((l): l is number => l !== null);
  const passes = calls.reduce((n, c) => n + c.passes, 0);
  const flagged = calls.reduce((n, c) => n + c.passesWithAlerts, 0);
  return {
    calls: calls.length,
    zeroWaitingShare: round(share(waits.filter((w) => w === 0).length, waits.length), 3),
    zeroDelayShare: round(share(delays.filter((d) => d === 0).length, delays.length), 3),
    contactlessShare: round(share(passes - flagged, passes), 3),
    reviewsOpened: calls.reduce((n, c) => n + c.reviewsOpened, 0),
    medianMinutesInReview: round(median(inReview)),
    medianLeadHours: round(median(leads)),
    meanWaitingMinutes: round(mean(waits)),
    meanDelayMinutes: round(mean(delays)),
  };
}

/**
 * Per agent, best first: mean waiting plus mean delay, over agents with at least `minMeasured`
 * measured calls; an agent with nothing measured is listed unranked, never as 0 minutes.
 */
export function byAgent(facts: readonly CallFacts[], now: Date, minMeasured = 1) {
  return rankAgents(
    facts.map((f) => numbersOf(f, now)),
    minMeasured,
  );
}

export function rankAgents(calls: readonly CallNumbers[], minMeasured = 1) {
  const rows = [...groupBy(calls, (c) => c.agentId)].map(([agentId, group]) => ({
    agentId,
    // Calls whose waiting or delay was measured: what a ranking may rest on.
    measuredCalls: group.filter((c) => c.waitingMinutes !== null || c.delayMinutes !== null).length,
    ...aggregate(group),
  }));
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

/** Per day of arrival (ETA, UTC), oldest first. */
export function byDay(calls: readonly CallNumbers[]) {
  return [...groupBy(calls, (c) => c.eta.slice(0, 10))]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, group]) => ({ day, ...aggregate(group) }));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
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
