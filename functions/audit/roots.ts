// The daily root: every chain's last entry of the day as a leaf, one Merkle root over them,
// signed and stored once. And the export of one chain with, for each published day, its leaf and
// the proof that leads from it to that day's root.
import type { Clock } from '#shared/clock.ts';
import { type AuditEntry, auditDay } from '#shared/audit.ts';
import { inclusionProof, merkleRoot, orderLeaves } from './merkle.ts';
import type { AuditSigner } from './signer.ts';
import type { AuditStore } from './store.ts';
import type { AuditExport, DailyRoot, ExportedDay, PublishedRoot } from './schema.ts';
import { lastOfEachDay, rootMessage } from './verify.ts';

export interface AuditDeps {
  audit: AuditStore;
  signer: AuditSigner;
  clock: Clock;
}

const DAY = 86_400_000;

/** Builds, signs and stores the root of `day`; a root once published is returned, never replaced. */
export async function publishDay(deps: AuditDeps, day: string): Promise<DailyRoot> {
  const existing = await deps.audit.root(day);
  if (existing) return existing;
  const leaves = orderLeaves(await deps.audit.dayLeaves(day));
  const root = merkleRoot(leaves);
  const record: DailyRoot = {
    day,
    root,
    leaves,
    publishedAt: deps.clock.now().toISOString(),
    keyId: await deps.signer.keyId(),
    algorithm: 'ECDSA_SHA_256',
    signature: await deps.signer.sign(rootMessage(day, root)),
  };
  // Two publishers at once: the first stored wins, and both answer with it.
  if (await deps.audit.publishRoot(record)) return record;
  return (await deps.audit.root(day))!;
}

/** The scheduled job: yesterday's root (UTC), once the day is over. */
export function publishYesterday(deps: AuditDeps): Promise<DailyRoot> {
  return publishDay(deps, auditDay(new Date(deps.clock.now().getTime() - DAY).toISOString()));
}

export function publicRoot({ leaves, ...root }: DailyRoot): PublishedRoot {
  return { ...root, leafCount: leaves.length };
}

/** The chain with what a third party needs to check it against the published roots. */
export async function exportChain(
  deps: Pick<AuditDeps, 'audit' | 'signer'>,
  chain: string,
  entries: AuditEntry[],
): Promise<AuditExport> {
  const days: ExportedDay[] = [];
  for (const day of lastOfEachDay(entries).keys()) {
    const root = await deps.audit.root(day);
    if (!root) continue;
    const index = root.leaves.findIndex((l) => l.chain === chain);
    if (index < 0) continue;
    days.push({ ...publicRoot(root), leaf: root.leaves[index]!, proof: inclusionProof(root.leaves, index) });
  }
  return { chain, entries, days, publicKey: await deps.signer.publicKeyPem() };
}
