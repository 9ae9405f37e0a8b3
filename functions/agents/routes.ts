// The routes of agent trust (AEO) (what a route holds: functions/shared/route.ts).
import { defineRoutes } from '#shared/route.ts';
import { AgentPath, AgentProfile, AgentTrust } from './schema.ts';

export const agentRoutes = defineRoutes({
  setAgentTrust: {
    method: 'PUT',
    path: '/v1/agents/{agentId}/trust',
    module: 'agents/api.ts',
    roles: ['supervisor'],
    summary:
      "Record whether an agent is AEO-certified at the supervisor's port (trusted agents' minor findings there do not open a review)",
    params: AgentPath,
    body: AgentTrust,
    responses: { 200: AgentProfile },
    errors: [400, 401, 403],
  },
});
