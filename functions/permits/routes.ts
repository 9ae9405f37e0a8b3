// The routes of permits and their public verification (what a route holds: functions/shared/route.ts).
import { defineRoutes } from '#shared/route.ts';
import { Permit, PermitPath, PermitVerification, VerifyPath } from './schema.ts';

export const permitRoutes = defineRoutes({
  getPermit: {
    method: 'GET',
    path: '/v1/calls/{callId}/permits/{kind}',
    module: 'permits/api.ts',
    roles: ['agent', 'officer'],
    summary: 'The arrival or departure permit of a call, with its verification code',
    params: PermitPath,
    responses: { 200: Permit },
    errors: [400, 401, 403, 404],
  },
  verifyPermit: {
    method: 'GET',
    path: '/v1/permits/verify/{code}',
    module: 'permits/api.ts',
    roles: 'public',
    summary: 'Check a permit verification code: whether it is valid, for which vessel and port',
    params: VerifyPath,
    responses: { 200: PermitVerification },
    errors: [400, 404],
  },
});
