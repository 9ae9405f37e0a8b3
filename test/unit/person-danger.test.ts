// Which persons of a call an officer must look at, and how they are counted.
import { describe, expect, it } from 'vitest';
import { type DangerFacts, dangerOf, personCounts } from '#gangway/danger.ts';
import { localDay } from '#port/shift-board.ts';
import { portTimeZone } from '#port/time-zone.ts';

const now = new Date('2026-12-10T12:00:00Z');
const sailing = { etd: '2026-12-11T06:00:00Z', departureCleared: false };
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000).toISOString();

describe('person danger', () => {
  it.each<[string, DangerFacts, typeof sailing, string | undefined]>([
    ['crew on board', { list: 'CREW', state: 'ON_BOARD' }, sailing, undefined],
    ['a stranger on board', { list: 'NOT_DECLARED', state: 'ON_BOARD' }, sailing, 'UNDECLARED'],
    ['crew ashore 3 h', { list: 'CREW', state: 'ASHORE', lastPassAt: hoursAgo(3) }, sailing, undefined],
    ['crew ashore 13 h', { list: 'CREW', state: 'ASHORE', lastPassAt: hoursAgo(13) }, sailing, 'OVERDUE'],
    [
      'crew ashore when the permit is out',
      { list: 'CREW', state: 'ASHORE', lastPassAt: hoursAgo(1) },
      { ...sailing, departureCleared: true },
      'MISSING',
    ],
    [
      'a passenger not seen after ETD',
      { list: 'PASSENGER', state: 'UNKNOWN' },
      { ...sailing, etd: hoursAgo(1) },
      'MISSING',
    ],
  ])('%s: %s', (_what, person, ship, danger) => {
    expect(dangerOf(person, ship, now, 12)).toBe(danger);
  });

  it('never counts a stranger among the persons on board', () => {
    const persons = [
      { list: 'CREW', state: 'ON_BOARD' },
      { list: 'CREW', state: 'ASHORE', danger: 'OVERDUE' },
      { list: 'NOT_DECLARED', state: 'ON_BOARD', danger: 'UNDECLARED' },
    ] as const;
    expect(personCounts(persons)).toEqual({ onBoard: 1, ashore: 1, unknown: 0, undeclared: 1, overdue: 1, missing: 0 });
  });
});

describe('port time', () => {
  it.each([
    ['CNTXG', 'Asia/Shanghai'],
    ['USLAX', 'America/Los_Angeles'],
    ['SGSIN', 'Asia/Singapore'],
  ])('%s keeps %s', (port, zone) => expect(portTimeZone(port)).toBe(zone));

  it('puts a late-evening UTC instant on the next day in Tianjin', () => {
    expect(localDay('2026-12-10T17:00:00Z', 'Asia/Shanghai')).toBe('2026-12-11');
    expect(localDay('2026-12-10T17:00:00Z', 'UTC')).toBe('2026-12-10');
  });
});
