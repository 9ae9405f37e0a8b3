// The FAL 5 / FAL 6 person record as tables: minimum crew age, the master on the list and named in
// FAL 1, ranks from the list, countries of birth (with former countries) and ICAO document codes.
import { describe, expect, it } from 'vitest';
import { ageOn, masterViolations, underAgeViolations } from '#persons/fal.ts';
import { CountryOfBirth, CrewMember } from '#shared/people.ts';
import { crewMember } from '../support/fixtures.ts';

describe('crew list rules', () => {
  it.each([
    ['2010-12-03', '2026-12-03', 16],
    ['2010-12-04', '2026-12-03', 15],
    ['2010-02-28', '2026-02-27', 15],
    ['2008-02-29', '2026-02-28', 17],
  ])('born %s is %i on %s', (born, day, age) => expect(ageOn(born, day)).toBe(age));

  it.each([
    ['16 today', '2010-12-03', []],
    ['16 tomorrow', '2010-12-04', ['crew[0].dateOfBirth CREW_UNDER_MINIMUM_AGE']],
  ])('a seafarer %s', (_case, dateOfBirth, expected) => {
    const found = underAgeViolations([crewMember('C01', { dateOfBirth })], '2026-12-03', 'crew');
    expect(found.map((v) => `${v.path} ${v.rule}`)).toEqual(expected);
  });

  const master = crewMember('C01', { familyName: 'LI', givenNames: 'Wei', rank: 'MASTER' });
  it.each([
    ['named as on the list', [master], 'LI Wei', []],
    ['named the other way round and in capitals', [master], 'WEI LI', []],
    ['named with a look-alike letter', [master], 'L\u0406 Wei', []],
    ['missing from the list', [crewMember('C02')], 'LI Wei', ['crew MASTER_NOT_ON_CREW_LIST']],
    ['named differently', [master], 'WANG Jun', ['general.masterName MASTER_NAME_MISMATCH']],
    ['listed twice', [master, { ...master, ref: 'C09' }], 'LI Wei', ['crew[1].rank MORE_THAN_ONE_MASTER']],
  ])('the master %s', (_case, crew, name, expected) => {
    expect(masterViolations(crew, name).map((v) => `${v.path} ${v.rule}`)).toEqual(expected);
  });
});

describe('the person record', () => {
  it.each([
    ['CHN', true],
    ['SUHH', true],
    ['YUCS', true],
    ['DDDE', true],
    ['CSHH', true],
    ['SU', false],
    ['QQQQ', false],
    ['ZZZ', false],
  ])('country of birth %s accepted: %s', (code, ok) => expect(CountryOfBirth.safeParse(code).success).toBe(ok));

  it.each([
    ['D', true],
    ['GBD', true],
    ['XXA', true],
    ['XXX', true],
    ['UNO', true],
    ['EUE', true],
    ['ZZZ', false],
  ])('nationality %s accepted: %s', (code, ok) =>
    expect(CrewMember.safeParse(crewMember('C01', { nationality: code })).success).toBe(ok),
  );

  it.each([
    ['a rank from the list', { rank: 'CHIEF_ENGINEER' }, true],
    ['OTHER with its text', { rank: 'OTHER', rankText: 'Dynamic positioning operator' }, true],
    ['OTHER without text', { rank: 'OTHER' }, false],
    ['a rank not on the list', { rank: 'CAPTAIN' }, false],
    ['a residence permit', { entryPermit: { kind: 'RESIDENCE_PERMIT', number: 'RP1234567' } }, true],
    ['crew effects', { effects: [{ description: 'cigarettes, cartons', quantity: 2 }] }, true],
  ])('a crew member with %s is valid: %s', (_case, change, ok) =>
    expect(CrewMember.safeParse({ ...crewMember('C01'), ...change }).success).toBe(ok),
  );
});
