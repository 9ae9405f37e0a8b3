// HTTP handlers of agents' webhooks, and the delivery handler: an SQS consumer behind an
// EventBridge rule on AWS, a subscriber of the embedded bus locally, plus the retry sweep.
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { adapters } from '#functions/wiring.ts';
import { config } from '#shared/config.ts';
import { httpHandler } from '#shared/http.ts';
import { idempotentHandler } from '#shared/idempotent-handler.ts';
import { created, ok } from '#shared/responses.ts';
import { type BusEvent, type DeliveryRun, deliveryService } from './delivery.ts';
import { webhookRoutes as routes } from './routes.ts';
import { deliveries, list, redeliver as redeliverOne, register, remove } from './service.ts';
import { send } from './signer.ts';

// Built on use: the embedded runtime sets the configuration after modules are loaded.
function delivery() {
  const env = config();
  return deliveryService({
    webhooks: adapters.webhooks,
    calls: adapters.calls,
    clock: adapters.clock,
    send,
    random: Math.random,
    settings: {
      retry: {
        minDelayMs: env.WEBHOOK_RETRY_MIN_MS,
        maxDelayMs: env.WEBHOOK_RETRY_MAX_MS,
        maxAttempts: env.WEBHOOK_MAX_ATTEMPTS,
      },
      disableAfterMs: env.WEBHOOK_DISABLE_AFTER_MS,
      timeoutMs: env.WEBHOOK_TIMEOUT_MS,
    },
  });
}

const deps = () => ({
  webhooks: adapters.webhooks,
  clock: adapters.clock,
  allowLoopbackHttp: config().WEBHOOK_ALLOW_LOOPBACK_HTTP,
  attempts: delivery().attempts,
});

export const createWebhook = idempotentHandler(routes.createWebhook).handler(async ({ body, principal }) => {
  const hook = await register(deps(), principal, body);
  return created(hook, `/v1/webhooks/${hook.webhookId}`);
});

export const listWebhooks = httpHandler(routes.listWebhooks).handler(async ({ principal }) =>
  ok(await list(deps(), principal)),
);

export const deleteWebhook = httpHandler(routes.deleteWebhook).handler(async ({ path, principal }) =>
  ok(await remove(deps(), principal, path.id)),
);

export const listDeliveries = httpHandler(routes.listDeliveries).handler(async ({ path, principal }) =>
  ok(await deliveries(deps(), principal, path.id)),
);

export const redeliver = idempotentHandler(routes.redeliver).handler(async ({ path, principal }) =>
  ok(await redeliverOne(deps(), principal, path.id, path.deliveryId)),
);

/** One domain event, as the embedded bus hands it over. */
export const onBusEvent = (event: BusEvent): Promise<DeliveryRun> => delivery().deliverEvent(event);

/** EventBridge → SQS → here; a record that fails goes back to the queue (and, in the end, its DLQ). */
export async function deliverQueued(event: SQSEvent): Promise<SQSBatchResponse> {
  const service = delivery();
  const failures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    try {
      const bus = JSON.parse(record.body) as {
        id: string;
        time: string;
        'detail-type': string;
        detail: Record<string, unknown>;
      };
      await service.deliverEvent({ id: bus.id, time: bus.time, detailType: bus['detail-type'], detail: bus.detail });
    } catch {
      failures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures: failures };
}

/** The retry sweep: every pending delivery that is due is tried again. */
export const retryDeliveries = (): Promise<DeliveryRun> => delivery().retryDue();
