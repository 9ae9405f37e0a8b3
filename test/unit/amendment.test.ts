// What an amendment re-runs: a table of the changes an agent makes, and what each must check again.
import { describe, expect, it } from 'vitest';
import { arrivalShape } from '#arrival/rules.ts';
import { amendmentScope } from '#clearance/amendment.ts';
import { departureShape } from '#departure/rules.ts';
import { announcement, crewMember, declaration } from '../support/fixtures.ts';

const base = declaration(announcement().eta);

describe('what an arrival amendment re-runs', () => {
  const withCrew = (crew: typeof base.crew) => ({
    ...base,
    crew,
    general: { ...base.general, crewCount: crew.length, personsOnBoard: crew.length + base.passengers.length },
  });
  it.each([
    ['the first declaration', undefined, base, { kind: 'FULL' }],
    ['the same declaration', base, base, { kind: 'SCHEDULE_ONLY' }],
    ['a new ETA', base, { ...base, schedule: { eta: '2027-01-01T00:00:00.000Z' } }, { kind: 'SCHEDULE_ONLY' }],
    [
      'a new berth and ETD',
      base,
      { ...base, schedule: { berth: 'B7', etd: '2027-01-03T00:00:00.000Z' } },
      { kind: 'SCHEDULE_ONLY' },
    ],
    [
      'one crew member renamed',
      base,
      withCrew(base.crew.map((c, i) => (i === 1 ? { ...c, familyName: 'XAVIER' } : c))),
      { kind: 'PERSONS', screen: [base.crew[1]!.ref] },
    ],
    [
      'one crew member added',
      base,
      withCrew([...base.crew, crewMember('X99')]),
      { kind: 'PERSONS', screen: [crewMember('X99').ref] },
    ],
    ['one crew member removed', base, withCrew(base.crew.slice(1)), { kind: 'PERSONS', screen: [] }],
    ['stowaways found', base, { ...base, health: { ...base.health, stowaways: true } }, { kind: 'FULL' }],
    [
      'a lower security level',
      base,
      { ...base, security: { ...base.security, securityLevel: 2 as const } },
      { kind: 'FULL' },
    ],
  ])('%s: %o', (_case, previous, next, scope) => {
    expect(amendmentScope(previous, next, arrivalShape)).toEqual(scope);
  });
});

describe('what a departure amendment re-runs', () => {
  const d = {
    sailing: ['C01', 'C02'],
    signOn: [crewMember('S07')],
    signOff: [],
    etd: '2027-01-03T00:00:00.000Z',
    personsOnBoard: 3,
  };
  it.each([
    ['a later ETD', { ...d, etd: '2027-01-03T06:00:00.000Z' }, { kind: 'SCHEDULE_ONLY' }],
    [
      'someone else signing on',
      { ...d, signOn: [crewMember('S08')] },
      { kind: 'PERSONS', screen: [crewMember('S08').ref] },
    ],
    ['one fewer sailing', { ...d, sailing: ['C01'], personsOnBoard: 2 }, { kind: 'FULL' }],
  ])('%s: %o', (_case, next, scope) => {
    expect(amendmentScope(d, next, departureShape)).toEqual(scope);
  });
});
