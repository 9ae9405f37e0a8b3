// Supervisors record which agents are AEO-certified.
import { clock } from '#shared/clock.ts';
import { httpHandler } from '#shared/http.ts';
import { ok } from '#shared/responses.ts';
import { agentRoutes as routes } from './routes.ts';
import { dynamoAgentStore as store } from './store.ts';

export const setAgentTrust = httpHandler(routes.setAgentTrust).handler(async ({ path, body, principal }) => {
  const profile = {
    agentId: path.agentId,
    aeo: body.aeo,
    ...(body.note && { note: body.note }),
    updatedAt: clock.now().toISOString(),
    updatedBy: principal.sub,
  };
  await store.put(profile);
  return ok(profile);
});
