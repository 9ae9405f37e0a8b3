// Submitting a declaration, for arrival and departure alike: checked, stored as a new version,
// handed to its clearance workflow. The same text again is a retry and starts nothing twice; a new
// version supersedes the one under review.
import { createHash } from 'node:crypto';
import { canView } from '#calls/rules.ts';
import { type CallDeps, actorOf, changeCall } from '#calls/service.ts';
import type { Call, CallStatus } from '#calls/schema.ts';
import type { StoredCall } from '#calls/store.ts';
import { type ReviewDeps, supersede } from '#review/service.ts';
import type { Principal } from '#shared/auth.ts';
import { ConflictError, ForbiddenError, NotFoundError, RuleViolationError } from '#shared/errors.ts';
import type { Violation } from '#shared/i18n.ts';
import { type WorkflowClient, executionName } from '#shared/workflows.ts';
import type { ClearanceKind } from './schema.ts';
import type { DeclarationStore, Stored } from './store.ts';

export interface SubmitDeps extends CallDeps {
  workflows: WorkflowClient;
  reviews: ReviewDeps['reviews'];
}

export interface DeclarationSpec<D> {
  kind: ClearanceKind;
  workflow: string;
  declarations: DeclarationStore<D>;
  /** Statuses in which the call takes this declaration. */
  openStatuses: ReadonlySet<CallStatus>;
  submittedStatus: CallStatus;
  violations(d: D, call: StoredCall, now: Date): Violation[];
  /** What the declaration changes on the call besides its status (schedule, for instance). */
  patch(call: StoredCall, d: D): Partial<Call>;
  actions: { first: string; amend: string };
  event: string;
}

/** Clearance states in which resending the same declaration is a retry, not a new version. */
const IN_HAND = new Set(['RUNNING', 'IN_REVIEW', 'CLEARED']);

export function clearanceExecutionName(kind: ClearanceKind, callId: string, version: number, round = 0): string {
  return executionName(callId, kind, `v${version}`, ...(round ? [`r${round}`] : []));
}

function hashOf(d: unknown): string {
  return createHash('sha256').update(JSON.stringify(d)).digest('hex');
}

export async function submitDeclaration<D>(
  deps: SubmitDeps,
  spec: DeclarationSpec<D>,
  principal: Principal,
  callId: string,
  declaration: D,
): Promise<{ callId: string; version: number; status: string; duplicate: boolean }> {
  const { kind } = spec;
  const call = await deps.store.get(callId);
  if (!call || !canView(principal, call)) throw new NotFoundError(`No call ${callId}`);
  if (principal.role !== 'agent') throw new ForbiddenError(`Only the call's agent submits its ${kind} declaration`);
  if (!spec.openStatuses.has(call.status)) {
    throw new ConflictError(`A call in status ${call.status} takes no ${kind} declaration`, [
      { path: 'status', message: `is ${call.status}` },
    ]);
  }
  const now = deps.clock.now();
  const problems = spec.violations(declaration, call, now);
  if (problems.length) throw new RuleViolationError(`The declaration breaks ${kind} rules`, problems);

  const hash = hashOf(declaration);
  const current = call[kind];
  if (current && current.contentHash === hash && IN_HAND.has(current.state)) {
    // The same declaration again: make sure its clearance runs, and answer as the first time.
    await startClearance(deps, spec, callId, current.version, current.round ?? 0);
    return { callId, version: current.version, status: call.status, duplicate: true };
  }

  const version = (current?.version ?? 0) + 1;
  const stored: Stored<D> = {
    callId,
    version,
    submittedAt: now.toISOString(),
    submittedBy: principal.agentId,
    declaration,
  };
  await spec.declarations.put(stored, call.version);
  const updated = await changeCall(deps, callId, (fresh) => {
    if (fresh.version !== call.version)
      throw new ConflictError('The call changed while the declaration was checked; retry');
    return {
      patch: {
        ...spec.patch(fresh, declaration),
        status: spec.submittedStatus,
        [kind]: { version, state: 'RUNNING', reasons: [], updatedAt: now.toISOString(), contentHash: hash },
      },
      fact: {
        actor: actorOf(principal),
        action: version === 1 ? spec.actions.first : spec.actions.amend,
        fromStatus: fresh.status,
        toStatus: spec.submittedStatus,
        reason: `${kind} declaration v${version}`,
      },
    };
  });

  if (current?.reviewId)
    await supersede({ reviews: deps.reviews, workflows: deps.workflows, clock: deps.clock }, current.reviewId);
  await startClearance(deps, spec, callId, version, 0);
  await deps.events.publish([
    { type: spec.event, callId, port: updated.port, detail: { version, agentId: updated.agentId } },
  ]);
  return { callId, version, status: updated.status, duplicate: false };
}

export async function startClearance(
  deps: Pick<SubmitDeps, 'workflows'>,
  spec: Pick<DeclarationSpec<unknown>, 'kind' | 'workflow'>,
  callId: string,
  version: number,
  round: number,
) {
  // Only references travel through the workflow: personal data stays in the table.
  await deps.workflows.start(spec.workflow, clearanceExecutionName(spec.kind, callId, version, round), {
    callId,
    version,
    round,
  });
}

export async function readDeclaration<D>(
  deps: Pick<CallDeps, 'store'>,
  spec: Pick<DeclarationSpec<D>, 'kind' | 'declarations'>,
  principal: Principal,
  callId: string,
  version: number | undefined,
): Promise<Stored<D>> {
  const call = await deps.store.get(callId);
  if (!call || !canView(principal, call)) throw new NotFoundError(`No call ${callId}`);
  const latest = call[spec.kind]?.version;
  if (!latest) throw new NotFoundError(`No ${spec.kind} declaration has been submitted for this call`);
  if (version !== undefined && version > latest) throw new NotFoundError(`No declaration version ${version}`);
  const stored = await spec.declarations.get(callId, version ?? latest);
  if (!stored) throw new NotFoundError(`No declaration version ${version ?? latest}`);
  return stored;
}
