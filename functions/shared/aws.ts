// AWS SDK clients, created once per cold start. In the embedded runtime the endpoints point at
// the loopback stand-ins (dynalite, the local Step Functions and EventBridge endpoints).
// Step Functions and EventBridge are loaded on first use: most handlers never call them, and
// loading a client is most of a cold start.
import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import type { EventBridgeClient, EventBridgeClientConfig } from '@aws-sdk/client-eventbridge';
import type { SFNClient, SFNClientConfig } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config } from './config.ts';
import { captured } from './tracer.ts';

let dynamo: DynamoDBClient | undefined;
let doc: DynamoDBDocumentClient | undefined;
let sfn: SFNClient | undefined;
let events: EventBridgeClient | undefined;

/** Client settings the hosting process adds to the defaults; none on AWS. */
export interface ClientOverrides {
  dynamo?: Partial<DynamoDBClientConfig>;
  stepFunctions?: Partial<SFNClientConfig>;
  eventBridge?: Partial<EventBridgeClientConfig>;
}
let overrides: ClientOverrides = {};

/** Sets what every client made from now on adds to its defaults, and drops the clients made so far. */
export function overrideClients(next: ClientOverrides): void {
  resetClients();
  overrides = next;
}

export function dynamoClient(): DynamoDBClient {
  const { AWS_REGION, DYNAMODB_ENDPOINT } = config();
  dynamo ??= captured(
    new DynamoDBClient({
      region: AWS_REGION,
      ...(DYNAMODB_ENDPOINT && { endpoint: DYNAMODB_ENDPOINT }),
      ...overrides.dynamo,
    }),
  );
  return dynamo;
}

export function documentClient(): DynamoDBDocumentClient {
  doc ??= DynamoDBDocumentClient.from(dynamoClient(), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return doc;
}

export async function stepFunctionsClient(): Promise<SFNClient> {
  if (sfn) return sfn;
  const { AWS_REGION, STEPFUNCTIONS_ENDPOINT } = config();
  const { SFNClient } = await import('@aws-sdk/client-sfn');
  sfn ??= captured(
    new SFNClient({
      region: AWS_REGION,
      ...(STEPFUNCTIONS_ENDPOINT && { endpoint: STEPFUNCTIONS_ENDPOINT }),
      ...overrides.stepFunctions,
    }),
  );
  return sfn;
}

export async function eventBridgeClient(): Promise<EventBridgeClient> {
  if (events) return events;
  const { AWS_REGION, EVENTBRIDGE_ENDPOINT } = config();
  const { EventBridgeClient } = await import('@aws-sdk/client-eventbridge');
  events ??= captured(
    new EventBridgeClient({
      region: AWS_REGION,
      ...(EVENTBRIDGE_ENDPOINT && { endpoint: EVENTBRIDGE_ENDPOINT }),
      ...overrides.eventBridge,
    }),
  );
  return events;
}

export function tableName(): string {
  return config().TABLE_NAME;
}

/** For the embedded runtime, which may restart its endpoints within one process. */
export function resetClients(): void {
  dynamo?.destroy();
  sfn?.destroy();
  events?.destroy();
  dynamo = doc = sfn = events = undefined;
}
