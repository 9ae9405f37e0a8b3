// The audit trail is a hash chain: any change to an entry, or a missing one, is detected.
import { describe, expect, it } from 'vitest';
import { type AuditEntry, GENESIS_HASH, brokenLink, nextAuditEntry } from '#shared/audit.ts';

function chain(n: number) {
  const entries = [];
  let last: AuditEntry | undefined;
  for (let i = 0; i < n; i++) {
    last = nextAuditEntry(last, {
      at: new Date(Date.UTC(2026, 11, 1, i)).toISOString(),
      actor: { role: 'agent', id: 'ACME' },
      action: `STEP_${i}`,
    });
    entries.push(last);
  }
  return entries;
}

describe('audit chain', () => {
  it('starts from the genesis hash and links each entry to the one before', () => {
    const entries = chain(3);
    expect(entries[0]!.prevHash).toBe(GENESIS_HASH);
    expect(entries[1]!.prevHash).toBe(entries[0]!.hash);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(brokenLink(entries)).toBeUndefined();
  });

  it('detects an entry changed after the fact', () => {
    const entries = chain(3);
    entries[1] = { ...entries[1]!, reason: 'edited later' };
    expect(brokenLink(entries)).toBe(2);
  });

  it('detects an entry left out', () => {
    const entries = chain(4);
    expect(brokenLink([entries[0]!, entries[2]!, entries[3]!])).toBe(3);
  });
});
