// What a lifecycle transition does to a permit, pure: the call's change applies it in the same
// conditional write as the status, so a permit can never disagree with the call it belongs to.
import { randomBytes } from 'node:crypto';
import type { PermitEffect } from '#calls/lifecycle.ts';
import type { Permit, PermitStatus } from './schema.ts';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 80 random bits in Crockford base32, grouped for reading aloud: 7KQ2-M4XD-9PRT-C3VW. */
export function newVerificationCode(): string {
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => CROCKFORD[b % 32]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

export interface PermitContext {
  at: string;
  why: string;
  /** The declaration version the call is at after the change. */
  version: number;
  eta: string;
  etd: string;
  /** The permit to issue, for ISSUE. */
  issue?: Permit;
}

const STATUS_OF: Record<Exclude<PermitEffect, 'ISSUE' | 'REDATE'>, PermitStatus> = {
  SUPERSEDE: 'SUPERSEDED',
  SUSPEND: 'SUSPENDED',
  REVOKE: 'REVOKED',
};

/** The permit after `effect`; undefined stays undefined except on ISSUE. */
export function permitAfter(effect: PermitEffect, current: Permit | undefined, ctx: PermitContext): Permit | undefined {
  switch (effect) {
    case 'ISSUE': {
      // A suspended permit of the same version is reinstated: the paper already handed out stands again.
      if (current && current.version === ctx.version && current.status === 'SUSPENDED') {
        return { ...current, status: 'VALID', statusChangedAt: ctx.at, statusReason: ctx.why };
      }
      if (!ctx.issue) throw new Error('ISSUE needs the permit to issue');
      return ctx.issue;
    }
    case 'REDATE':
      if (!current) return current;
      return { ...current, version: ctx.version, eta: ctx.eta, etd: ctx.etd, redatedAt: ctx.at };
    default:
      if (!current || current.status === 'REVOKED' || current.status === STATUS_OF[effect]) return current;
      // A superseded permit stays superseded; only a standing or suspended one changes.
      if (current.status === 'SUPERSEDED') return current;
      return { ...current, status: STATUS_OF[effect], statusChangedAt: ctx.at, statusReason: ctx.why };
  }
}

/**
 * How a code verifies. Only the code of the permit the call holds now can be VALID; the code of an
 * older version is SUPERSEDED; a code registered for a permit that never committed (its clearance
 * lost a race) verifies as nothing at all.
 */
export function verificationStatus(
  permit: Permit | undefined,
  code: string,
  printed: { version: number } | undefined,
): PermitStatus | undefined {
  if (!permit || !printed) return undefined;
  if (permit.verificationCode === code) return permit.status;
  return printed.version < permit.version ? 'SUPERSEDED' : undefined;
}
