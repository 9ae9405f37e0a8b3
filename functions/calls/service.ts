// Port-call use cases: each reads, applies the rules and writes through the store port.
import { type Actor, type AuditFact, nextAuditEntry } from '#shared/audit.ts';
import type { Principal } from '#shared/auth.ts';
import type { Clock } from '#shared/clock.ts';
import { ConflictError, ForbiddenError, NotFoundError, RuleViolationError } from '#shared/errors.ts';
import type { EventPublisher } from '#shared/events.ts';
import { newId } from '#shared/ids.ts';
import { type CallEvent, isFinal, transition } from './lifecycle.ts';
import { announcementViolations, announcementWarnings, canView } from './rules.ts';
import { agentCall, agentTimeline } from '#persons/need-to-know.ts';
import { type PermitContext, permitAfter } from '#permits/rules.ts';
import type { Permit, PermitKind } from '#permits/schema.ts';
import type { Call, CallAnnouncement, CallDetail, ListCallsQuery } from './schema.ts';
import type { CallPatch, CallStore, StoredCall } from './store.ts';

export interface CallDeps {
  store: CallStore;
  clock: Clock;
  events: EventPublisher;
}

export function actorOf(principal: Principal): Actor {
  return { role: principal.role, id: principal.role === 'agent' ? principal.agentId : principal.sub };
}

export function publicView(call: StoredCall): Call {
  const { lastAudit: _audit, landingDecided: _decided, ...view } = call;
  return view;
}

/** The call as this principal may read it: an agent's view leaves out what it must not know. */
export function viewFor(principal: Principal, call: StoredCall): Call {
  return principal.role === 'agent' ? agentCall(publicView(call)) : publicView(call);
}

export async function announceCall(
  deps: CallDeps,
  principal: Principal,
  announcement: CallAnnouncement,
): Promise<Call> {
  if (principal.role !== 'agent') throw new ForbiddenError('Only shipping agents announce calls');
  const now = deps.clock.now();
  const problems = announcementViolations(announcement, now);
  if (problems.length) throw new RuleViolationError('The announcement breaks port-call rules', problems);
  const warnings = announcementWarnings(announcement);

  const at = now.toISOString();
  const callId = newId('call', now);
  const status = transition(null, 'ANNOUNCE', principal.role).to!;
  const lastAudit = nextAuditEntry(undefined, {
    at,
    actor: actorOf(principal),
    action: 'CALL_ANNOUNCED',
    event: 'ANNOUNCE',
    toStatus: status,
  });
  const call: StoredCall = {
    callId,
    agentId: principal.agentId,
    status,
    version: 1,
    ...announcement,
    ...(warnings.length && { warnings }),
    createdAt: at,
    updatedAt: at,
    lastAudit,
    landingDecided: false,
  };

  let holder = await deps.store.reserveVoyage(call);
  if (holder) {
    const existing = await deps.store.get(holder);
    if (existing && !isFinal(existing.status)) {
      throw new ConflictError('This voyage is already announced for this port', [
        {
          path: 'voyage',
          message: `call ${existing.callId} already announces voyage ${call.voyage} of IMO ${call.vessel.imo}`,
        },
      ]);
    }
    holder = await deps.store.reserveVoyage(call, holder);
    if (holder) throw new ConflictError('This voyage is being announced by another request; retry');
  }
  await deps.store.create(call);
  await deps.events.publish([
    {
      type: 'CallAnnounced',
      callId,
      port: call.port,
      detail: { agentId: call.agentId, eta: call.eta, status: call.status },
    },
  ]);
  return publicView(call);
}

async function visibleCall(deps: CallDeps, principal: Principal, callId: string): Promise<StoredCall> {
  const call = await deps.store.get(callId);
  // Someone else's call answers exactly like a missing one: its existence is not disclosed.
  if (!call || !canView(principal, call)) throw new NotFoundError(`No call ${callId}`);
  return call;
}

export async function getCall(deps: CallDeps, principal: Principal, callId: string): Promise<CallDetail> {
  const call = await visibleCall(deps, principal, callId);
  // Read after the call: entries of changes made since then are left out, so the timeline ends
  // with the entry that brought the call to the status it is shown in.
  const stored = (await deps.store.timeline(callId)).filter((e) => e.seq <= call.lastAudit.seq);
  // The call item carries the newest entry; it may not be in the trail yet after a crash.
  const timeline = stored.some((e) => e.seq === call.lastAudit.seq) ? stored : [...stored, call.lastAudit];
  return { ...viewFor(principal, call), timeline: principal.role === 'agent' ? agentTimeline(timeline) : timeline };
}

export async function listCalls(deps: CallDeps, principal: Principal, query: ListCallsQuery) {
  if (principal.role === 'device') throw new ForbiddenError('Devices do not list calls');
  const scope = principal.role === 'agent' ? { agentId: principal.agentId } : { port: principal.port };
  const page = await deps.store.list(scope, query);
  return { items: page.items.map((c) => viewFor(principal, c)), ...(page.nextToken && { nextToken: page.nextToken }) };
}

export async function cancelCall(
  deps: CallDeps,
  principal: Principal,
  callId: string,
  reason: string | undefined,
): Promise<Call> {
  const call = await visibleCall(deps, principal, callId);
  if (principal.role !== 'agent') throw new ForbiddenError("Only the call's agent can cancel it");
  // Cancelling twice is a retry, not a conflict.
  if (call.status === 'CANCELLED') return viewFor(principal, call);
  transition(call.status, 'CANCEL', principal.role);
  let from = call.status;
  const updated = await changeCall(deps, callId, (fresh) => {
    if (fresh.status === 'CANCELLED') return undefined;
    from = fresh.status;
    return {
      event: 'CANCEL',
      patch: { ...(reason && { cancelReason: reason }) },
      fact: { actor: actorOf(principal), action: 'CALL_CANCELLED', ...(reason && { reason }) },
    };
  });
  await deps.store.releaseVoyage(updated);
  await deps.events.publish([
    { type: 'CallCancelled', callId, port: call.port, detail: { agentId: call.agentId, from } },
  ]);
  return viewFor(principal, updated);
}

export interface CallChange {
  /** The lifecycle event: the transition table decides the new status and what it does to permits. */
  event: CallEvent;
  /** Anything but the status, the permits and the version: those only the transition sets. */
  patch?: Omit<CallPatch, 'status' | 'permits' | 'version'>;
  fact: Omit<AuditFact, 'at' | 'fromStatus' | 'toStatus' | 'event' | 'permits'>;
  /** The permit to issue, for an event that issues one. */
  issue?: Permit;
}

/** The call after `change`, with the audit fact that records it: pure, so every caller agrees. */
export function applyChange(call: StoredCall, change: CallChange, at: string): { next: CallPatch; fact: AuditFact } {
  const tr = transition(call.status, change.event, change.fact.actor.role);
  const merged = { ...call, ...change.patch };
  const status = tr.to ?? call.status;
  let permits = call.permits;
  const effects: Record<string, string> = {};
  for (const [kind, effect] of Object.entries(tr.permits ?? {}) as [
    PermitKind,
    NonNullable<typeof tr.permits>[PermitKind],
  ][]) {
    if (!effect) continue;
    const ctx: PermitContext = {
      at,
      why: change.fact.reason ?? change.fact.action,
      version: merged[kind]?.version ?? 0,
      eta: merged.eta,
      etd: merged.etd,
      ...(change.issue && { issue: change.issue }),
    };
    const before = permits?.[kind];
    const after = permitAfter(effect, before, ctx);
    if (after !== before) {
      permits = { ...permits, [kind]: after };
      effects[kind] = effect === 'ISSUE' ? 'ISSUED' : effect === 'REDATE' ? 'REDATED' : after!.status;
    }
  }
  return {
    next: { ...change.patch, status, ...(permits && { permits }) },
    fact: {
      ...change.fact,
      at,
      event: change.event,
      fromStatus: call.status,
      toStatus: status,
      ...(Object.keys(effects).length && { permits: effects }),
    },
  };
}

/**
 * Applies a change decided on the freshest copy of the call, with its audit entry, retrying when
 * someone else changed the call in between. `decide` returns undefined when nothing is to be done.
 * The call's version check is the commit point: status, clearances and permits change together.
 * `known` is a copy the caller has just read: the first attempt decides on it instead of reading
 * again. If it is stale, the version check refuses the write and the next attempt reads afresh.
 */
export async function changeCall(
  deps: Pick<CallDeps, 'store' | 'clock'>,
  callId: string,
  decide: (call: StoredCall) => CallChange | undefined,
  known?: StoredCall,
): Promise<StoredCall> {
  for (let attempt = 1; ; attempt++) {
    const call = attempt === 1 && known ? known : await deps.store.get(callId);
    if (!call) throw new NotFoundError(`No call ${callId}`);
    const change = decide(call);
    if (!change) return call;
    const at = deps.clock.now().toISOString();
    const { next, fact } = applyChange(call, change, at);
    const audit = nextAuditEntry(call.lastAudit, fact);
    try {
      return await deps.store.update(call, { ...next, updatedAt: at }, audit);
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= 10) throw error;
    }
  }
}
