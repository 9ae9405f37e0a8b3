// Supervisors record which agents are AEO-certified, for calls at their own port.
import { dynamoAuditStore } from '#functions/audit/store.ts';
import { recordPortChange } from '#functions/audit/port-changes.ts';
import { clock } from '#shared/clock.ts';
import { ForbiddenError } from '#shared/errors.ts';
import { httpHandler } from '#shared/http.ts';
import { ok } from '#shared/responses.ts';
import { agentRoutes as routes } from './routes.ts';
import { dynamoAgentStore as store } from './store.ts';

export const setAgentTrust = httpHandler(routes.setAgentTrust).handler(async ({ path, body, principal }) => {
  if (principal.role !== 'supervisor') throw new ForbiddenError('Supervisors record agent trust');
  const profile = {
    agentId: path.agentId,
    port: principal.port,
    aeo: body.aeo,
    ...(body.note && { note: body.note }),
    updatedAt: clock.now().toISOString(),
    updatedBy: principal.sub,
  };
  await store.put(profile);
  await recordPortChange({ audit: dynamoAuditStore, clock }, 'AGENTS', {
    actor: { role: principal.role === 'supervisor' ? 'supervisor' : 'officer', id: principal.sub },
    action: body.aeo ? 'AEO_TRUST_GRANTED' : 'AEO_TRUST_WITHDRAWN',
    subject: `agent ${path.agentId}`,
    ...(body.note && { reason: body.note }),
  });
  return ok(profile);
});
