// A Merkle tree over the day's chain heads, and inclusion proofs a third party can check alone.
// Leaves and inner nodes are hashed with different prefixes (0x00, 0x01, as RFC 6962 does) so no
// inner node can pass for a leaf; an odd node at the end of a level is carried up unchanged.
import { createHash } from 'node:crypto';

export interface Leaf {
  /** The chain: `CALL#<callId>` or a port-level chain such as `PORT#CNTXG`. */
  chain: string;
  seq: number;
  hash: string;
}

export interface ProofStep {
  /** Which side the sibling is on. */
  side: 'L' | 'R';
  hash: string;
}

const sha256 = (...parts: (string | Buffer)[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex');
};

export function leafHash(leaf: Leaf): string {
  return sha256(Buffer.from([0]), `${leaf.chain}\n${leaf.seq}\n${leaf.hash}`);
}

const node = (left: string, right: string) =>
  sha256(Buffer.from([1]), Buffer.from(left, 'hex'), Buffer.from(right, 'hex'));

/** Leaves in the order the root is built from: by chain, so anyone rebuilds the same tree. */
export function orderLeaves(leaves: readonly Leaf[]): Leaf[] {
  return [...leaves].sort((a, b) => (a.chain < b.chain ? -1 : a.chain > b.chain ? 1 : 0));
}

function levels(leaves: readonly Leaf[]): string[][] {
  const out = [leaves.map(leafHash)];
  while (out.at(-1)!.length > 1) {
    const level = out.at(-1)!;
    const next: string[] = [];
    for (let i = 0; i < level.length; i += 2)
      next.push(i + 1 < level.length ? node(level[i]!, level[i + 1]!) : level[i]!);
    out.push(next);
  }
  return out;
}

/** The root of ordered leaves; the hash of nothing for an empty day. */
export function merkleRoot(ordered: readonly Leaf[]): string {
  if (!ordered.length) return sha256('');
  return levels(ordered).at(-1)![0]!;
}

/** The siblings from leaf `index` up to the root. */
export function inclusionProof(ordered: readonly Leaf[], index: number): ProofStep[] {
  const proof: ProofStep[] = [];
  let i = index;
  for (const level of levels(ordered).slice(0, -1)) {
    const sibling = i % 2 ? i - 1 : i + 1;
    if (sibling < level.length) proof.push({ side: i % 2 ? 'L' : 'R', hash: level[sibling]! });
    i = Math.floor(i / 2);
  }
  return proof;
}

/** Whether `leaf` with `proof` leads to `root`. */
export function verifyInclusion(leaf: Leaf, proof: readonly ProofStep[], root: string): boolean {
  let h = leafHash(leaf);
  for (const step of proof) h = step.side === 'L' ? node(step.hash, h) : node(h, step.hash);
  return h === root;
}
