// Arrival rules as an officer would state them.
import { describe, expect, it } from 'vitest';
import { assess, declarationViolations, healthFindings, reviewTimeoutSeconds, vesselFindings } from '#arrival/rules.ts';
import type { RiskReason } from '#clearance/schema.ts';
import { matchKey } from '#shared/name-match.ts';
import { announcement, crewMember, declaration } from '../support/fixtures.ts';

const call = announcement();
const now = new Date();
const rules = (d: ReturnType<typeof declaration>) =>
  declarationViolations(d, call, now).map((v) => `${v.path} ${v.rule}`);

describe('declaration rules', () => {
  it('accept the example declaration', () => {
    expect(rules(declaration(call.eta))).toEqual([]);
  });

  it.each([
    ['crew count', (d: any) => (d.general.crewCount = 2), 'general.crewCount CREW_COUNT_MISMATCH'],
    ['passenger count', (d: any) => (d.general.passengerCount = 1), 'general.passengerCount PASSENGER_COUNT_MISMATCH'],
    [
      'persons on board',
      (d: any) => (d.general.personsOnBoard = 9),
      'general.personsOnBoard PERSONS_ON_BOARD_MISMATCH',
    ],
    [
      'document expiring before ETD',
      (d: any) => (d.crew[1].document.expiry = call.eta.slice(0, 10)),
      'crew[1].document.expiry DOCUMENT_EXPIRES_BEFORE_ETD',
    ],
    ['duplicate reference', (d: any) => (d.crew[2].ref = 'C02'), 'crew[2].ref DUPLICATE_REF'],
    [
      'born in the future',
      (d: any) => (d.crew[0].dateOfBirth = '2999-01-01'),
      'crew[0].dateOfBirth BIRTH_DATE_IMPLAUSIBLE',
    ],
    ['ETA already past', (d: any) => (d.schedule = { eta: '2001-01-01T00:00:00Z' }), 'schedule.eta ETA_IN_PAST'],
    [
      'a last port left after arrival',
      (d: any) => (d.general.lastPortsOfCall[0].departed = '2099-01-01T00:00:00.000Z'),
      'general.lastPortsOfCall[0].departed PORT_AFTER_ARRIVAL',
    ],
  ])('flag a wrong %s', (_case, change, expected) => {
    expect(rules(declaration(call.eta, change))).toContain(expected);
  });

  it('find the same person declared twice under another name order and accents', () => {
    const d = declaration(call.eta, (x) => {
      x.crew.push(crewMember('C09', { familyName: 'Olena', givenNames: 'Kovalenko', dateOfBirth: '1992-01-05' }));
      x.general.crewCount = 4;
      x.general.personsOnBoard = 4;
    });
    expect(rules(d)).toEqual(['crew[3] DUPLICATE_PERSON']);
  });

  it.each([
    ['Müller Hans', 'HANS', 'MULLER'],
    ["O'Brien Seán", "O'BRIEN", 'Sean'],
  ])('normalise %s for matching', (_n, family, given) => {
    expect(matchKey({ familyName: family, givenNames: given })).toBe(
      matchKey({ familyName: given, givenNames: family }),
    );
  });
});

describe('risk findings', () => {
  const d = declaration(call.eta);

  it('find nothing on a clean vessel and health declaration', () => {
    expect(vesselFindings(call, d, {})).toEqual([]);
    expect(healthFindings(d, call.eta)).toEqual([]);
  });

  it.each([
    ['stowaways', (x: any) => (x.health.stowaways = true), 'STOWAWAYS', 'MAJOR'],
    ['a death', (x: any) => (x.health.deathsOnBoard = true), 'DEATH_ON_BOARD', 'MAJOR'],
    ['sick animals', (x: any) => (x.health.sickAnimals = true), 'SICK_ANIMALS', 'MINOR'],
    [
      'an old sanitation certificate',
      (x: any) => (x.health.sanitationCertificateValidUntil = '2020-01-01'),
      'SANITATION_CERTIFICATE_EXPIRED',
      'MINOR',
    ],
  ])('rate %s', (_case, change, code, severity) => {
    expect(healthFindings(declaration(call.eta, change), call.eta)).toEqual([
      expect.objectContaining({ code, severity }),
    ]);
  });

  it.each([
    ['a listed vessel', {}, { vesselListed: 'detained' }, 'VESSEL_WATCH_LISTED', 'MAJOR'],
    ['an expired ISSC', { isscValidUntil: '2020-01-01' }, {}, 'ISSC_EXPIRED', 'MAJOR'],
    ['security level 3', { securityLevel: 3 }, {}, 'SECURITY_LEVEL_RAISED', 'MAJOR'],
    ['security level 2', { securityLevel: 2 }, {}, 'SECURITY_LEVEL_RAISED', 'MINOR'],
  ])('rate %s', (_case, security, facts, code, severity) => {
    const x = declaration(call.eta, (y) => Object.assign(y.security, security));
    expect(vesselFindings(call, x, facts)).toEqual([expect.objectContaining({ code, severity })]);
  });

  const major: RiskReason = { code: 'STOWAWAYS', severity: 'MAJOR', detail: '' };
  const minor: RiskReason = { code: 'SICK_ANIMALS', severity: 'MINOR', detail: '' };
  it.each([
    [[], false, false],
    [[minor], false, true],
    [[minor], true, false],
    [[major], true, true],
    [[major, minor], false, true],
  ])('send %j to review (trusted agent: %s): %s', (reasons, trusted, review) => {
    expect(assess(reasons as RiskReason[], trusted).needsReview).toBe(review);
  });

  it('give officers until an hour before ETA, at least 15 minutes', () => {
    const t = new Date('2026-12-01T00:00:00Z');
    expect(reviewTimeoutSeconds('2026-12-01T10:00:00Z', t)).toBe(9 * 3600);
    expect(reviewTimeoutSeconds('2026-12-01T00:30:00Z', t)).toBe(900);
    expect(reviewTimeoutSeconds('2027-12-01T00:00:00Z', t)).toBe(7 * 86400);
  });
});
