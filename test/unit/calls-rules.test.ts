// Port-call rules, as tables of cases a border officer would recognise.
import { describe, expect, it } from 'vitest';
import { announcementViolations, canView, isImoNumber, isShipMmsi } from '#calls/rules.ts';
import { isCountryAlpha2, isCountryAlpha3, isUnLocode } from '#shared/codes.ts';
import { announcement } from '../support/fixtures.ts';

describe('vessel identifiers', () => {
  it.each([
    ['9412347', true],
    ['9074729', true],
    ['9412348', false],
    ['941234', false],
    ['94123477', false],
    ['94I2347', false],
  ])('IMO %s valid: %s', (imo, ok) => expect(isImoNumber(imo)).toBe(ok));

  it.each([
    ['477123400', true],
    ['413000000', true],
    ['177123400', false],
    ['97712340', false],
    ['47712340A', false],
  ])('ship MMSI %s valid: %s', (mmsi, ok) => expect(isShipMmsi(mmsi)).toBe(ok));
});

describe('reference codes', () => {
  it.each([
    ['CNTXG', true],
    ['KRPUS', true],
    ['NLRTM', true],
    ['XXABC', false],
    ['CNTX1', false],
    ['cntxg', false],
  ])('UN/LOCODE %s valid: %s', (code, ok) => expect(isUnLocode(code)).toBe(ok));

  it.each([
    ['HK', true],
    ['PA', true],
    ['XX', false],
    ['hk', false],
  ])('flag %s valid: %s', (c, ok) => expect(isCountryAlpha2(c)).toBe(ok));
  it.each([
    ['CHN', true],
    ['PHL', true],
    ['D', true],
    ['XXA', true],
    ['ABC', false],
  ])('document state %s valid: %s', (c, ok) => expect(isCountryAlpha3(c)).toBe(ok));
});

describe('announcement rules', () => {
  const now = new Date();

  it('finds nothing wrong with a well-formed announcement', () => {
    expect(announcementViolations(announcement(), now)).toEqual([]);
  });

  it.each([
    ['a wrong IMO check digit', { vessel: { ...announcement().vessel, imo: '9412340' } }, 'vessel.imo'],
    ['a coast-station MMSI', { vessel: { ...announcement().vessel, mmsi: '002110000' } }, 'vessel.mmsi'],
    ['an unknown flag', { vessel: { ...announcement().vessel, flag: 'ZZ' } }, 'vessel.flag'],
    ['a port in no country', { port: 'QQABC' }, 'port'],
    ['the last port equal to this port', { lastPort: 'CNTXG' }, 'lastPort'],
  ])('names the field for %s', (_case, change, path) => {
    const problems = announcementViolations({ ...announcement(), ...change }, now);
    expect(problems.map((p) => p.path)).toEqual([path]);
  });

  it('refuses a departure before the arrival', () => {
    const a = announcement();
    expect(announcementViolations({ ...a, etd: a.eta }, now)).toEqual([
      expect.objectContaining({
        path: 'etd',
        rule: 'ETD_NOT_AFTER_ETA',
        en: 'the departure must be after the arrival (ETA before ETD)',
      }),
    ]);
  });

  it('refuses a call whose departure is already past', () => {
    const a = announcement({ daysAhead: -5 });
    expect(announcementViolations(a, now).map((p) => p.rule)).toContain('ETD_IN_PAST');
  });
});

describe('visibility and cancelling', () => {
  const call = { callId: 'C1', agentId: 'ACME-SHIPPING', port: 'CNTXG' };
  it.each([
    [{ role: 'agent', sub: 'a', agentId: 'ACME-SHIPPING' }, true],
    [{ role: 'agent', sub: 'b', agentId: 'OTHER' }, false],
    [{ role: 'officer', sub: 'o', port: 'CNTXG' }, true],
    [{ role: 'officer', sub: 'o', port: 'CNSHA' }, false],
    [{ role: 'supervisor', sub: 's', port: 'CNTXG' }, true],
    [{ role: 'device', sub: 'd', deviceId: 'd', port: 'CNTXG', callId: 'C1' }, true],
    [{ role: 'device', sub: 'd', deviceId: 'd', port: 'CNTXG', callId: 'C2' }, false],
  ] as const)('%o sees the call: %s', (principal, ok) => expect(canView(principal, call)).toBe(ok));
});
