// Submitting and amending the arrival declaration: checked, stored as a new version, and handed to
// the arrival clearance workflow. A retry of the same text is recognised and starts nothing twice.
import { createHash } from 'node:crypto';
import { actorOf, changeCall, type CallDeps } from '#calls/service.ts';
import { canView } from '#calls/rules.ts';
import type { StoredCall } from '#calls/store.ts';
import type { Principal } from '#shared/auth.ts';
import { ConflictError, ForbiddenError, NotFoundError, RuleViolationError } from '#shared/errors.ts';
import { type WorkflowClient, executionName } from '#shared/workflows.ts';
import { supersede, type ReviewDeps } from '#review/service.ts';
import { declarationViolations, effectiveSchedule } from './rules.ts';
import type { ArrivalDeclaration, StoredDeclaration } from './schema.ts';
import type { DeclarationStore } from './store.ts';

export const ARRIVAL_WORKFLOW = 'arrival-clearance';

export interface ArrivalDeps extends CallDeps {
  declarations: DeclarationStore<ArrivalDeclaration>;
  workflows: WorkflowClient;
  reviews: ReviewDeps['reviews'];
}

/** A declaration may be sent until the ship is in port; a cleared one may still be amended. */
const OPEN_FOR_ARRIVAL = new Set(['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'ARRIVAL_CLEARED']);
/** Clearance states in which resending the same declaration is a retry, not a new version. */
const IN_HAND = new Set(['RUNNING', 'IN_REVIEW', 'CLEARED']);

function contentHash(d: ArrivalDeclaration): string {
  return createHash('sha256').update(JSON.stringify(d)).digest('hex');
}

export function arrivalExecutionName(callId: string, version: number): string {
  return executionName(callId, 'arrival', `v${version}`);
}

export async function submitArrival(
  deps: ArrivalDeps,
  principal: Principal,
  callId: string,
  declaration: ArrivalDeclaration,
): Promise<{ callId: string; version: number; status: string; duplicate: boolean }> {
  const call = await deps.store.get(callId);
  if (!call || !canView(principal, call)) throw new NotFoundError(`No call ${callId}`);
  if (principal.role !== 'agent') throw new ForbiddenError("Only the call's agent declares its arrival");
  if (!OPEN_FOR_ARRIVAL.has(call.status)) {
    throw new ConflictError(`A call in status ${call.status} takes no arrival declaration`, [
      { path: 'status', message: `is ${call.status}` },
    ]);
  }
  const now = deps.clock.now();
  const problems = declarationViolations(declaration, call, now);
  if (problems.length) throw new RuleViolationError('The declaration breaks arrival rules', problems);

  const hash = contentHash(declaration);
  if (call.arrival && call.arrival.contentHash === hash && IN_HAND.has(call.arrival.state)) {
    // The same declaration again: make sure its clearance runs, and answer as the first time.
    await startClearance(deps, call.callId, call.arrival.version);
    return { callId, version: call.arrival.version, status: call.status, duplicate: true };
  }

  const version = (call.arrival?.version ?? 0) + 1;
  const stored: StoredDeclaration = {
    callId,
    version,
    submittedAt: now.toISOString(),
    submittedBy: principal.agentId,
    declaration,
  };
  await deps.declarations.put(stored, call.version);
  const schedule = effectiveSchedule(call, declaration);
  const previousReview = call.arrival?.reviewId;
  const updated = await changeCall(deps, callId, (fresh) => {
    if (fresh.version !== call.version) throw new ConflictError('The call changed while the declaration was checked; retry');
    const changed = ['eta', 'etd', 'berth'].filter((f) => schedule[f as 'eta'] !== fresh[f as 'eta']);
    return {
      patch: {
        status: 'SUBMITTED',
        eta: schedule.eta,
        etd: schedule.etd,
        ...(schedule.berth && { berth: schedule.berth }),
        arrival: { version, state: 'RUNNING', reasons: [], updatedAt: now.toISOString(), contentHash: hash },
      },
      fact: {
        actor: actorOf(principal),
        action: version === 1 ? 'ARRIVAL_DECLARED' : 'ARRIVAL_AMENDED',
        fromStatus: fresh.status,
        toStatus: 'SUBMITTED',
        reason: `declaration v${version}${changed.length ? `; schedule change: ${changed.join(', ')}` : ''}`,
      },
    };
  });

  if (previousReview) await supersede({ reviews: deps.reviews, workflows: deps.workflows, clock: deps.clock }, previousReview);
  await startClearance(deps, callId, version);
  await deps.events.publish([
    { type: 'ArrivalSubmitted', callId, port: updated.port, detail: { version, agentId: updated.agentId } },
  ]);
  return { callId, version, status: updated.status, duplicate: false };
}

async function startClearance(deps: Pick<ArrivalDeps, 'workflows'>, callId: string, version: number) {
  // Only references travel through the workflow: personal data stays in the table.
  await deps.workflows.start(ARRIVAL_WORKFLOW, arrivalExecutionName(callId, version), { callId, version });
}

export async function readDeclaration(
  deps: Pick<ArrivalDeps, 'store' | 'declarations'>,
  principal: Principal,
  callId: string,
  version: number | undefined,
): Promise<StoredDeclaration> {
  const call: StoredCall | undefined = await deps.store.get(callId);
  if (!call || !canView(principal, call)) throw new NotFoundError(`No call ${callId}`);
  const latest = call.arrival?.version;
  if (!latest) throw new NotFoundError('No arrival declaration has been submitted for this call');
  if (version !== undefined && version > latest) throw new NotFoundError(`No declaration version ${version}`);
  const stored = await deps.declarations.get(callId, version ?? latest);
  if (!stored) throw new NotFoundError(`No declaration version ${version ?? latest}`);
  return stored;
}
