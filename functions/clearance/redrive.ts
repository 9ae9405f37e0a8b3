// Re-driving a clearance that failed (a task kept failing after its retries, e.g. an agency's
// system down): once the cause is fixed, an officer of the port runs the same declaration version
// again as a new round. Works the same in both runtimes; nothing from the failed run is reused.
import { canView } from '#calls/rules.ts';
import { type CallDeps, actorOf, changeCall } from '#calls/service.ts';
import type { Principal } from '#shared/auth.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '#shared/errors.ts';
import type { WorkflowClient } from '#shared/workflows.ts';
import type { ClearanceKind } from './schema.ts';
import { startClearance } from './submit.ts';
import { CLEARANCE_WORKFLOWS } from './workflows.ts';

export interface RedriveDeps extends CallDeps {
  workflows: WorkflowClient;
}

export async function redriveClearance(
  deps: RedriveDeps,
  principal: Principal,
  callId: string,
  kind: ClearanceKind,
  reason: string,
) {
  const call = await deps.store.get(callId);
  if (!call || !canView(principal, call)) throw new NotFoundError(`No call ${callId}`);
  if (principal.role !== 'officer' && principal.role !== 'supervisor')
    throw new ForbiddenError('Only officers of the port re-drive a clearance');
  let round = 0;
  const updated = await changeCall(deps, callId, (fresh) => {
    const clearance = fresh[kind];
    if (clearance?.state !== 'FAILED') {
      throw new ConflictError(`Only a failed ${kind} clearance is re-driven`, [
        {
          path: 'kind',
          message: clearance ? `the ${kind} clearance is ${clearance.state}` : `no ${kind} declaration was submitted`,
        },
      ]);
    }
    round = (clearance.round ?? 0) + 1;
    const { error: _error, ...rest } = clearance;
    return {
      event: kind === 'arrival' ? 'REDRIVE_ARRIVAL' : 'REDRIVE_DEPARTURE',
      patch: { [kind]: { ...rest, state: 'RUNNING', round, updatedAt: deps.clock.now().toISOString() } },
      fact: {
        actor: actorOf(principal),
        action: 'CLEARANCE_REDRIVEN',
        reason: `${kind} v${clearance.version}: ${reason}`,
      },
    };
  });
  const version = updated[kind]!.version;
  await startClearance(deps, { kind, workflow: CLEARANCE_WORKFLOWS[kind] }, callId, version, round);
  await deps.events.publish([
    { type: 'ClearanceRedriven', callId, port: updated.port, detail: { kind, version, round } },
  ]);
  return { callId, kind, version, round, state: 'RUNNING' as const };
}
