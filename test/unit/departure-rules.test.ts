// Departure rules: declaration consistency and crew reconciliation against the gangway record.
import { describe, expect, it } from 'vitest';
import { departureReviewSeconds, departureViolations, reconcile } from '#departure/rules.ts';
import type { DepartureDeclaration } from '#departure/schema.ts';
import { crewMember, declaration } from '../support/fixtures.ts';

const arrival = declaration('2026-12-03T06:00:00Z');
const base: DepartureDeclaration = {
  sailing: ['C01', 'C02', 'C03'],
  signOn: [],
  signOff: [],
  etd: new Date(Date.now() + 2 * 86_400_000).toISOString(),
  personsOnBoard: 3,
};
const trip = (ref: string, hoursAhead: number) => ({
  ref,
  mode: 'AIR' as const,
  reference: 'CA1234',
  at: new Date(Date.now() + hoursAhead * 3_600_000).toISOString(),
});
/** C03 signs off for a flight, C09 signs on off one. */
const crewChange = (travel: Partial<NonNullable<DepartureDeclaration['travel']>>): Partial<DepartureDeclaration> => ({
  sailing: ['C01', 'C02'],
  signOff: ['C03'],
  signOn: [crewMember('C09')],
  personsOnBoard: 3,
  travel: { onward: [trip('C03', 5)], arrival: [trip('C09', -2)], ...travel },
  etd: new Date(Date.now() + 86_400_000).toISOString(),
});
const rules = (d: Partial<DepartureDeclaration>) =>
  departureViolations({ ...base, ...d }, arrival, new Date()).map((v) => `${v.path} ${v.rule}`);

describe('departure declaration rules', () => {
  it('accept everyone from arrival sailing', () => expect(rules({})).toEqual([]));

  it.each([
    ['someone unaccounted for', { sailing: ['C01', 'C02'], personsOnBoard: 2 }, 'sailing PERSON_UNACCOUNTED'],
    [
      'a stranger sailing',
      { sailing: ['C01', 'C02', 'C03', 'X9'], personsOnBoard: 4 },
      'sailing[3] NOT_ON_ARRIVAL_LISTS',
    ],
    ['someone sailing and signing off', { signOff: ['C03'] }, 'signOff[0] BOTH_SAILING_AND_SIGNED_OFF'],
    [
      'a sign-on reusing a reference',
      { signOn: [crewMember('C01')], personsOnBoard: 4 },
      'signOn[0].ref DUPLICATE_REF',
    ],
    ['a wrong head count', { personsOnBoard: 5 }, 'personsOnBoard PERSONS_ON_BOARD_MISMATCH'],
    ['a departure in the past', { etd: '2001-01-01T00:00:00.000Z' }, 'etd ETD_IN_PAST'],
    ['a departure in 2999', { etd: '2999-01-01T00:00:00.000Z' }, 'etd ETD_TOO_FAR'],
    ['a sign-off without onward travel', crewChange({ onward: [] }), 'signOff[0] ONWARD_TRAVEL_MISSING'],
    ['a sign-on without arrival travel', crewChange({ arrival: [] }), 'signOn[0] ARRIVAL_TRAVEL_MISSING'],
    [
      'onward travel for someone not signing off',
      crewChange({ onward: [trip('C03', 1), trip('C02', 1)] }),
      'travel.onward[1].ref NOT_SIGNING_OFF',
    ],
    [
      'an onward flight that has already left',
      crewChange({ onward: [trip('C03', -1)] }),
      'travel.onward[0].at TRANSPORT_ALREADY_LEFT',
    ],
  ])('refuse %s', (_case, change, expected) => expect(rules(change)).toContain(expected));

  it('accept a crew change with each journey declared', () => expect(rules(crewChange({}))).toEqual([]));
});

describe('crew reconciliation', () => {
  const presence = (ashore: string[]) => (ref: string) =>
    (ashore.includes(ref) ? 'ASHORE' : 'ON_BOARD') as 'ASHORE' | 'ON_BOARD';

  it('finds nothing when the gangway record matches the list', () => {
    expect(reconcile(base, presence([]), ['C01', 'C02', 'C03'])).toEqual([]);
  });

  it('names who is ashore, who is on board unlisted, and the count', () => {
    const reasons = reconcile(base, presence(['C02']), ['C01', 'C03', 'X7']);
    expect(reasons.map((r) => `${r.code} ${r.personRef ?? ''}`.trim())).toEqual([
      'SAILING_PERSON_ASHORE C02',
      'ON_BOARD_NOT_LISTED X7',
    ]);
  });

  it('wants signed-off persons ashore and sign-ons on board', () => {
    const d = { ...base, sailing: ['C01', 'C02'], signOff: ['C03'], signOn: [crewMember('C09')], personsOnBoard: 3 };
    const onBoard = (ref: string) =>
      (['C01', 'C02', 'C03'].includes(ref) ? 'ON_BOARD' : 'UNKNOWN') as 'ON_BOARD' | 'UNKNOWN';
    expect(reconcile(d, onBoard, ['C01', 'C02', 'C03']).map((r) => r.code)).toEqual([
      'SIGN_ON_NOT_BOARDED',
      'SIGN_OFF_STILL_ON_BOARD',
      'ON_BOARD_NOT_LISTED',
    ]);
  });

  it('gives an officer until half an hour before ETD', () => {
    expect(departureReviewSeconds('2026-12-04T18:00:00Z', new Date('2026-12-04T12:00:00Z'))).toBe(5.5 * 3600);
  });
});
