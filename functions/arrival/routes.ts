// The routes of the arrival declaration (what a route holds: functions/shared/route.ts).
import { defineRoutes } from '#shared/route.ts';
import { CallPath } from '#shared/values.ts';
import { ArrivalAccepted, ArrivalDeclaration, ArrivalDeclarationRead, DeclarationQuery } from './schema.ts';

export const arrivalRoutes = defineRoutes({
  putArrival: {
    method: 'PUT',
    path: '/v1/calls/{callId}/arrival',
    module: 'arrival/api.ts',
    roles: ['agent'],
    summary:
      'Submit or amend the arrival declaration; each accepted submission is a new version, cleared by the arrival workflow',
    params: CallPath,
    body: ArrivalDeclaration,
    idempotent: true,
    workflows: ['start', 'answer'],
    events: true,
    responses: { 202: ArrivalAccepted },
    errors: [400, 401, 403, 404, 409, 422],
  },
  getArrival: {
    method: 'GET',
    path: '/v1/calls/{callId}/arrival',
    module: 'arrival/api.ts',
    roles: ['agent', 'officer'],
    summary: 'The newest arrival declaration, or an earlier one with ?version=',
    params: CallPath,
    query: DeclarationQuery,
    responses: { 200: ArrivalDeclarationRead },
    errors: [400, 401, 403, 404],
  },
});
