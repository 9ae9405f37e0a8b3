// The routes of agents' webhook endpoints (what a route holds: functions/shared/route.ts).
import { defineRoutes } from '#shared/route.ts';
import {
  CreateWebhook,
  CreatedWebhook,
  Deleted,
  Delivery,
  DeliveryList,
  DeliveryPath,
  WebhookList,
  WebhookPath,
} from './schema.ts';

const module = 'webhooks/api.ts';

export const webhookRoutes = defineRoutes({
  createWebhook: {
    method: 'POST',
    path: '/v1/webhooks',
    module,
    roles: ['agent'],
    summary:
      "Register an endpoint for the agent's call events, signed per Standard Webhooks; the secret (whsec_…) is shown only here",
    body: CreateWebhook,
    idempotent: true,
    responses: { 201: CreatedWebhook },
    errors: [400, 401, 403, 409, 422],
  },
  listWebhooks: {
    method: 'GET',
    path: '/v1/webhooks',
    module,
    roles: ['agent'],
    summary: "The agent's webhook endpoints (without their secrets)",
    responses: { 200: WebhookList },
    errors: [401, 403],
  },
  deleteWebhook: {
    method: 'DELETE',
    path: '/v1/webhooks/{id}',
    module,
    roles: ['agent'],
    summary: 'Delete an endpoint: nothing more is sent to it',
    params: WebhookPath,
    responses: { 200: Deleted },
    errors: [400, 401, 403, 404],
  },
  listDeliveries: {
    method: 'GET',
    path: '/v1/webhooks/{id}/deliveries',
    module,
    roles: ['agent'],
    summary: "The endpoint's delivery log, newest first: each event, its attempts and answers, and notices",
    params: WebhookPath,
    responses: { 200: DeliveryList },
    errors: [400, 401, 403, 404],
  },
  redeliver: {
    method: 'POST',
    path: '/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver',
    module,
    roles: ['agent'],
    summary: 'Send a delivery once more, now, with the same webhook-id',
    params: DeliveryPath,
    idempotent: true,
    responses: { 200: Delivery },
    errors: [400, 401, 403, 404, 409],
  },
});

/**
 * The function the webhook queue feeds on AWS (infra/constructs/webhook-delivery.ts): the table,
 * read and write, and nothing else. The embedded runtime runs its bus listener as this function.
 */
export const deliveryFunction = { name: 'deliverQueued', module: 'webhooks/api.ts', export: 'deliverQueued' } as const;
