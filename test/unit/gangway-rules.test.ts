// Gangway rules and the shore-leave sweep, with a fixed clock and in-memory stores.
import { describe, expect, it } from 'vitest';
import type { Alert } from '#alerts/schema.ts';
import type { AlertStore } from '#alerts/store.ts';
import { DEFAULT_SETTINGS, alertsFor, forbiddenFields, nextPresence, scoreBand } from '#gangway/rules.ts';
import type { GangwayEvent } from '#gangway/schema.ts';
import { sweepShoreLeave } from '#gangway/service.ts';
import type { GangwayStore, StoredPresence } from '#gangway/store.ts';
import { fixedClock } from '#shared/clock.ts';
import { crewMember, gangwayEvent } from '../support/fixtures.ts';

const event = gangwayEvent;
const ctx = {
  person: crewMember('C01'),
  before: undefined,
  departureClearedAt: undefined as string | undefined,
  now: new Date('2026-12-03T09:00:10Z'),
  settings: DEFAULT_SETTINGS,
};

describe('gangway rules', () => {
  it('find nothing wrong with a good face match of a listed person', () => {
    expect(alertsFor(event(), ctx)).toEqual([]);
  });

  it.each<[string, Partial<GangwayEvent>, string[], Partial<typeof ctx>]>([
    ['CARD', { method: 'CARD', matchScore: undefined, livenessPassed: undefined }, [], {}],
    [
      'after departure clearance',
      {},
      ['AFTER_DEPARTURE_CLEARANCE'],
      { departureClearedAt: '2026-12-03T08:00:00.000Z' },
    ],
    ['before departure clearance, uploaded after it', {}, [], { departureClearedAt: '2026-12-03T10:00:00.000Z' }],
    ['score at the threshold', { matchScore: 0.8 }, [], {}],
    ['score under the threshold', { matchScore: 0.79 }, ['LOW_MATCH'], {}],
  ])('rate a scan: %s', (_case, change, rules, extra) => {
    expect(alertsFor(event(change), { ...ctx, ...extra }).map((a) => a.rule)).toEqual(rules);
  });

  it('band scores without keeping them', () => {
    expect([0.99, 0.9, 0.5, undefined].map((s) => scoreBand(s, 0.8))).toEqual(['HIGH', 'MEDIUM', 'LOW', undefined]);
  });

  it('move presence only forward in captured time', () => {
    const first = nextPresence(undefined, { ...event(), deviceId: 'D1' })!;
    expect(first.state).toBe('ASHORE');
    expect(
      nextPresence(first, { ...event({ direction: 'BOARD', capturedAt: '2026-12-03T08:00:00.000Z' }), deviceId: 'D1' }),
    ).toBeUndefined();
    expect(
      nextPresence(first, { ...event({ direction: 'BOARD', capturedAt: '2026-12-03T10:00:00.000Z' }), deviceId: 'D1' })!
        .state,
    ).toBe('ON_BOARD');
  });

  it('find biometric fields at any depth, whatever their spelling', () => {
    expect(
      forbiddenFields({ events: [{ a: 1 }, { face_image: 'x', nested: { MRZ: 'P<CHN' } }], template: [] }),
    ).toEqual(['events[1].face_image', 'events[1].nested.MRZ', 'template']);
  });
});

describe('shore-leave sweep', () => {
  function fakes(ashore: StoredPresence[]) {
    const raised = new Map<string, Alert>();
    const gangway = {
      ashoreSince: async (before: string) => ashore.filter((p) => p.landedAt! < before),
    } as unknown as GangwayStore;
    const alerts = {
      raise: async (a: Alert) => !raised.has(a.alertId) && !!raised.set(a.alertId, a),
    } as unknown as AlertStore;
    const events = { publish: async () => undefined };
    return { gangway, alerts, events, raised };
  }
  const ashore = (ref: string, landedAt: string): StoredPresence => ({
    ref,
    callId: 'C1',
    port: 'CNTXG',
    state: 'ASHORE',
    landedAt,
    lastEvent: { eventId: `e-${ref}`, direction: 'DISEMBARK', capturedAt: landedAt, deviceId: 'D1' },
  });

  it('raises one alert per overdue landing, however often it runs', async () => {
    const f = fakes([ashore('C01', '2026-12-03T00:00:00.000Z'), ashore('C02', '2026-12-03T08:00:00.000Z')]);
    const clock = fixedClock('2026-12-03T13:00:00Z');
    const deps = { ...f, clock, settings: { ...DEFAULT_SETTINGS, retentionDays: 30 } };
    expect(await sweepShoreLeave(deps)).toBe(1);
    expect(await sweepShoreLeave(deps)).toBe(0);
    expect([...f.raised.values()].map((a) => [a.personRef, a.rule])).toEqual([['C01', 'SHORE_LEAVE_OVERDUE']]);
    clock.advance(8 * 3_600_000);
    expect(await sweepShoreLeave(deps)).toBe(1);
  });
});
