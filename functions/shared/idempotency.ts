// `Idempotency-Key` support with Powertools Idempotency on the single table. A key is scoped to
// the caller and the route, so two agents can never collide; a request without the header runs
// normally.
import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { makeHandlerIdempotent } from '@aws-lambda-powertools/idempotency/middleware';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { MiddlewareObj } from '@middy/core';
import { dynamoClient, tableName } from './aws.ts';
import { config } from './config.ts';
import { TABLE } from './table.ts';

/** Where the caller-scoped key is put on the event for Powertools to hash. */
export const IDEMPOTENCY_FIELD = 'idempotencyScope';

/** Keys longer than this are refused; they would only be hashed anyway. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

export function idempotencyMiddleware(route: string): MiddlewareObj {
  let inner: MiddlewareObj | undefined;
  // Built on first use: the table name is only known once the runtime has set the environment.
  const get = (): MiddlewareObj =>
    (inner ??= makeHandlerIdempotent({
      persistenceStore: new DynamoDBPersistenceLayer({
        tableName: tableName(),
        keyAttr: TABLE.partitionKey,
        sortKeyAttr: TABLE.sortKey,
        staticPkValue: 'IDEMPOTENCY',
        expiryAttr: TABLE.ttlAttribute,
        awsSdkV3Client: dynamoClient(),
      }),
      keyPrefix: route,
      config: new IdempotencyConfig({
        eventKeyJmesPath: IDEMPOTENCY_FIELD,
        payloadValidationJmesPath: 'body',
        expiresAfterSeconds: config().IDEMPOTENCY_TTL_SECONDS,
        throwOnNoIdempotencyKey: false,
      }),
    }));
  return {
    before: (request) => get().before?.(request),
    after: (request) => get().after?.(request),
    onError: (request) => get().onError?.(request),
  };
}
