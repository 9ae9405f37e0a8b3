// Reading a chain for its export or its verification: the call's trail (with the newest entry the
// call item carries) or a port-level chain, for officers of the port it belongs to.
import type { CallStore } from '#calls/store.ts';
import type { Principal } from '#shared/auth.ts';
import type { AuditEntry } from '#shared/audit.ts';
import { NotFoundError } from '#shared/errors.ts';
import { type AuditDeps, exportChain } from './roots.ts';
import { verifyExport } from './verify.ts';

export interface ChainDeps extends Pick<AuditDeps, 'audit' | 'signer'> {
  calls: Pick<CallStore, 'get' | 'timeline'>;
}

async function chainOf(
  deps: ChainDeps,
  principal: Principal,
  query: { callId?: string; chain?: string },
): Promise<{ chain: string; entries: AuditEntry[] }> {
  const officerPort = principal.role === 'officer' || principal.role === 'supervisor' ? principal.port : undefined;
  const callId = query.callId ?? (query.chain?.startsWith('CALL#') ? query.chain.slice(5) : undefined);
  if (callId) {
    const call = await deps.calls.get(callId);
    if (!call || call.port !== officerPort) throw new NotFoundError(`No call ${callId}`);
    const stored = await deps.calls.timeline(callId);
    // The call item carries the newest entry; it may not be in the trail yet after a crash.
    const entries = stored.some((e) => e.seq === call.lastAudit.seq) ? stored : [...stored, call.lastAudit];
    return { chain: `CALL#${callId}`, entries };
  }
  const chain = query.chain!;
  if (chain.startsWith('PORT#') && chain !== `PORT#${officerPort}`) throw new NotFoundError(`No chain ${chain}`);
  return { chain, entries: await deps.audit.chain(chain) };
}

export async function exportAudit(deps: ChainDeps, principal: Principal, query: { callId?: string; chain?: string }) {
  const { chain, entries } = await chainOf(deps, principal, query);
  return exportChain(deps, chain, entries);
}

export async function verifyAudit(deps: ChainDeps, principal: Principal, query: { callId?: string; chain?: string }) {
  return verifyExport(await exportAudit(deps, principal, query));
}
