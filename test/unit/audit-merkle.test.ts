// The daily audit root and what a third party checks with it: inclusion proofs, signatures, and
// an export in which one changed entry is named.
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inclusionProof, type Leaf, merkleRoot, orderLeaves, verifyInclusion } from '#functions/audit/merkle.ts';
import { pemSigner } from '#functions/audit/signer.ts';
import { rootMessage, signatureHolds, verifyExport } from '#functions/audit/verify.ts';
import type { AuditExport } from '#functions/audit/schema.ts';
import { type AuditEntry, nextAuditEntry } from '#shared/audit.ts';

const leaves = (n: number): Leaf[] =>
  orderLeaves(
    Array.from({ length: n }, (_, i) => ({ chain: `CALL#${i}`, seq: i + 1, hash: String(i).repeat(64).slice(0, 64) })),
  );

const pem = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();
const signer = pemSigner(pem);

function chain(n: number, day = '2026-12-01'): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (let i = 0; i < n; i++) {
    entries.push(
      nextAuditEntry(entries.at(-1), {
        at: `${day}T0${i}:00:00.000Z`,
        actor: { role: 'supervisor', id: 'sup-1' },
        action: 'DEVICE_REGISTERED',
        subject: `device D${i}`,
      }),
    );
  }
  return entries;
}

async function exportOf(entries: AuditEntry[], others = 6): Promise<AuditExport> {
  const day = '2026-12-01';
  const mine: Leaf = { chain: 'PORT#CNTXG', seq: entries.at(-1)!.seq, hash: entries.at(-1)!.hash };
  const ordered = orderLeaves([...leaves(others), mine]);
  const root = merkleRoot(ordered);
  const index = ordered.indexOf(mine);
  return {
    chain: 'PORT#CNTXG',
    entries,
    days: [
      {
        day,
        root,
        leafCount: ordered.length,
        publishedAt: '2026-12-02T00:05:00.000Z',
        keyId: 'local-es256',
        algorithm: 'ECDSA_SHA_256',
        signature: await signer.sign(rootMessage(day, root)),
        leaf: mine,
        proof: inclusionProof(ordered, index),
      },
    ],
    publicKey: await signer.publicKeyPem(),
  };
}

describe('Merkle root of the day', () => {
  it.each([1, 2, 3, 7, 8, 33])('proves every one of %i leaves into the root, and no other leaf', (n) => {
    const ordered = leaves(n);
    const root = merkleRoot(ordered);
    for (const [i, leaf] of ordered.entries()) {
      expect(verifyInclusion(leaf, inclusionProof(ordered, i), root)).toBe(true);
      expect(verifyInclusion({ ...leaf, seq: leaf.seq + 1 }, inclusionProof(ordered, i), root)).toBe(false);
    }
  });

  it('builds the same root whatever order the leaves were read in', () => {
    const ordered = leaves(9);
    expect(merkleRoot(orderLeaves([...ordered].reverse()))).toBe(merkleRoot(ordered));
  });
});

describe('verifying an export without the server', () => {
  it('finds an intact chain included in its signed root', async () => {
    const result = verifyExport(await exportOf(chain(4)));
    expect(result).toMatchObject({ intact: true, problems: [] });
    expect(result.days).toEqual([{ day: '2026-12-01', published: true, signatureValid: true, included: true }]);
  });

  it('names the one entry that was changed after it was written', async () => {
    const exported = await exportOf(chain(4));
    exported.entries[1] = { ...exported.entries[1]!, subject: 'device D-other' };
    const result = verifyExport(exported);
    expect(result.intact).toBe(false);
    expect(result.problems[0]).toMatchObject({ seq: 2 });
    expect(result.problems[0]!.message).toContain('entry 2 (DEVICE_REGISTERED');
  });

  it('catches a chain rewritten with fresh hashes, by the published root', async () => {
    const exported = await exportOf(chain(3));
    const rewritten = chain(3);
    rewritten[2] = nextAuditEntry(rewritten[1], { ...rewritten[2]!, subject: 'device D-forged' });
    const result = verifyExport({ ...exported, entries: rewritten });
    expect(result.intact).toBe(false);
    expect(result.problems).toContainEqual(expect.objectContaining({ day: '2026-12-01', seq: 3 }));
  });

  it('refuses a root signed by another key', async () => {
    const exported = await exportOf(chain(2));
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .publicKey.export({ type: 'spki', format: 'pem' })
      .toString();
    const result = verifyExport(exported, other);
    expect(result.days[0]!.signatureValid).toBe(false);
    expect(result.intact).toBe(false);
    expect(signatureHolds('2026-12-01', exported.days[0]!.root, exported.days[0]!.signature, exported.publicKey)).toBe(
      true,
    );
  });

  it('keeps the hash of entries written before subjects existed', () => {
    // Hashes as the digest gave them before `subject` joined the canonical form.
    const first = nextAuditEntry(undefined, {
      at: '2026-11-01T00:00:00.000Z',
      actor: { role: 'agent', id: 'A' },
      action: 'CALL_ANNOUNCED',
    });
    const second = nextAuditEntry(first, {
      at: '2026-11-01T01:00:00.000Z',
      actor: { role: 'system', id: 'arrival-clearance' },
      action: 'ARRIVAL_CLEARED',
      event: 'CLEAR_ARRIVAL',
      fromStatus: 'SUBMITTED',
      toStatus: 'ARRIVAL_CLEARED',
      permits: { arrival: 'ISSUED' },
    });
    expect(first.hash).toBe('ef761485a2900b254fa76c7249d3550eb8fea454ba07463daba984fd8e6f9690');
    expect(second.hash).toBe('b2e768329a2c53d5f12c76416bc8ad2fccd02386c8595969ba4695839679c3b6');
    expect(nextAuditEntry(undefined, { ...first, subject: 'x' }).hash).not.toBe(first.hash);
  });
});
