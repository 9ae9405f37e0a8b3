// A permit follows its call: what each lifecycle effect does to it, and how its code verifies.
import { describe, expect, it } from 'vitest';
import { newVerificationCode, permitAfter, verificationStatus } from '#permits/rules.ts';
import type { Permit } from '#permits/schema.ts';

const permit = (over: Partial<Permit> = {}): Permit => ({
  callId: 'C1',
  kind: 'arrival',
  version: 1,
  status: 'VALID',
  issuedAt: '2026-12-01T00:00:00.000Z',
  issuedBy: 'system',
  verificationCode: '7KQ2-M4XD-9PRT-C3VW',
  vesselName: 'KOTA MEGAH',
  imo: '9412347',
  port: 'CNTXG',
  eta: '2026-12-02T00:00:00.000Z',
  etd: '2026-12-03T00:00:00.000Z',
  ...over,
});
const ctx = {
  at: '2026-12-01T10:00:00.000Z',
  why: 'because',
  version: 2,
  eta: '2026-12-02T03:00:00.000Z',
  etd: '2026-12-03T03:00:00.000Z',
};

describe('permit effects', () => {
  it.each([
    ['SUPERSEDE', 'VALID', 'SUPERSEDED'],
    ['SUSPEND', 'VALID', 'SUSPENDED'],
    ['REVOKE', 'VALID', 'REVOKED'],
    ['REVOKE', 'SUSPENDED', 'REVOKED'],
    ['SUSPEND', 'SUPERSEDED', 'SUPERSEDED'],
    ['SUPERSEDE', 'REVOKED', 'REVOKED'],
  ] as const)('%s of a %s permit leaves it %s', (effect, from, to) => {
    expect(permitAfter(effect, permit({ status: from }), ctx)?.status).toBe(to);
  });

  it('re-dates a permit for a schedule change, keeping its code and status', () => {
    const after = permitAfter('REDATE', permit(), ctx)!;
    expect(after).toMatchObject({ version: 2, status: 'VALID', verificationCode: '7KQ2-M4XD-9PRT-C3VW', eta: ctx.eta });
    expect(after.redatedAt).toBe(ctx.at);
  });

  it('reinstates a suspended permit of the same version, and replaces any other', () => {
    const issue = permit({ version: 2, verificationCode: 'AAAA-BBBB-CCCC-DDDD' });
    expect(permitAfter('ISSUE', permit({ version: 2, status: 'SUSPENDED' }), { ...ctx, issue })).toMatchObject({
      status: 'VALID',
      verificationCode: '7KQ2-M4XD-9PRT-C3VW',
    });
    expect(permitAfter('ISSUE', permit({ version: 1, status: 'SUPERSEDED' }), { ...ctx, issue })).toBe(issue);
  });

  it.each([
    ['the code of the permit the call holds', 'VALID', '7KQ2-M4XD-9PRT-C3VW', 2, 'VALID'],
    ['the same, while the permit is revoked', 'REVOKED', '7KQ2-M4XD-9PRT-C3VW', 2, 'REVOKED'],
    ['the code of an older version', 'VALID', 'ZZZZ-ZZZZ-ZZZZ-ZZZZ', 1, 'SUPERSEDED'],
    ['a code whose clearance lost its race', 'VALID', 'ZZZZ-ZZZZ-ZZZZ-ZZZZ', 2, undefined],
  ] as const)('verifies %s as %s', (_case, status, code, printedVersion, expected) => {
    const p = permit({ version: 2, status });
    expect(verificationStatus(p, code, { version: printedVersion })).toBe(expected);
  });

  it('verifies nothing for a call with no permit or a code never registered', () => {
    expect(verificationStatus(undefined, '7KQ2-M4XD-9PRT-C3VW', { version: 1 })).toBeUndefined();
    expect(verificationStatus(permit(), '7KQ2-M4XD-9PRT-C3VW', undefined)).toBeUndefined();
  });

  it('makes codes that read aloud in groups of four, without look-alike letters', () => {
    for (let i = 0; i < 200; i++)
      expect(newVerificationCode()).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  });
});
