// The routes of re-driving a failed clearance (what a route holds: functions/shared/route.ts).
import { defineRoutes } from '#shared/route.ts';
import { ClearancePath, ClearanceRedriven, RedriveClearance } from './schema.ts';

export const clearanceRoutes = defineRoutes({
  redriveClearance: {
    method: 'POST',
    path: '/v1/calls/{callId}/clearances/{kind}/redrive',
    module: 'clearance/api.ts',
    roles: ['officer', 'supervisor'],
    summary: 'Run a FAILED arrival or departure clearance again (same declaration, new round), once its cause is fixed',
    params: ClearancePath,
    body: RedriveClearance,
    idempotent: true,
    workflows: ['start'],
    events: true,
    responses: { 202: ClearanceRedriven },
    errors: [400, 401, 403, 404, 409],
  },
});
