// The routes of gangway alerts (what a route holds: functions/shared/route.ts).
import { defineRoutes } from '#shared/route.ts';
import { Alert, AlertPage, AlertPath, AlertQuery, ResolveAlert } from './schema.ts';

export const alertRoutes = defineRoutes({
  listAlerts: {
    method: 'GET',
    path: '/v1/alerts',
    module: 'alerts/api.ts',
    roles: ['officer'],
    summary: "Gangway alerts of the officer's port, newest first, by status (default OPEN)",
    query: AlertQuery,
    responses: { 200: AlertPage },
    errors: [400, 401, 403],
  },
  ackAlert: {
    method: 'POST',
    path: '/v1/alerts/{alertId}/ack',
    module: 'alerts/api.ts',
    roles: ['officer'],
    summary: 'Acknowledge an alert: the officer takes it',
    params: AlertPath,
    responses: { 200: Alert },
    errors: [400, 401, 403, 404, 409],
  },
  resolveAlert: {
    method: 'POST',
    path: '/v1/alerts/{alertId}/resolve',
    module: 'alerts/api.ts',
    roles: ['officer'],
    summary: 'Resolve an alert with what was found',
    params: AlertPath,
    body: ResolveAlert,
    workflows: ['start', 'answer'],
    events: true,
    responses: { 200: Alert },
    errors: [400, 401, 403, 404, 409],
  },
});
