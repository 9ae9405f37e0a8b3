// HTTP handlers for the gangway alerts of an officer's port.
import { adapters } from '#functions/wiring.ts';
import { recheck } from '#departure/guard.ts';
import { actorOf } from '#calls/service.ts';
import { portChain, recordPortChange } from '#functions/audit/port-changes.ts';
import { httpHandler } from '#shared/http.ts';
import { ok } from '#shared/responses.ts';
import { alertRoutes as routes } from './routes.ts';
import { acknowledge, listAlerts as list, resolve } from './service.ts';

const deps = { alerts: adapters.alerts, clock: adapters.clock, recheck };

export const listAlerts = httpHandler(routes.listAlerts).handler(async ({ query, principal }) =>
  ok(await list(deps, principal, query)),
);

export const ackAlert = httpHandler(routes.ackAlert).handler(async ({ path, principal }) =>
  ok(await acknowledge(deps, principal, path.alertId)),
);

export const resolveAlert = httpHandler(routes.resolveAlert).handler(async ({ path, body, principal }) => {
  const alert = await resolve(deps, principal, path.alertId, body.resolution);
  await recordPortChange(adapters, portChain(alert.port), {
    actor: actorOf(principal),
    action: 'ALERT_RESOLVED',
    subject: `alert ${alert.alertId} (${alert.rule}) on call ${alert.callId}`,
    reason: body.resolution,
  });
  return ok(alert);
});
