// Reading the caller from authoriser claims: roles, scoping claims, and hostile claim sets.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actsAs, parseGroups, principalFromClaims, requireRole } from '#shared/auth.ts';
import { AppError, ForbiddenError, UnauthorizedError } from '#shared/errors.ts';

describe('principal from claims', () => {
  it.each([
    ['[agents]', ['agents']],
    ['[officers supervisors]', ['officers', 'supervisors']],
    ['officers', ['officers']],
    [['agents'], ['agents']],
    [undefined, []],
  ] as const)('reads groups %j as %j', (value, groups) => expect(parseGroups(value as never)).toEqual(groups));

  it('reads an agent with its agent id', () => {
    expect(
      principalFromClaims({ sub: 'u1', 'cognito:groups': '[agents]', 'custom:agent_id': 'ACME-SHIPPING' }),
    ).toEqual({
      role: 'agent',
      sub: 'u1',
      agentId: 'ACME-SHIPPING',
    });
  });

  it('makes a supervisor, who is also in officers, a supervisor acting as officer', () => {
    const p = principalFromClaims({ sub: 's', 'cognito:groups': '[officers supervisors]', 'custom:port': 'CNTXG' });
    expect(p.role).toBe('supervisor');
    expect(actsAs(p, 'officer')).toBe(true);
    expect(() => requireRole(p, ['agent'])).toThrow(ForbiddenError);
  });

  it.each([
    ['no claims at all', undefined, UnauthorizedError],
    ['no subject', { 'cognito:groups': '[agents]' }, UnauthorizedError],
    ['no group of ours', { sub: 'x', 'cognito:groups': '[admins]' }, ForbiddenError],
    ['an agent without agent id', { sub: 'x', 'cognito:groups': '[agents]' }, ForbiddenError],
    ['an officer without port', { sub: 'x', 'cognito:groups': '[officers]' }, ForbiddenError],
    [
      'an officer with a malformed port',
      { sub: 'x', 'cognito:groups': '[officers]', 'custom:port': 'tianjin' },
      ForbiddenError,
    ],
  ])('refuses %s', (_case, claims, error) => {
    expect(() => principalFromClaims(claims as never)).toThrow(error);
  });

  it('never fails other than with a 401 or 403 on any claim set', () => {
    const claimValue = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.array(fc.string()));
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.oneof(fc.constantFrom('sub', 'cognito:groups', 'custom:agent_id', 'custom:port'), fc.string()),
          claimValue,
        ),
        (claims) => {
          try {
            const p = principalFromClaims(claims as never);
            expect(['agent', 'officer', 'supervisor']).toContain(p.role);
          } catch (error) {
            expect(error).toBeInstanceOf(AppError);
            expect([401, 403]).toContain((error as AppError).status);
          }
        },
      ),
      { numRuns: 5_000 },
    );
  });
});
