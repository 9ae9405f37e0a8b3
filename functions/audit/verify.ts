// Checks an audit export alone, as a third party would: each entry's hash and link, and for every
// published day that the chain's last entry of the day is in that day's signed root. Pure except
// for the signature check, which needs only the public key.
import { verify } from 'node:crypto';
import { type AuditEntry, auditDay, brokenLink } from '#shared/audit.ts';
import { verifyInclusion } from './merkle.ts';
import type { AuditExport, Verification } from './schema.ts';

/** What a root's signature covers. */
export function rootMessage(day: string, root: string): string {
  return `three-zeros audit root ${day} ${root}`;
}

export function signatureHolds(day: string, root: string, signature: string, publicKeyPem: string): boolean {
  try {
    return verify(
      'sha256',
      Buffer.from(rootMessage(day, root)),
      { key: publicKeyPem, dsaEncoding: 'der' },
      Buffer.from(signature, 'base64'),
    );
  } catch {
    return false;
  }
}

/** The last entry of each day, in day order. */
export function lastOfEachDay(entries: readonly AuditEntry[]): Map<string, AuditEntry> {
  const last = new Map<string, AuditEntry>();
  for (const e of entries) last.set(auditDay(e.at), e);
  return last;
}

export function verifyExport(exported: AuditExport, publicKeyPem = exported.publicKey): Verification {
  const problems: Verification['problems'] = [];
  const broken = brokenLink(exported.entries);
  if (broken !== undefined) {
    const entry = exported.entries.find((e) => e.seq === broken);
    problems.push({
      seq: broken,
      message: `entry ${broken}${entry ? ` (${entry.action} at ${entry.at})` : ''} does not match its hash or its link to the entry before: it was changed, or one was left out`,
    });
  }
  const days: Verification['days'] = [];
  for (const [day, last] of lastOfEachDay(exported.entries)) {
    const published = exported.days.find((d) => d.day === day);
    if (!published) {
      days.push({ day, published: false });
      continue;
    }
    const signatureValid = signatureHolds(day, published.root, published.signature, publicKeyPem);
    if (!signatureValid) problems.push({ day, message: `the root of ${day} is not signed by this key` });
    const leafMatches =
      published.leaf.chain === exported.chain && published.leaf.seq === last.seq && published.leaf.hash === last.hash;
    if (!leafMatches) {
      problems.push({
        day,
        seq: published.leaf.seq,
        message: `the root of ${day} holds entry ${published.leaf.seq} with another hash than the export's entry ${last.seq}`,
      });
    }
    const included = leafMatches && verifyInclusion(published.leaf, published.proof, published.root);
    if (leafMatches && !included) problems.push({ day, message: `entry ${last.seq} is not in the root of ${day}` });
    days.push({ day, published: true, signatureValid, included });
  }
  return { chain: exported.chain, entries: exported.entries.length, intact: problems.length === 0, problems, days };
}
