// Officers list, acknowledge and resolve the gangway alerts of their port.
import type { Principal } from '#shared/auth.ts';
import { clock } from '#shared/clock.ts';
import { ConflictError, NotFoundError } from '#shared/errors.ts';
import { httpHandler } from '#shared/http.ts';
import { ok } from '#shared/responses.ts';
import { routes } from '#functions/routes.ts';
import { dynamoCallStore } from '#calls/store.ts';
import { recheckDeparture } from '#departure/recheck.ts';
import { dynamoReviewStore } from '#review/store.ts';
import { eventBridgePublisher } from '#shared/events.ts';
import { stepFunctions } from '#shared/workflows.ts';
import type { Alert } from './schema.ts';
import { dynamoAlertStore as alerts } from './store.ts';

async function ownAlert(principal: Principal, alertId: string): Promise<Alert> {
  const alert = await alerts.get(alertId);
  if (!alert || principal.role === 'agent' || principal.role === 'device' || alert.port !== principal.port) {
    throw new NotFoundError(`No alert ${alertId}`);
  }
  return alert;
}

export const listAlerts = httpHandler(routes.listAlerts).handler(async ({ query, principal }) => {
  if (principal.role === 'agent' || principal.role === 'device') return ok({ items: [] });
  if (query.callId) {
    // One call's alerts come from the call's own index: complete, never a short page.
    const ofCall = await alerts.ofCall(query.callId);
    return ok({ items: ofCall.filter((a) => a.port === principal.port && a.status === query.status).reverse() });
  }
  const page = await alerts.list(principal.port, query.status, query.limit, query.nextToken);
  return ok({ items: page.items, ...(page.nextToken && { nextToken: page.nextToken }) });
});

export const ackAlert = httpHandler(routes.ackAlert).handler(async ({ path, principal }) => {
  const alert = await ownAlert(principal, path.alertId);
  if (alert.status === 'ACKNOWLEDGED' && alert.owner === principal.sub) return ok(alert);
  if (alert.status !== 'OPEN') throw new ConflictError(`The alert is already ${alert.status.toLowerCase()}`);
  const next: Alert = { ...alert, status: 'ACKNOWLEDGED', owner: principal.sub, acknowledgedAt: clock.now().toISOString() };
  await alerts.transition(next, 'OPEN');
  return ok(next);
});

export const resolveAlert = httpHandler(routes.resolveAlert).handler(async ({ path, body, principal }) => {
  const alert = await ownAlert(principal, path.alertId);
  if (alert.status === 'RESOLVED') {
    if (alert.resolution === body.resolution) return ok(alert);
    throw new ConflictError('The alert is already resolved');
  }
  const next: Alert = {
    ...alert,
    status: 'RESOLVED',
    owner: alert.owner ?? principal.sub,
    resolvedAt: clock.now().toISOString(),
    resolution: body.resolution,
  };
  await alerts.transition(next, alert.status);
  // A resolved high alert may have been all that held the departure.
  if (alert.severity === 'HIGH') {
    await recheckDeparture({ store: dynamoCallStore, reviews: dynamoReviewStore, workflows: stepFunctions, events: eventBridgePublisher, clock }, alert.callId, `alert ${alert.alertId} resolved`);
  }
  return ok(next);
});
