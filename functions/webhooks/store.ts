// Webhook endpoints and their delivery logs in the single table. Each attempt is claimed by a
// conditional write on the delivery's attempt count first, so two workers that pick up the same
// delivery at once (a sweep and a repeated bus event) send it once between them.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '#shared/aws.ts';
import { queryAll, withoutKeys } from '#shared/dynamo.ts';
import { keys } from '#shared/keys.ts';
import type { Attempt, StoredDelivery, StoredWebhook } from './schema.ts';

export interface WebhookStore {
  create(hook: StoredWebhook): Promise<void>;
  get(webhookId: string): Promise<StoredWebhook | undefined>;
  ofAgent(agentId: string): Promise<StoredWebhook[]>;
  /** Deletes the endpoint if it is the agent's; false when it was not there. */
  remove(webhookId: string, agentId: string): Promise<boolean>;
  /** Marks the start of a run of failures (kept if one is under way); the endpoint as it is now. */
  failed(webhookId: string, at: string): Promise<StoredWebhook | undefined>;
  succeeded(webhookId: string): Promise<void>;
  /** Disables an enabled endpoint; true for the one caller that did it. */
  disable(webhookId: string, at: string): Promise<boolean>;
  /** Adds a delivery unless it exists (the same bus event twice); true when it is new. */
  addDelivery(delivery: StoredDelivery): Promise<boolean>;
  getDelivery(webhookId: string, deliveryId: string): Promise<StoredDelivery | undefined>;
  deliveries(webhookId: string, limit: number): Promise<StoredDelivery[]>;
  /** Takes the next attempt if nobody took it since `seen` attempts; holds it until `leaseUntil`. */
  claim(delivery: StoredDelivery, leaseUntil: string, redelivery: boolean): Promise<boolean>;
  /** Logs an attempt and what comes next: another try at `nextAttemptAt`, or the end. */
  record(
    delivery: StoredDelivery,
    attempt: Attempt,
    next: { status: StoredDelivery['status']; nextAttemptAt?: string },
  ): Promise<void>;
  /** Pending deliveries whose next try is due, oldest first. */
  due(now: string, limit: number): Promise<StoredDelivery[]>;
  /** When the next pending delivery is due, if there is one. */
  nextDue(): Promise<string | undefined>;
}

const client = () => documentClient();
const strip = <T>(item: Record<string, unknown>) => withoutKeys<T>(item);

async function conditional(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

export const dynamoWebhookStore: WebhookStore = {
  async create(hook) {
    await client().send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          ...keys.webhook(hook.webhookId),
          ...keys.webhookOfAgent(hook.agentId, hook.createdAt, hook.webhookId),
          ...hook,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  },

  async get(webhookId) {
    const out = await client().send(
      new GetCommand({ TableName: tableName(), Key: keys.webhook(webhookId), ConsistentRead: true }),
    );
    return out.Item ? strip<StoredWebhook>(out.Item) : undefined;
  },

  async ofAgent(agentId) {
    const items = await queryAll({
      IndexName: 'byOwner',
      KeyConditionExpression: 'gsi3pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.webhooksOfAgent(agentId) },
    });
    return items.map((i) => strip<StoredWebhook>(i));
  },

  remove: (webhookId, agentId) =>
    conditional(() =>
      client().send(
        new DeleteCommand({
          TableName: tableName(),
          Key: keys.webhook(webhookId),
          ConditionExpression: 'agentId = :agent',
          ExpressionAttributeValues: { ':agent': agentId },
        }),
      ),
    ),

  async failed(webhookId, at) {
    try {
      const out = await client().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: keys.webhook(webhookId),
          UpdateExpression: 'SET failingSince = if_not_exists(failingSince, :at)',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':at': at },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return out.Attributes ? strip<StoredWebhook>(out.Attributes) : undefined;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
  },

  async succeeded(webhookId) {
    await conditional(() =>
      client().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: keys.webhook(webhookId),
          UpdateExpression: 'REMOVE failingSince',
          ConditionExpression: 'attribute_exists(failingSince)',
        }),
      ),
    );
  },

  disable: (webhookId, at) =>
    conditional(() =>
      client().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: keys.webhook(webhookId),
          UpdateExpression: 'SET #status = :disabled, disabledAt = :at',
          ConditionExpression: '#status = :enabled',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':disabled': 'DISABLED', ':enabled': 'ENABLED', ':at': at },
        }),
      ),
    ),

  addDelivery: (delivery) =>
    conditional(() =>
      client().send(
        new PutCommand({
          TableName: tableName(),
          Item: {
            ...keys.delivery(delivery.webhookId, delivery.deliveryId),
            ...(delivery.nextAttemptAt && keys.pendingDelivery(delivery.nextAttemptAt, delivery.deliveryId)),
            ...delivery,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    ),

  async getDelivery(webhookId, deliveryId) {
    const out = await client().send(
      new GetCommand({ TableName: tableName(), Key: keys.delivery(webhookId, deliveryId), ConsistentRead: true }),
    );
    return out.Item ? strip<StoredDelivery>(out.Item) : undefined;
  },

  async deliveries(webhookId, limit) {
    const out = await client().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.webhookPartition(webhookId), ':prefix': keys.deliveryPrefix },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (out.Items ?? []).map((i) => strip<StoredDelivery>(i));
  },

  claim: (delivery, leaseUntil, redelivery) =>
    conditional(() =>
      client().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: keys.delivery(delivery.webhookId, delivery.deliveryId),
          UpdateExpression:
            'SET claimedAttempts = :next, nextAttemptAt = :lease, gsi2pk = :due, gsi2sk = :dueKey, #status = :pending',
          // A redelivery may take a delivery that has ended; an automatic retry only a pending one.
          ConditionExpression: `claimedAttempts = :seen${redelivery ? '' : ' AND #status = :pending'}`,
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':seen': delivery.claimedAttempts,
            ':next': delivery.claimedAttempts + 1,
            ':lease': leaseUntil,
            ':pending': 'PENDING',
            ...(({ gsi2pk, gsi2sk }) => ({ ':due': gsi2pk, ':dueKey': gsi2sk }))(
              keys.pendingDelivery(leaseUntil, delivery.deliveryId),
            ),
          },
        }),
      ),
    ),

  async record(delivery, attempt, next) {
    const pending = next.nextAttemptAt && keys.pendingDelivery(next.nextAttemptAt, delivery.deliveryId);
    await client().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.delivery(delivery.webhookId, delivery.deliveryId),
        UpdateExpression: pending
          ? 'SET attempts = list_append(attempts, :attempt), #status = :status, nextAttemptAt = :next, gsi2pk = :due, gsi2sk = :dueKey'
          : 'SET attempts = list_append(attempts, :attempt), #status = :status REMOVE nextAttemptAt, gsi2pk, gsi2sk',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':attempt': [attempt],
          ':status': next.status,
          ...(pending && { ':next': next.nextAttemptAt, ':due': pending.gsi2pk, ':dueKey': pending.gsi2sk }),
        },
      }),
    );
  },

  async due(now, limit) {
    const out = await client().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'byStatus',
        KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk <= :now',
        ExpressionAttributeValues: { ':pk': keys.pendingDeliveries, ':now': `${now}#~` },
        Limit: limit,
      }),
    );
    return (out.Items ?? []).map((i) => strip<StoredDelivery>(i));
  },

  async nextDue() {
    const out = await client().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'byStatus',
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.pendingDeliveries },
        Limit: 1,
      }),
    );
    const item = out.Items?.[0];
    return item ? String(item.nextAttemptAt) : undefined;
  },
};
