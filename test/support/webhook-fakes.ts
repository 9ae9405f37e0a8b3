// An in-memory webhook store with the DynamoDB adapter's conditions (claims by attempt count).
import type { StoredDelivery, StoredWebhook } from '#webhooks/schema.ts';
import type { WebhookStore } from '#webhooks/store.ts';

export function memoryWebhooks(): WebhookStore & { log: Map<string, StoredDelivery> } {
  const hooks = new Map<string, StoredWebhook>();
  const log = new Map<string, StoredDelivery>();
  const id = (d: { webhookId: string; deliveryId: string }) => `${d.webhookId}/${d.deliveryId}`;
  const copy = <T>(v: T): T => structuredClone(v);
  return {
    log,
    async create(hook) {
      hooks.set(hook.webhookId, copy(hook));
    },
    get: async (webhookId) => copy(hooks.get(webhookId)),
    ofAgent: async (agentId) => [...hooks.values()].filter((h) => h.agentId === agentId).map(copy),
    async remove(webhookId, agentId) {
      if (hooks.get(webhookId)?.agentId !== agentId) return false;
      return hooks.delete(webhookId);
    },
    async failed(webhookId, at) {
      const hook = hooks.get(webhookId);
      if (!hook) return undefined;
      hook.failingSince ??= at;
      return copy(hook);
    },
    async succeeded(webhookId) {
      const hook = hooks.get(webhookId);
      if (hook) delete hook.failingSince;
    },
    async disable(webhookId, at) {
      const hook = hooks.get(webhookId);
      if (hook?.status !== 'ENABLED') return false;
      Object.assign(hook, { status: 'DISABLED', disabledAt: at });
      return true;
    },
    async addDelivery(delivery) {
      if (log.has(id(delivery))) return false;
      log.set(id(delivery), copy(delivery));
      return true;
    },
    getDelivery: async (webhookId, deliveryId) => copy(log.get(id({ webhookId, deliveryId }))),
    deliveries: async (webhookId, limit) =>
      [...log.values()]
        .filter((d) => d.webhookId === webhookId)
        .sort((a, b) => b.deliveryId.localeCompare(a.deliveryId))
        .slice(0, limit)
        .map(copy),
    async claim(delivery, leaseUntil, redelivery) {
      const stored = log.get(id(delivery));
      if (!stored || stored.claimedAttempts !== delivery.claimedAttempts) return false;
      if (!redelivery && stored.status !== 'PENDING') return false;
      Object.assign(stored, {
        claimedAttempts: stored.claimedAttempts + 1,
        nextAttemptAt: leaseUntil,
        status: 'PENDING',
      });
      return true;
    },
    async record(delivery, attempt, next) {
      const stored = log.get(id(delivery))!;
      stored.attempts.push(attempt);
      stored.status = next.status;
      if (next.nextAttemptAt) stored.nextAttemptAt = next.nextAttemptAt;
      else delete stored.nextAttemptAt;
    },
    due: async (now, limit) =>
      [...log.values()]
        .filter((d) => d.status === 'PENDING' && d.nextAttemptAt && d.nextAttemptAt <= now)
        .sort((a, b) => a.nextAttemptAt!.localeCompare(b.nextAttemptAt!))
        .slice(0, limit)
        .map(copy),
    nextDue: async () =>
      [...log.values()]
        .filter((d) => d.status === 'PENDING' && d.nextAttemptAt)
        .map((d) => d.nextAttemptAt!)
        .sort()[0],
  };
}
