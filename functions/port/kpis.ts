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

export function figures(facts: readonly CallFacts[], now: Date): Figures {
  const waits = facts.map((f) => waitingMinutes(f.call)).filter((w): w is number => w !== null);
  const delays = facts
    .filter((f) => f.call.departure?.state === 'CLEARED' || isAtRisk(f.call, now))
    .map((f) => delayMinutes(f.call, now))
    .filter((d): d is number => d !== null);
  const reviews = facts.flatMap((f) => f.reviews);
  const inReview = reviews
    .filter((r) => r.decidedAt)
    .map((r) => (Date.parse(r.decidedAt!) - Date.parse(r.openedAt)) / MINUTE);
  const leads = facts
    .filter((f) => f.call.arrival?.clearedAt)
    .map((f) => (Date.parse(f.call.eta) - Date.parse(f.call.arrival!.clearedAt!)) / 3_600_000);
  const passes = facts.reduce((n, f) => n + f.passes, 0);
  const flagged = facts.reduce((n, f) => n + f.passesWithAlerts, 0);
  return {
    calls: facts.length,
    zeroWaitingShare: round(share(waits.filter((w) => w === 0).length, waits.length), 3),
    zeroDelayShare: round(share(delays.filter((d) => d === 0).length, delays.length), 3),
    contactlessShare: round(share(passes - flagged, passes), 3),
    reviewsOpened: reviews.length,
    medianMinutesInReview: round(median(inReview)),
    medianLeadHours: round(median(leads)),
    meanWaitingMinutes: round(mean(waits)),
    meanDelayMinutes: round(mean(delays)),
  };
}

/** Calls whose waiting or delay was measured: what a ranking may rest on. */
function measuredCalls(group: readonly CallFacts[], now: Date): number {
  return group.filter((f) => waitingMinutes(f.call) !== null || delayMinutes(f.call, now) !== null).length;
}

/**
 * Per agent, best first: mean waiting plus mean delay, over agents with at least `minMeasured`
 * measured calls; an agent with nothing measured is listed unranked, never as 0 minutes.
 */
export function byAgent(facts: readonly CallFacts[], now: Date, minMeasured = 1) {
  const groups = new Map<string, CallFacts[]>();
  for (const f of facts) groups.set(f.call.agentId, [...(groups.get(f.call.agentId) ?? []), f]);
  const rows = [...groups].map(([agentId, group]) => ({
    agentId,
    measuredCalls: measuredCalls(group, now),
    ...figures(group, now),
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
