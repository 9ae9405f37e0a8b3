// Submitting a declaration, for arrival and departure alike: checked, stored as a new version,
// handed to its clearance workflow. The same text again is a retry and starts nothing twice; a new
// version supersedes the one under review; what it re-runs is decided by amendment.ts.
import { createHash } from 'node:crypto';
import { type CallEvent, transition } from '#calls/lifecycle.ts';
import { canView } from '#calls/rules.ts';
import { type CallDeps, actorOf, changeCall } from '#calls/service.ts';
import type { Call } from '#calls/schema.ts';
import type { StoredCall } from '#calls/store.ts';
import { type ReviewDeps, supersede } from '#review/service.ts';
import type { Principal } from '#shared/auth.ts';
import { ConflictError, ForbiddenError, NotFoundError, RuleViolationError } from '#shared/errors.ts';
import type { Violation } from '#shared/i18n.ts';
import { type WorkflowClient, executionName } from '#shared/workflows.ts';
import { type DeclarationShape, amendmentScope } from './amendment.ts';
import type { Clearance, ClearanceKind, RiskReason } from './schema.ts';
import type { DeclarationStore, Stored } from './store.ts';

export interface SubmitDeps extends CallDeps {
  workflows: WorkflowClient;
  reviews: ReviewDeps['reviews'];
}

export interface DeclarationSpec<D> {
  kind: ClearanceKind;
  workflow: string;
  declarations: DeclarationStore<D>;
  /** Lifecycle events: a version checked (again), and a schedule change that keeps the clearance. */
  events: { submit: CallEvent; amendSchedule: CallEvent };
  shape: DeclarationShape<D>;
  violations(d: D, call: StoredCall, now: Date): Violation[];
  /** What the declaration changes on the call besides its status (schedule, for instance). */
  patch(call: StoredCall, d: D): Partial<Call>;
  /** Findings that depend on the schedule alone, under the call as patched. */
  scheduleFindings?(d: D, call: Pick<Call, 'eta' | 'etd'>): RiskReason[];
  actions: { first: string; amend: string; schedule: string };
  event: string;
}

/** Clearance states in which resending the same declaration is a retry, not a new version. */
const IN_HAND = new Set(['RUNNING', 'IN_REVIEW', 'INSPECTION', 'CLEARED']);

/** Findings that come from screening persons: what an amendment of other persons carries over. */
const SCREENING_CODES = new Set(['WATCH_LIST_HIT']);

export function clearanceExecutionName(kind: ClearanceKind, callId: string, version: number, round = 0): string {
  return executionName(callId, kind, `v${version}`, ...(round ? [`r${round}`] : []));
}

function hashOf(d: unknown): string {
  return createHash('sha256').update(JSON.stringify(d)).digest('hex');
}

type Plan =
  | { mode: 'KEEP' }
  | { mode: 'CHECK'; amendment: 'FULL' | 'PERSONS' | 'SCHEDULE_ONLY'; screen?: string[]; carried?: RiskReason[] };

/** How the new version is taken, from what changed and where the current clearance stands. */
function planOf<D>(
  spec: DeclarationSpec<D>,
  current: Clearance | undefined,
  previous: D | undefined,
  next: D,
  patched: Pick<Call, 'eta' | 'etd'>,
): Plan {
  const scope = amendmentScope(previous, next, spec.shape);
  if (scope.kind === 'FULL' || !current?.assessedAt) return { mode: 'CHECK', amendment: 'FULL' };
  const known = new Set([...current.reasons, ...(current.carried ?? [])].map((r) => r.code));
  if (scope.kind === 'SCHEDULE_ONLY' && current.state === 'CLEARED') {
    // The decision stands unless the new dates bring a finding the decision did not see.
    const fresh = (spec.scheduleFindings?.(next, patched) ?? []).filter((r) => !known.has(r.code));
    if (!fresh.some((r) => r.severity === 'MAJOR')) return { mode: 'KEEP' };
    return { mode: 'CHECK', amendment: 'FULL' };
  }
  const screen = scope.kind === 'PERSONS' ? scope.screen : [];
  const declared = new Set(spec.shape.persons(next).map((p) => p.ref));
  const carried = current.reasons.filter(
    (r) => SCREENING_CODES.has(r.code) && r.personRef && declared.has(r.personRef) && !screen.includes(r.personRef),
  );
  return { mode: 'CHECK', amendment: scope.kind, screen, carried };
}

/** The call moved on (a decision, a re-check) between reading it and committing the new version. */
class StaleCall extends ConflictError {}

export async function submitDeclaration<D>(
  deps: SubmitDeps,
  spec: DeclarationSpec<D>,
  principal: Principal,
  callId: string,
  declaration: D,
): Promise<{ callId: string; version: number; status: string; duplicate: boolean }> {
  // Checked and planned again on the fresh call: an officer's decision landing at the same moment
  // changes what the amendment supersedes, not whether the agent's declaration is taken.
  for (let attempt = 1; ; attempt++) {
    try {
      return await submitOnce(deps, spec, principal, callId, declaration);
    } catch (error) {
      if (!(error instanceof StaleCall) || attempt >= 4) throw error;
    }
  }
}

async function submitOnce<D>(
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
  transition(
    call.status,
    spec.events.submit,
    principal.role,
    `A call in status ${call.status} takes no ${kind} declaration`,
  );
  const now = deps.clock.now();
  const problems = spec.violations(declaration, call, now);
  if (problems.length) throw new RuleViolationError(`The declaration breaks ${kind} rules`, problems);

  const hash = hashOf(declaration);
  const current = call[kind];
  if (current && current.contentHash === hash && IN_HAND.has(current.state)) {
    // The same declaration again: make sure its clearance runs, and answer as the first time.
    if (current.state !== 'CLEARED') await startClearance(deps, spec, callId, current.version, current.round ?? 0);
    return { callId, version: current.version, status: call.status, duplicate: true };
  }

  const previous = current && (await spec.declarations.get(callId, current.version))?.declaration;
  const patch = spec.patch(call, declaration);
  const plan = planOf(spec, current, previous, declaration, { ...call, ...patch });
  const version = (current?.version ?? 0) + 1;
  const stored: Stored<D> = {
    callId,
    version,
    submittedAt: now.toISOString(),
    submittedBy: principal.agentId,
    declaration,
  };
  await spec.declarations.put(stored, call.version);
  const at = now.toISOString();
  const updated = await changeCall(
    deps,
    callId,
    (fresh) => {
      if (fresh.version !== call.version)
        throw new StaleCall('The call changed while the declaration was checked; retry');
      if (plan.mode === 'KEEP') {
        return {
          event: spec.events.amendSchedule,
          patch: { ...patch, [kind]: { ...fresh[kind]!, version, contentHash: hash, updatedAt: at } },
          fact: {
            actor: actorOf(principal),
            action: spec.actions.schedule,
            reason: `${kind} declaration v${version}: schedule changed only; the clearance of v${version - 1} stands`,
          },
        };
      }
      const clearance: Clearance = {
        version,
        state: 'RUNNING',
        reasons: [],
        updatedAt: at,
        contentHash: hash,
        amendment: plan.amendment,
        ...(plan.screen && { screen: plan.screen }),
        ...(plan.carried?.length && { carried: plan.carried }),
      };
      return {
        event: spec.events.submit,
        patch: { ...patch, [kind]: clearance },
        fact: {
          actor: actorOf(principal),
          action: version === 1 ? spec.actions.first : spec.actions.amend,
          reason:
            `${kind} declaration v${version}` +
            (plan.amendment === 'PERSONS' ? `: persons changed, screening ${plan.screen?.length ?? 0} again` : '') +
            (plan.amendment === 'SCHEDULE_ONLY' ? ': schedule changed only, nobody screened again' : ''),
        },
      };
    },
    call,
  );

  if (plan.mode === 'CHECK') {
    if (current?.reviewId)
      await supersede({ reviews: deps.reviews, workflows: deps.workflows, clock: deps.clock }, current.reviewId);
    await startClearance(deps, spec, callId, version, 0);
  }
  await deps.events.publish([
    {
      type: spec.event,
      callId,
      port: updated.port,
      detail: { version, agentId: updated.agentId, amendment: plan.mode === 'KEEP' ? 'SCHEDULE_ONLY' : plan.amendment },
    },
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
