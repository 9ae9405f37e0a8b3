// The routes of signed gangway events and presence (what a route holds: functions/shared/route.ts).
import { defineRoutes } from '#shared/route.ts';
import { CallPath } from '#shared/values.ts';
import { GangwayPost, GangwayReceipt, PersonsOnCall } from './schema.ts';

export const gangwayRoutes = defineRoutes({
  postGangwayEvents: {
    method: 'POST',
    path: '/v1/gangway/events',
    module: 'gangway/api.ts',
    roles: ['device'],
    summary:
      'One signed scan event, or { "events": [...] } (up to 100) buffered offline; each answered accepted, duplicate or rejected',
    body: GangwayPost,
    deviceKeys: true,
    workflows: ['start', 'answer'],
    events: true,
    responses: { 202: GangwayReceipt },
    errors: [400, 401, 403, 422],
  },
  listPersons: {
    method: 'GET',
    path: '/v1/calls/{callId}/persons',
    module: 'gangway/api.ts',
    roles: ['agent', 'officer'],
    summary: 'Persons on the call with their presence (on board, ashore) and the counts',
    params: CallPath,
    responses: { 200: PersonsOnCall },
    errors: [400, 401, 403, 404],
  },
});
