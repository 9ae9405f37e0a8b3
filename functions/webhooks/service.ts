// Agents' webhook use cases: register, list, delete, read the delivery log, redeliver.
import type { Principal } from '#shared/auth.ts';
import type { Clock } from '#shared/clock.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '#shared/errors.ts';
import { newId } from '#shared/ids.ts';
import type { DeliveryAttempts } from './delivery.ts';
import { urlProblem } from './rules.ts';
import type { CreateWebhook, Delivery, StoredDelivery, StoredWebhook, Webhook } from './schema.ts';
import { newSecret } from './signer.ts';
import type { WebhookStore } from './store.ts';

export interface WebhookDeps {
  webhooks: WebhookStore;
  clock: Clock;
  allowLoopbackHttp: boolean;
  attempts: DeliveryAttempts;
}

const LOG_LIMIT = 100;

function agentOf(principal: Principal): string {
  if (principal.role !== 'agent') throw new ForbiddenError('Only shipping agents have webhooks');
  return principal.agentId;
}

export function shown({ agentId: _a, secret: _s, ...hook }: StoredWebhook): Webhook {
  return hook;
}

export function logEntry({ agentId: _a, payload: _p, claimedAttempts: _c, ...delivery }: StoredDelivery): Delivery {
  return delivery;
}

async function ownWebhook(deps: Pick<WebhookDeps, 'webhooks'>, principal: Principal, id: string) {
  const hook = await deps.webhooks.get(id);
  // Another agent's endpoint is answered as missing: its existence is not theirs to learn.
  if (!hook || hook.agentId !== agentOf(principal)) throw new NotFoundError(`No webhook ${id}`);
  return hook;
}

export async function register(deps: WebhookDeps, principal: Principal, body: CreateWebhook) {
  const agentId = agentOf(principal);
  const problem = urlProblem(body.url, deps.allowLoopbackHttp);
  if (problem) throw new ValidationError('The webhook is not valid', [{ path: 'url', message: problem }]);
  const now = deps.clock.now();
  const hook: StoredWebhook = {
    webhookId: newId('webhook', now),
    agentId,
    url: body.url,
    events: [...new Set(body.events)],
    ...(body.description && { description: body.description }),
    status: 'ENABLED',
    createdAt: now.toISOString(),
    secret: newSecret(),
  };
  await deps.webhooks.create(hook);
  return { ...shown(hook), secret: hook.secret };
}

export async function list(deps: WebhookDeps, principal: Principal) {
  return { items: (await deps.webhooks.ofAgent(agentOf(principal))).map(shown) };
}

export async function remove(deps: WebhookDeps, principal: Principal, id: string) {
  if (!(await deps.webhooks.remove(id, agentOf(principal)))) throw new NotFoundError(`No webhook ${id}`);
  return { webhookId: id, deleted: true as const };
}

export async function deliveries(deps: WebhookDeps, principal: Principal, id: string) {
  await ownWebhook(deps, principal, id);
  return { items: (await deps.webhooks.deliveries(id, LOG_LIMIT)).map(logEntry) };
}

export async function redeliver(deps: WebhookDeps, principal: Principal, id: string, deliveryId: string) {
  const hook = await ownWebhook(deps, principal, id);
  const delivery = await deps.webhooks.getDelivery(id, deliveryId);
  if (!delivery || delivery.status === 'NOTICE') throw new NotFoundError(`No delivery ${deliveryId}`);
  if (hook.status === 'DISABLED') throw new ConflictError('The webhook is disabled; register the endpoint again');
  const sent = await deps.attempts.attempt(hook, delivery, true);
  if (!sent) throw new ConflictError('The delivery is being sent right now; read the log again');
  return logEntry((await deps.webhooks.getDelivery(id, deliveryId)) ?? delivery);
}
