// Dates no ship, agent or device can have meant, and names with characters that hide or reorder
// what an officer reads: each refused naming its field.
import { describe, expect, it } from 'vitest';
import { declarationViolations } from '#arrival/rules.ts';
import { announcementViolations, movementViolations } from '#calls/rules.ts';
import { NameText } from '#shared/values.ts';
import { announcement, declaration } from '../support/fixtures.ts';

const now = new Date('2026-12-01T12:00:00Z');
const rules = (problems: { path: string; rule: string }[]) => problems.map((p) => `${p.path} ${p.rule}`);

describe('announced schedules', () => {
  it.each([
    ['an ETA in 1900', '1900-01-01T00:00:00Z', '2026-12-05T00:00:00Z', ['eta ETA_IMPLAUSIBLE', 'etd STAY_TOO_LONG']],
    ['an ETA two days ago', '2026-11-29T12:00:00Z', '2026-12-05T00:00:00Z', ['eta ETA_IMPLAUSIBLE']],
    ['an ETA in 2999', '2999-01-01T00:00:00Z', '2999-01-03T00:00:00Z', ['eta ETA_TOO_FAR']],
    ['a stay of two years', '2026-12-03T00:00:00Z', '2028-12-03T00:00:00Z', ['etd STAY_TOO_LONG']],
    ['an ETA an hour ago (a late announcement)', '2026-12-01T11:00:00Z', '2026-12-02T00:00:00Z', []],
    ['next week', '2026-12-08T06:00:00Z', '2026-12-09T18:00:00Z', []],
  ])('%s: %j', (_case, eta, etd, expected) => {
    expect(rules(announcementViolations(announcement({ eta, etd }), now))).toEqual(expected);
  });
});

describe('actual arrival and departure times', () => {
  const call = { createdAt: '2026-11-28T08:00:00Z' };
  it.each([
    ['an ATA of 1970', 'ata', '1970-01-01T00:00:00Z', undefined, ['at MOVEMENT_BEFORE_CALL']],
    ['an ATA tomorrow', 'ata', '2026-12-02T12:00:00Z', undefined, ['at MOVEMENT_IN_FUTURE']],
    ['an ATA a minute ahead of the clock', 'ata', '2026-12-01T12:01:00Z', undefined, []],
    ['an ATA this morning', 'ata', '2026-12-01T06:00:00Z', undefined, []],
    ['an ATD before the ATA', 'atd', '2026-11-30T00:00:00Z', '2026-11-30T06:00:00Z', ['at MOVEMENT_BEFORE_CALL']],
    ['an ATD after the ATA', 'atd', '2026-12-01T10:00:00Z', '2026-11-30T06:00:00Z', []],
  ] as const)('%s: %j', (_case, kind, at, ata, expected) => {
    expect(rules(movementViolations({ ...call, ...(ata && { ata }) }, kind, at, now))).toEqual(expected);
  });
});

// Gangway capture times are not refused: an impossible one is recorded, alerted and moves nobody
// (functions/gangway/rules.ts, tested with the border rules).

describe('the security history of an arrival declaration', () => {
  it('refuses a last port left more than five years before the arrival, and an activity ahead of the clock', () => {
    const eta = '2026-12-05T06:00:00Z';
    const d = declaration(eta, (x) => {
      x.general.lastPortsOfCall[0]!.departed = '1900-01-01T00:00:00Z';
      x.security.shipToShipActivities = [{ location: 'off Busan', at: '2999-01-01T00:00:00Z', activity: 'bunkering' }];
    });
    const found = rules(declarationViolations(d, { eta, etd: '2026-12-06T18:00:00Z' }, now));
    expect(found).toContain('general.lastPortsOfCall[0].departed HISTORY_TOO_OLD');
    expect(found).toContain('general.shipToShipActivities[0].at ACTIVITY_IN_FUTURE');
  });
});

describe('names', () => {
  const name = NameText(100);
  it.each([
    ['a control character', 'HAI\u0007XING'],
    ['a right-to-left override', 'HAI \u202eGNIX'],
    ['a bidi isolate', 'HAI \u2066XING\u2069'],
    ['a zero-width space', 'HAI\u200bXING'],
    ['a zero-width joiner', 'HAI\u200dXING'],
    ['a byte-order mark', '\ufeffHAI XING'],
    ['a lone surrogate', 'HAI \ud800XING'],
    ['a line separator', 'HAI\u2028XING'],
    ['private use', 'HAI \ue000XING'],
  ])('refuses %s as HIDDEN_CHARACTERS', (_case, value) => {
    const issues = name.safeParse(value).error?.issues ?? [];
    expect(issues.map((i) => (i as { params?: { rule?: string } }).params?.rule)).toEqual(['HIDDEN_CHARACTERS']);
  });

  it.each([
    ['HAI XING 7', 'HAI XING 7'],
    ['  海星 7号 ', '海星 7号'],
    ['Ærø Ålesund', 'Ærø Ålesund'],
    ['СВЕТЛАНА', 'СВЕТЛАНА'],
    ['عبد الله', 'عبد الله'],
  ])('keeps %j as %j', (value, kept) => expect(name.parse(value)).toBe(kept));
});
