// `Idempotency-Key` support with Powertools Idempotency on the single table. A key belongs to its
// caller (two agents never collide); the request it was first used for — method, path and body —
// is its payload, so the same key on another path, method or body is refused (422) instead of
// answering with another request's result. A request without the header runs normally.
import { keys } from '#shared/keys.ts';
import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { makeHandlerIdempotent } from '@aws-lambda-powertools/idempotency/middleware';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { MiddlewareObj } from '@middy/core';
import { dynamoClient, tableName } from './aws.ts';
import { config } from './config.ts';
import { IDEMPOTENCY_FIELD, IDEMPOTENCY_PAYLOAD } from './idempotency-key.ts';
import { TABLE } from './table.ts';

/** One prefix for every route: a key is the caller's, whatever route it is sent to. */
const KEY_PREFIX = 'http';

const REFUSED = Symbol('idempotency refused');

export function idempotencyMiddleware(): MiddlewareObj {
  let inner: MiddlewareObj | undefined;
  // Built on first use: the table name is only known once the runtime has set the environment.
  const get = (): MiddlewareObj =>
    (inner ??= makeHandlerIdempotent({
      persistenceStore: new DynamoDBPersistenceLayer({
        tableName: tableName(),
        keyAttr: TABLE.partitionKey,
        sortKeyAttr: TABLE.sortKey,
        staticPkValue: keys.idempotencyPartition,
        expiryAttr: TABLE.ttlAttribute,
        awsSdkV3Client: dynamoClient(),
      }),
      keyPrefix: KEY_PREFIX,
      config: new IdempotencyConfig({
        eventKeyJmesPath: IDEMPOTENCY_FIELD,
        payloadValidationJmesPath: IDEMPOTENCY_PAYLOAD,
        expiresAfterSeconds: config().IDEMPOTENCY_TTL_SECONDS,
        throwOnNoIdempotencyKey: false,
      }),
    }));
  return {
    before: async (request) => {
      try {
        return await get().before?.(request);
      } catch (error) {
        // Refused before the handler ran (another request holds the key, or the key was reused):
        // the record is the other request's, and Powertools' onError would delete it.
        (request.internal as Record<symbol, boolean>)[REFUSED] = true;
        throw error;
      }
    },
    after: (request) => get().after?.(request),
    onError: (request) => {
      if ((request.internal as Record<symbol, boolean>)[REFUSED]) return;
      return get().onError?.(request);
    },
  };
}
