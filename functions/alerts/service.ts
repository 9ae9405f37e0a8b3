// Officers' alert use cases: the alerts of their port, taking one, resolving one. Resolving a
// high alert re-checks the call's departure, which it may have been holding.
import type { Principal } from '#shared/auth.ts';
import type { Clock } from '#shared/clock.ts';
import { ConflictError, NotFoundError } from '#shared/errors.ts';
import type { Alert } from './schema.ts';
import type { AlertStore } from './store.ts';

export interface AlertDeps {
  alerts: AlertStore;
  clock: Clock;
  recheck: (callId: string, why: string) => Promise<unknown>;
}

async function ownAlert(deps: AlertDeps, principal: Principal, alertId: string): Promise<Alert> {
  const alert = await deps.alerts.get(alertId);
  if (!alert || principal.role === 'agent' || principal.role === 'device' || alert.port !== principal.port) {
    throw new NotFoundError(`No alert ${alertId}`);
  }
  return alert;
}

export async function listAlerts(
  deps: AlertDeps,
  principal: Principal,
  query: { status: Alert['status']; callId?: string; limit: number; nextToken?: string },
) {
  if (principal.role === 'agent' || principal.role === 'device') return { items: [] };
  if (query.callId) {
    // One call's alerts come from the call's own index: complete, never a short page.
    const ofCall = await deps.alerts.ofCall(query.callId);
    return { items: ofCall.filter((a) => a.port === principal.port && a.status === query.status).reverse() };
  }
  const page = await deps.alerts.list(principal.port, query.status, query.limit, query.nextToken);
  return { items: page.items, ...(page.nextToken && { nextToken: page.nextToken }) };
}

export async function acknowledge(deps: AlertDeps, principal: Principal, alertId: string): Promise<Alert> {
  const alert = await ownAlert(deps, principal, alertId);
  if (alert.status === 'ACKNOWLEDGED' && alert.owner === principal.sub) return alert;
  if (alert.status !== 'OPEN') throw new ConflictError(`The alert is already ${alert.status.toLowerCase()}`);
  const next: Alert = {
    ...alert,
    status: 'ACKNOWLEDGED',
    owner: principal.sub,
    acknowledgedAt: deps.clock.now().toISOString(),
  };
  await deps.alerts.transition(next, 'OPEN');
  return next;
}

export async function resolve(
  deps: AlertDeps,
  principal: Principal,
  alertId: string,
  resolution: string,
): Promise<Alert> {
  const alert = await ownAlert(deps, principal, alertId);
  if (alert.status === 'RESOLVED') {
    if (alert.resolution === resolution) return alert;
    throw new ConflictError('The alert is already resolved');
  }
  const next: Alert = {
    ...alert,
    status: 'RESOLVED',
    owner: alert.owner ?? principal.sub,
    resolvedAt: deps.clock.now().toISOString(),
    resolution,
  };
  await deps.alerts.transition(next, alert.status);
  // A resolved high alert may have been all that held the departure.
  if (alert.severity === 'HIGH') await deps.recheck(alert.callId, `alert ${alert.alertId} resolved`);
  return next;
}
