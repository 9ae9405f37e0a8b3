// Webhook endpoints of shipping agents and the log of what was delivered to them.
import * as z from 'zod';

/** The call events an agent can subscribe to, under the names agents see. */
export const AgentEventType = z
  .enum([
    'ArrivalCleared',
    'AmendmentRequested',
    'ReviewOpened',
    'ArrivalRejected',
    'DepartureCleared',
    'DepartureHeld',
    'PermitSuspended',
  ])
  .meta({ id: 'WebhookEventType' });
export type AgentEventType = z.infer<typeof AgentEventType>;

export const WebhookId = z.string().regex(/^W[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a webhook id');
export const DeliveryId = z.string().regex(/^msg_[0-9a-z]{9}[0-9a-f]{16}$/, 'must be a delivery id');

export const CreateWebhook = z
  .strictObject({
    url: z.url().max(2048),
    events: z.array(AgentEventType).min(1).max(AgentEventType.options.length),
    description: z.string().trim().max(200).optional(),
  })
  .meta({ id: 'CreateWebhook' });
export type CreateWebhook = z.infer<typeof CreateWebhook>;

export const WebhookStatus = z.enum(['ENABLED', 'DISABLED']);

export const Webhook = z
  .object({
    webhookId: WebhookId,
    url: z.string(),
    events: z.array(AgentEventType),
    description: z.string().optional(),
    status: WebhookStatus,
    createdAt: z.string(),
    /** First failure of the run of failures under way; cleared by a success. */
    failingSince: z.string().optional(),
    disabledAt: z.string().optional(),
  })
  .meta({ id: 'Webhook' });
export type Webhook = z.infer<typeof Webhook>;

/** What the store keeps: the endpoint, its owner and the signing secret. */
export const StoredWebhook = Webhook.extend({ agentId: z.string(), secret: z.string() });
export type StoredWebhook = z.infer<typeof StoredWebhook>;

export const CreatedWebhook = Webhook.extend({
  secret: z.string().meta({ description: 'The signing secret (whsec_…), shown only in this answer' }),
}).meta({ id: 'CreatedWebhook' });

export const WebhookList = z.object({ items: z.array(Webhook) }).meta({ id: 'WebhookList' });

export const Attempt = z.object({
  at: z.string(),
  /** HTTP status the endpoint answered; absent when it could not be reached. */
  status: z.number().int().optional(),
  error: z.string().optional(),
  ok: z.boolean(),
  redelivery: z.boolean().optional(),
});
export type Attempt = z.infer<typeof Attempt>;

export const DeliveryStatus = z.enum(['PENDING', 'DELIVERED', 'FAILED', 'NOTICE']);

export const Delivery = z
  .object({
    deliveryId: z.string().meta({ description: 'Also the webhook-id header: the same on every attempt' }),
    webhookId: WebhookId,
    eventType: z.string(),
    callId: z.string().optional(),
    status: DeliveryStatus,
    createdAt: z.string(),
    nextAttemptAt: z.string().optional(),
    attempts: z.array(Attempt),
    /** Only on notices: what happened to the endpoint. */
    notice: z.string().optional(),
  })
  .meta({ id: 'WebhookDelivery' });
export type Delivery = z.infer<typeof Delivery>;

/** A delivery as stored: the payload it sends on every attempt. */
export type StoredDelivery = Delivery & { agentId: string; payload: string; claimedAttempts: number };

export const DeliveryList = z.object({ items: z.array(Delivery) }).meta({ id: 'WebhookDeliveryList' });
export const WebhookPath = z.object({ id: WebhookId });
export const DeliveryPath = z.object({ id: WebhookId, deliveryId: DeliveryId });
export const Deleted = z.object({ webhookId: WebhookId, deleted: z.literal(true) }).meta({ id: 'DeletedWebhook' });

/** The JSON body an endpoint receives: the event's name, when, and the call it is about. */
export const WebhookPayload = z
  .object({
    type: AgentEventType,
    timestamp: z.string(),
    data: z.object({
      callId: z.string(),
      port: z.string().optional(),
      kind: z.enum(['arrival', 'departure']).optional(),
      version: z.number().int().optional(),
    }),
  })
  .meta({ id: 'WebhookPayload' });
export type WebhookPayload = z.infer<typeof WebhookPayload>;
