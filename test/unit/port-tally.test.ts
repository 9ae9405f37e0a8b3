// Tallies merge: however the calls are split into days and agents, the merged tallies give the
// figures and the ranking that the calls give taken together.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregate, rankAgents, type CallNumbers } from '#port/kpis.ts';
import { emptyTally, figuresOf, merge, tallyBy, tallyOf } from '#port/tally.ts';

const tenth = fc.integer({ min: 0, max: 20_000 }).map((n) => n / 10);
const numbers = fc.record({
  callId: fc.uuid(),
  agentId: fc.constantFrom('ACME', 'BLUE', 'CORAL'),
  status: fc.constantFrom('DEPARTED', 'CANCELLED', 'REJECTED'),
  eta: fc.constantFrom('2026-11-01', '2026-11-02', '2026-11-03').map((d) => `${d}T06:00:00.000Z`),
  waitingMinutes: fc.option(fc.oneof(fc.constant(0), tenth)),
  delayMinutes: fc.option(fc.oneof(fc.constant(0), tenth)),
  leadHours: fc.option(tenth),
  reviewsOpened: fc.integer({ min: 0, max: 3 }),
  reviewMinutes: fc.array(tenth, { maxLength: 3 }),
  passes: fc.integer({ min: 0, max: 50 }),
  passesWithAlerts: fc.integer({ min: 0, max: 2 }),
}) satisfies fc.Arbitrary<CallNumbers>;

describe('tallies', () => {
  it('merged from days give the figures of all the calls at once', () => {
    fc.assert(
      fc.property(fc.array(numbers, { maxLength: 60 }), (calls) => {
        const perDay = tallyBy(calls, (c) => c.eta.slice(0, 10));
        const merged = [...perDay.values()].reduce(merge, emptyTally());
        expect(figuresOf(merged)).toEqual(aggregate(calls));
        expect(merged.byStatus).toEqual(tallyOf(calls).byStatus);
      }),
    );
  });

  it('merged from days per agent rank the agents as the calls do', () => {
    fc.assert(
      fc.property(fc.array(numbers, { maxLength: 60 }), (calls) => {
        const byAgent = new Map<string, ReturnType<typeof emptyTally>>();
        for (const dayCalls of tallyBy(calls, (c) => c.eta.slice(0, 10)).keys()) {
          const ofDay = calls.filter((c) => c.eta.startsWith(dayCalls));
          for (const [agent, t] of tallyBy(ofDay, (c) => c.agentId))
            byAgent.set(agent, merge(byAgent.get(agent) ?? emptyTally(), t));
        }
        expect(rankAgents(byAgent)).toEqual(rankAgents(tallyBy(calls, (c) => c.agentId)));
      }),
    );
  });

  it('keep means exact in tenths: waits of 0.7 and 0.6 minutes are a mean of 0.65, shown 0.7 (floats: 0.6499…)', () => {
    const calls = [0.7, 0.6].map((w, i) => ({
      callId: `C${i}`,
      agentId: 'ACME',
      status: 'DEPARTED',
      eta: '2026-11-01T06:00:00.000Z',
      waitingMinutes: w,
      delayMinutes: null,
      leadHours: null,
      reviewsOpened: 0,
      reviewMinutes: [],
      passes: 0,
      passesWithAlerts: 0,
    }));
    expect((0.7 + 0.6) / 2).toBeLessThan(0.65);
    expect(figuresOf(tallyOf(calls)).meanWaitingMinutes).toBe(0.7);
  });
});
