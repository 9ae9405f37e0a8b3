// What the three-zeros figures of many calls add up to, kept so that tallies merge: counts and
// sums add, and the two medians keep their values. The port-day read model stores one tally per
// agent and day, so an overview of a month (or a year) merges a tally a day instead of reading
// every call. Times are kept to a tenth of a minute (or hour), as the figures show them; sums are
// in whole tenths, so a tally merged from days says exactly what one made from the calls says.
import * as z from 'zod';
import { median, roundTo as round } from '#shared/numbers.ts';
import type { CallNumbers } from './kpis.ts';
import type { Figures } from './schema.ts';

const Count = z.number().int().min(0);

export const Tally = z.object({
  calls: Count,
  /** Calls whose waiting or delay was measured: what a ranking may rest on. */
  measured: Count,
  byStatus: z.record(z.string(), Count),
  waits: Count,
  zeroWaits: Count,
  waitTenths: Count,
  delays: Count,
  zeroDelays: Count,
  delayTenths: z.number().int(),
  reviewsOpened: Count,
  reviewMinutes: z.array(z.number()),
  leadHours: z.array(z.number()),
  passes: Count,
  flagged: Count,
});
export type Tally = z.infer<typeof Tally>;

/** One day of the read model: a tally per agent. */
export const DayTally = z.record(z.string(), Tally);
export type DayTally = z.infer<typeof DayTally>;

const tenths = (n: number) => Math.round(n * 10);

export function emptyTally(): Tally {
  return {
    calls: 0,
    measured: 0,
    byStatus: {},
    waits: 0,
    zeroWaits: 0,
    waitTenths: 0,
    delays: 0,
    zeroDelays: 0,
    delayTenths: 0,
    reviewsOpened: 0,
    reviewMinutes: [],
    leadHours: [],
    passes: 0,
    flagged: 0,
  };
}

/** Adds one call to `t` (in place). */
export function count(t: Tally, c: CallNumbers): Tally {
  t.calls += 1;
  if (c.waitingMinutes !== null || c.delayMinutes !== null) t.measured += 1;
  t.byStatus[c.status] = (t.byStatus[c.status] ?? 0) + 1;
  if (c.waitingMinutes !== null) {
    t.waits += 1;
    if (c.waitingMinutes === 0) t.zeroWaits += 1;
    t.waitTenths += tenths(c.waitingMinutes);
  }
  if (c.delayMinutes !== null) {
    t.delays += 1;
    if (c.delayMinutes === 0) t.zeroDelays += 1;
    t.delayTenths += tenths(c.delayMinutes);
  }
  t.reviewsOpened += c.reviewsOpened;
  for (const m of c.reviewMinutes) t.reviewMinutes.push(tenths(m) / 10);
  if (c.leadHours !== null) t.leadHours.push(tenths(c.leadHours) / 10);
  t.passes += c.passes;
  t.flagged += c.passesWithAlerts;
  return t;
}

export const tallyOf = (calls: readonly CallNumbers[]): Tally => calls.reduce(count, emptyTally());

/** Adds `from` to `into` (in place). */
export function merge(into: Tally, from: Tally): Tally {
  into.calls += from.calls;
  into.measured += from.measured;
  for (const [status, n] of Object.entries(from.byStatus)) into.byStatus[status] = (into.byStatus[status] ?? 0) + n;
  into.waits += from.waits;
  into.zeroWaits += from.zeroWaits;
  into.waitTenths += from.waitTenths;
  into.delays += from.delays;
  into.zeroDelays += from.zeroDelays;
  into.delayTenths += from.delayTenths;
  into.reviewsOpened += from.reviewsOpened;
  for (const m of from.reviewMinutes) into.reviewMinutes.push(m);
  for (const h of from.leadHours) into.leadHours.push(h);
  into.passes += from.passes;
  into.flagged += from.flagged;
  return into;
}

/** Tallies of one call each, grouped by `key` and merged. */
export function tallyBy(calls: readonly CallNumbers[], key: (c: CallNumbers) => string): Map<string, Tally> {
  const out = new Map<string, Tally>();
  for (const c of calls) {
    const k = key(c);
    const t = out.get(k) ?? emptyTally();
    out.set(k, count(t, c));
  }
  return out;
}

/**
 * The tallies of a window: the stored days' (per day, per agent) and the open calls' own, merged
 * overall, per agent and per day of arrival.
 */
export function windowTallies(closed: ReadonlyMap<string, DayTally>, open: readonly CallNumbers[]) {
  const agents = new Map<string, Tally>();
  const days = new Map<string, Tally>();
  const add = (into: Map<string, Tally>, key: string, t: Tally) =>
    into.set(key, merge(into.get(key) ?? emptyTally(), t));
  for (const [day, byAgent] of closed)
    for (const [agentId, t] of Object.entries(byAgent)) {
      add(agents, agentId, t);
      add(days, day, t);
    }
  for (const [agentId, t] of tallyBy(open, (c) => c.agentId)) add(agents, agentId, t);
  for (const [day, t] of tallyBy(open, (c) => c.eta.slice(0, 10))) add(days, day, t);
  return { total: [...agents.values()].reduce(merge, emptyTally()), agents, days };
}

const share = (part: number, whole: number) => (whole ? part / whole : null);
const meanOfTenths = (sum: number, n: number) => (n ? sum / 10 / n : null);

export function figuresOf(t: Tally): Figures {
  return {
    calls: t.calls,
    zeroWaitingShare: round(share(t.zeroWaits, t.waits), 3),
    zeroDelayShare: round(share(t.zeroDelays, t.delays), 3),
    contactlessShare: round(share(t.passes - t.flagged, t.passes), 3),
    reviewsOpened: t.reviewsOpened,
    medianMinutesInReview: round(median(t.reviewMinutes)),
    medianLeadHours: round(median(t.leadHours)),
    meanWaitingMinutes: round(meanOfTenths(t.waitTenths, t.waits)),
    meanDelayMinutes: round(meanOfTenths(t.delayTenths, t.delays)),
  };
}
