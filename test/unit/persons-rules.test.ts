// Persons' border rules as tables an officer would recognise: who may land when, visitors'
// permits, missing persons, captures that move nobody, and free text that carries a scan.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, alertsFor, captureAnomaly, forbiddenFields, movesPresence } from '#gangway/rules.ts';
import type { GangwayEvent } from '#gangway/schema.ts';
import { sensitiveContent } from '#persons/free-text.ts';
import { type CallFacts, exitPresence, landingBreach, landingPermission, visitorBreach } from '#persons/rules.ts';
import type { LandingDecision, Visitor } from '#persons/schema.ts';
import { crewMember, gangwayEvent } from '../support/fixtures.ts';

const call: CallFacts = {
  eta: '2026-12-03T06:00:00.000Z',
  etd: '2026-12-04T18:00:00.000Z',
  ata: '2026-12-03T07:00:00.000Z',
  arrivalCleared: true,
};
const decision = (
  subject: string,
  d: LandingDecision['decision'],
  window: Partial<LandingDecision> = {},
): LandingDecision => ({
  decisionId: `L-${subject}`,
  subject,
  decision: d,
  reason: 'r',
  decidedBy: 'o',
  decidedAt: '2026-12-03T08:00:00.000Z',
  ...window,
});

describe('landing permission', () => {
  it.each<
    [
      string,
      Partial<CallFacts>,
      LandingDecision[],
      'SHORE_PASS' | 'NONE',
      'CREW' | 'PASSENGER',
      string,
      string?,
      string?,
    ]
  >([
    [
      'nobody before the arrival is cleared',
      { arrivalCleared: false },
      [decision('CREW', 'SHORE_PASS')],
      'SHORE_PASS',
      'CREW',
      'NOT_YET_CLEARED',
    ],
    [
      'the port default: a pass for the stay',
      {},
      [],
      'SHORE_PASS',
      'CREW',
      'SHORE_PASS',
      '2026-12-03T07:00:00.000Z',
      '2026-12-04T18:00:00.000Z',
    ],
    ['a port whose default is no pass', {}, [], 'NONE', 'CREW', 'NONE'],
    [
      'the stay ends at the ATD once sailed',
      { atd: '2026-12-04T12:00:00.000Z' },
      [],
      'SHORE_PASS',
      'CREW',
      'SHORE_PASS',
      '2026-12-03T07:00:00.000Z',
      '2026-12-04T12:00:00.000Z',
    ],
    [
      'the stay starts at the ETA before the ATA',
      { ata: undefined },
      [],
      'SHORE_PASS',
      'CREW',
      'SHORE_PASS',
      '2026-12-03T06:00:00.000Z',
      '2026-12-04T18:00:00.000Z',
    ],
    ['the crew-wide refusal', {}, [decision('CREW', 'REFUSED')], 'SHORE_PASS', 'CREW', 'REFUSED'],
    [
      'a crew-wide decision does not bind passengers',
      {},
      [decision('CREW', 'REFUSED')],
      'SHORE_PASS',
      'PASSENGER',
      'SHORE_PASS',
      '2026-12-03T07:00:00.000Z',
      '2026-12-04T18:00:00.000Z',
    ],
    [
      'a person’s exception beats the crew-wide decision',
      {},
      [decision('CREW', 'REFUSED'), decision('C01', 'SHORE_PASS', { from: '2026-12-03T10:00:00.000Z' })],
      'NONE',
      'CREW',
      'SHORE_PASS',
      '2026-12-03T10:00:00.000Z',
      '2026-12-04T18:00:00.000Z',
    ],
    ['held on board', {}, [decision('C01', 'HELD_ON_BOARD')], 'SHORE_PASS', 'CREW', 'HELD_ON_BOARD'],
  ])('%s', (_case, facts, decisions, portDefault, list, status, from, until) => {
    const permission = landingPermission({ ref: 'C01', list }, decisions, { ...call, ...facts }, portDefault);
    expect(permission).toMatchObject({ status, ...(from && { from }), ...(until && { until }) });
  });

  it.each<[string, Parameters<typeof landingBreach>[0], string, string | undefined]>([
    [
      'before clearance',
      { status: 'NOT_YET_CLEARED', basis: 'ARRIVAL_NOT_CLEARED' },
      '2026-12-03T09:00:00.000Z',
      'LANDING_BEFORE_CLEARANCE',
    ],
    ['with no pass', { status: 'NONE', basis: 'PORT_DEFAULT' }, '2026-12-03T09:00:00.000Z', 'LANDING_NOT_PERMITTED'],
    ['refused', { status: 'REFUSED', basis: 'CREW' }, '2026-12-03T09:00:00.000Z', 'LANDING_NOT_PERMITTED'],
    [
      'held on board',
      { status: 'HELD_ON_BOARD', basis: 'PERSON' },
      '2026-12-03T09:00:00.000Z',
      'LANDING_NOT_PERMITTED',
    ],
    [
      'inside the pass',
      { status: 'SHORE_PASS', from: '2026-12-03T07:00:00.000Z', until: '2026-12-03T19:00:00.000Z', basis: 'PERSON' },
      '2026-12-03T09:00:00.000Z',
      undefined,
    ],
    [
      'at the first minute of the pass',
      { status: 'SHORE_PASS', from: '2026-12-03T07:00:00.000Z', until: '2026-12-03T19:00:00.000Z', basis: 'PERSON' },
      '2026-12-03T07:00:00.000Z',
      undefined,
    ],
    [
      'before the pass',
      { status: 'SHORE_PASS', from: '2026-12-03T07:00:00.000Z', until: '2026-12-03T19:00:00.000Z', basis: 'PERSON' },
      '2026-12-03T06:59:59.000Z',
      'LANDING_OUTSIDE_PASS',
    ],
    [
      'after the pass',
      { status: 'SHORE_PASS', from: '2026-12-03T07:00:00.000Z', until: '2026-12-03T19:00:00.000Z', basis: 'PERSON' },
      '2026-12-03T19:00:01.000Z',
      'LANDING_OUTSIDE_PASS',
    ],
  ])('a landing %s breaks %s', (_case, permission, at, rule) => {
    expect(landingBreach(permission, at)?.rule).toBe(rule);
  });
});

describe('visitors and missing persons', () => {
  const visitor = (status: Visitor['status']): Visitor => ({
    visitorId: 'V0000000001',
    callId: 'C1',
    familyName: 'MOREAU',
    givenNames: 'Luc',
    dateOfBirth: '1979-03-02',
    nationality: 'FRA',
    document: { type: 'PASSPORT', number: 'FR1234567', issuingState: 'FRA' },
    company: 'Pilots',
    purpose: 'PILOT',
    from: '2026-12-03T08:00:00.000Z',
    until: '2026-12-03T12:00:00.000Z',
    status,
    requestedBy: 'ACME',
    requestedAt: '2026-12-02T08:00:00.000Z',
  });

  it.each<[Visitor['status'], string, string | undefined]>([
    ['GRANTED', '2026-12-03T09:00:00.000Z', undefined],
    ['GRANTED', '2026-12-03T07:59:00.000Z', 'VISITOR_OUTSIDE_PERMIT'],
    ['GRANTED', '2026-12-03T12:01:00.000Z', 'VISITOR_OUTSIDE_PERMIT'],
    ['REQUESTED', '2026-12-03T09:00:00.000Z', 'VISITOR_NOT_PERMITTED'],
    ['REFUSED', '2026-12-03T09:00:00.000Z', 'VISITOR_NOT_PERMITTED'],
  ])('a %s visitor scanned at %s breaks %s', (status, at, rule) => {
    expect(visitorBreach(visitor(status), at)?.rule).toBe(rule);
  });

  it.each<[Parameters<typeof exitPresence>[0], boolean, boolean, string]>([
    ['ASHORE', false, false, 'ASHORE'],
    ['ASHORE', true, false, 'MISSING'],
    ['ASHORE', true, true, 'ASHORE'],
    ['ON_BOARD', true, false, 'ON_BOARD'],
    [undefined, true, false, 'ON_BOARD'],
  ])('someone %s, sailed %s, signed off %s is %s', (state, sailed, signedOff, expected) => {
    expect(exitPresence(state, sailed, signedOff)).toBe(expected);
  });
});

describe('captures that move nobody', () => {
  const event = gangwayEvent;
  const ctx = {
    person: crewMember('C01'),
    before: undefined,
    departureClearedAt: undefined,
    now: new Date('2026-12-03T09:00:10Z'),
    settings: DEFAULT_SETTINGS,
    times: { eta: call.eta, ata: call.ata },
  };

  it.each<[string, Partial<GangwayEvent>, Record<string, unknown>, string[], boolean]>([
    ['a good scan', {}, {}, [], true],
    ['a failed liveness check', { livenessPassed: false }, {}, ['LIVENESS_FAILED'], false],
    ['a low match', { matchScore: 0.5 }, {}, ['LOW_MATCH'], false],
    ['a device clock in 2999', { capturedAt: '2999-01-01T00:00:00.000Z' }, {}, ['CLOCK_SKEW'], false],
    ['a capture in year 0001', { capturedAt: '0001-01-01T00:00:00.000Z' }, {}, ['BEFORE_ARRIVAL'], false],
    ['13 hours before the ship arrives', { capturedAt: '2026-12-02T18:00:00.000Z' }, {}, ['BEFORE_ARRIVAL'], false],
    ['within the margin before arrival', { capturedAt: '2026-12-03T02:00:00.000Z' }, {}, [], true],
    [
      'after the ship sailed',
      {},
      { times: { eta: call.eta, atd: '2026-12-03T08:00:00.000Z' } },
      ['AFTER_DEPARTURE'],
      false,
    ],
  ])('%s: alerts %j, moves presence %s', (_case, change, extra, rules, moves) => {
    const alerts = alertsFor(event(change), { ...ctx, ...extra } as never);
    expect(alerts.map((a) => a.rule)).toEqual(rules);
    expect(movesPresence(alerts)).toBe(moves);
  });

  it('names the skew in seconds', () => {
    expect(captureAnomaly({ capturedAt: '2026-12-03T09:10:10.000Z' }, ctx as never)?.detail).toMatch(/600 s ahead/);
  });

  it.each([
    ['a face image by field name', { face: 'x' }, ['face']],
    ['a data URI under an innocent name', { note: 'data:image/png;base64,iVBORw0KGgo=' }, ['note']],
    ['a long base64 run', { blob: 'QUJD'.repeat(40) }, ['blob']],
    ['a face template as numbers', { vector: Array.from({ length: 128 }, (_, i) => i / 128) }, ['vector']],
    ['an ordinary event', { eventId: 'e', matchScore: 0.9, algorithm: 'vendor-x/face-1:1@4.2' }, []],
  ])('the biometric guard finds %s', (_case, body, paths) => {
    expect(forbiddenFields(body)).toEqual(paths);
  });
});

describe('free text', () => {
  it.each([
    ['a TD3 passport line', 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'MRZ_LINE'],
    ['a TD3 second line', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10', 'MRZ_LINE'],
    ['a TD1 line', 'I<UTOD231458907<<<<<<<<<<<<<<<', 'MRZ_LINE'],
    ['an MRZ line broken by spaces', 'P<UTO ERIKSSON<<ANNA<MARIA <<<<<<<<<<<<<<<<<<<', 'MRZ_LINE'],
    ['a data URI', 'see data:image/jpeg;base64,/9j/4AAQ', 'EMBEDDED_DATA'],
    ['a long base64 run', `scan ${'QUJD'.repeat(30)}`, 'EMBEDDED_DATA'],
    ['an ordinary reason', 'Crew member hospitalised; agent arranges repatriation via PEK on 2026-12-06.', undefined],
    ['a document number', 'passport E12345678 checked with the issuing state', undefined],
  ])('%s is %s', (_case, text, found) => {
    expect(sensitiveContent(text)).toBe(found);
  });
});
