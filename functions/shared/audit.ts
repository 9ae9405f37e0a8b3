// The audit trail: append-only entries, each chained to the one before by SHA-256, so a reader
// can verify that nothing was changed or left out.
import { createHash } from 'node:crypto';
import * as z from 'zod';

export const Actor = z.object({
  role: z.enum(['agent', 'officer', 'supervisor', 'system', 'device']),
  id: z.string(),
});
export type Actor = z.infer<typeof Actor>;

export const AuditEntry = z
  .object({
    seq: z.number().int().positive(),
    at: z.string(),
    actor: Actor,
    action: z.string(),
    fromStatus: z.string().optional(),
    toStatus: z.string().optional(),
    reason: z.string().optional(),
    /** The lifecycle event (functions/calls/lifecycle.ts) this entry records. */
    event: z.string().optional(),
    /** What the change did to the call's permits, e.g. { arrival: 'SUPERSEDED' }. */
    permits: z.record(z.string(), z.string()).optional(),
    /** Port-level chains: what the entry is about, e.g. "device D01…" or "agency customs, call C01…". */
    subject: z.string().optional(),
    /** Shown to an agent without its reason (it names a finding): its hash verifies for officers only. */
    redacted: z.boolean().optional(),
    prevHash: z.string().length(64),
    hash: z.string().length(64),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntry>;

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditFact {
  at: string;
  actor: Actor;
  action: string;
  fromStatus?: string;
  toStatus?: string;
  reason?: string;
  event?: string;
  permits?: Record<string, string>;
  subject?: string;
}

function digest(prevHash: string, seq: number, fact: AuditFact): string {
  // Fixed field order: the hash must not depend on how an object happened to be built.
  const canonical = JSON.stringify([
    prevHash,
    seq,
    fact.at,
    fact.actor.role,
    fact.actor.id,
    fact.action,
    fact.fromStatus ?? null,
    fact.toStatus ?? null,
    fact.reason ?? null,
    // Later fields join the canonical form only when present, so older entries keep their hash.
    ...(fact.event !== undefined || fact.permits !== undefined || fact.subject !== undefined
      ? [fact.event ?? null, fact.permits ? Object.entries(fact.permits).sort() : null]
      : []),
    ...(fact.subject !== undefined ? [fact.subject] : []),
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** The UTC day an entry belongs to, for the daily root. */
export function auditDay(at: string): string {
  return at.slice(0, 10);
}

export function nextAuditEntry(previous: AuditEntry | undefined, fact: AuditFact): AuditEntry {
  const seq = (previous?.seq ?? 0) + 1;
  const prevHash = previous?.hash ?? GENESIS_HASH;
  return { seq, prevHash, ...fact, hash: digest(prevHash, seq, fact) };
}

/** The first entry whose hash or link is wrong, or undefined when the chain holds. */
export function brokenLink(entries: readonly AuditEntry[]): number | undefined {
  let prevHash = GENESIS_HASH;
  for (const [i, entry] of entries.entries()) {
    if (entry.seq !== i + 1 || entry.prevHash !== prevHash || entry.hash !== digest(prevHash, entry.seq, entry)) {
      return entry.seq;
    }
    prevHash = entry.hash;
  }
  return undefined;
}
