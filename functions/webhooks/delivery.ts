// Delivering call events to agents' endpoints: at least once, each attempt signed, failures
// retried by the backoff rule, and an endpoint that has failed for a day disabled with a notice.
import { createHash } from 'node:crypto';
import type { CallStore } from '#calls/store.ts';
import type { Clock } from '#shared/clock.ts';
import { logger } from '#shared/logger.ts';
import { type RetryPolicy, agentPayload, retryDelayMs, shouldDisable } from './rules.ts';
import type { StoredDelivery, StoredWebhook } from './schema.ts';
import type { send } from './signer.ts';
import type { WebhookStore } from './store.ts';

/** One event off the bus, as EventBridge hands it to a rule's target. */
export interface BusEvent {
  id: string;
  time: string;
  detailType: string;
  detail: Record<string, unknown>;
}

export interface DeliverySettings {
  retry: RetryPolicy;
  disableAfterMs: number;
  timeoutMs: number;
}

export interface DeliveryDeps {
  webhooks: WebhookStore;
  calls: Pick<CallStore, 'get'>;
  clock: Clock;
  settings: DeliverySettings;
  send: typeof send;
  random: () => number;
}

export interface DeliveryAttempts {
  /** Sends the delivery once more; false when another worker holds it. */
  attempt(hook: StoredWebhook, delivery: StoredDelivery, redelivery: boolean): Promise<boolean>;
}

/** When the earliest pending delivery is due, so the caller can come back then. */
export interface DeliveryRun {
  nextDueAt?: string;
}

const DUE_BATCH = 25;

/**
 * The delivery's id, also its `webhook-id`: the same bus event for the same endpoint always gets
 * the same one (EventBridge and SQS deliver at least once), and ids sort by the event's time.
 */
export function deliveryIdFor(event: BusEvent, webhookId: string): string {
  const time = Date.parse(event.time).toString(36).padStart(9, '0');
  const digest = createHash('sha256').update(`${event.id}|${webhookId}`).digest('hex').slice(0, 16);
  return `msg_${time}${digest}`;
}

export function deliveryService(deps: DeliveryDeps) {
  const { webhooks, clock, settings } = deps;
  const later = (ms: number) => new Date(clock.now().getTime() + ms).toISOString();

  async function failedEndpoint(hook: StoredWebhook, at: string) {
    const fresh = await webhooks.failed(hook.webhookId, at);
    if (fresh?.status !== 'ENABLED') return;
    if (!shouldDisable(fresh.failingSince, clock.now(), settings.disableAfterMs)) return;
    if (!(await webhooks.disable(hook.webhookId, at))) return;
    logger.warn('webhook disabled after a day of failures', { webhookId: hook.webhookId });
    await webhooks.addDelivery({
      deliveryId: `msg_${Date.parse(at).toString(36).padStart(9, '0')}${'0'.repeat(16)}`,
      webhookId: hook.webhookId,
      agentId: hook.agentId,
      eventType: 'EndpointDisabled',
      status: 'NOTICE',
      createdAt: at,
      attempts: [],
      notice: `Disabled: every delivery failed since ${fresh.failingSince}. Register the endpoint again once it answers.`,
      payload: '',
      claimedAttempts: 0,
    });
  }

  const attempts: DeliveryAttempts = {
    async attempt(hook, delivery, redelivery) {
      const lease = later(settings.timeoutMs + 30_000);
      if (!(await webhooks.claim(delivery, lease, redelivery))) return false;
      const at = clock.now();
      const result = await deps.send(
        hook.url,
        hook.secret,
        delivery.deliveryId,
        at,
        delivery.payload,
        settings.timeoutMs,
      );
      const attempt = {
        at: at.toISOString(),
        ok: result.ok,
        ...(result.status !== undefined && { status: result.status }),
        ...(result.error && { error: result.error }),
        ...(redelivery && { redelivery: true }),
      };
      if (result.ok) {
        await webhooks.record(delivery, attempt, { status: 'DELIVERED' });
        await webhooks.succeeded(hook.webhookId);
        return true;
      }
      // A redelivery is the agent's own single try: it never restarts the automatic schedule.
      const wait = redelivery ? undefined : retryDelayMs(delivery.claimedAttempts + 1, settings.retry, deps.random());
      await webhooks.record(
        delivery,
        attempt,
        wait === undefined ? { status: 'FAILED' } : { status: 'PENDING', nextAttemptAt: later(wait) },
      );
      await failedEndpoint(hook, attempt.at);
      return true;
    },
  };

  async function finish(): Promise<DeliveryRun> {
    const nextDueAt = await webhooks.nextDue();
    return nextDueAt ? { nextDueAt } : {};
  }

  return {
    attempts,

    /** Fans one bus event out to the endpoints of the call's agent that asked for it. */
    async deliverEvent(event: BusEvent): Promise<DeliveryRun> {
      const payload = agentPayload(event.detailType, event.detail, event.time);
      if (!payload) return {};
      const call = await deps.calls.get(payload.data.callId);
      if (!call) return {};
      const hooks = (await webhooks.ofAgent(call.agentId)).filter(
        (h) => h.status === 'ENABLED' && h.events.includes(payload.type),
      );
      const body = JSON.stringify(payload);
      await Promise.all(
        hooks.map(async (hook) => {
          const delivery: StoredDelivery = {
            deliveryId: deliveryIdFor(event, hook.webhookId),
            webhookId: hook.webhookId,
            agentId: hook.agentId,
            eventType: payload.type,
            callId: payload.data.callId,
            status: 'PENDING',
            createdAt: clock.now().toISOString(),
            nextAttemptAt: clock.now().toISOString(),
            attempts: [],
            payload: body,
            claimedAttempts: 0,
          };
          // The same event again: the first copy's delivery (and the retry sweep) carries on.
          if (await webhooks.addDelivery(delivery)) await attempts.attempt(hook, delivery, false);
        }),
      );
      return finish();
    },

    /** Tries again every pending delivery that is due. */
    async retryDue(): Promise<DeliveryRun> {
      const due = await webhooks.due(clock.now().toISOString(), DUE_BATCH);
      await Promise.all(
        due.map(async (delivery) => {
          const hook = await webhooks.get(delivery.webhookId);
          if (hook?.status !== 'ENABLED') {
            // Deleted or disabled meanwhile: the delivery ends here, logged as not sent.
            await webhooks.record(
              delivery,
              { at: clock.now().toISOString(), ok: false, error: hook ? 'endpoint disabled' : 'endpoint deleted' },
              { status: 'FAILED' },
            );
            return;
          }
          await attempts.attempt(hook, delivery, false);
        }),
      );
      return finish();
    },
  };
}
