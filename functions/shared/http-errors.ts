// The one place errors become HTTP responses. Every error body has the design's shape; a 5xx
// never carries internals, and nothing from the request body is logged.
import type { MiddlewareObj } from '@middy/core';
import { AppError, type ErrorBody, type ErrorDetail, RuleViolationError, ServiceUnavailableError } from './errors.ts';
import { type Lang, langOf } from './i18n.ts';
import { logger } from './logger.ts';
import { type HttpResult, json } from './responses.ts';

const THROTTLING = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'InternalServerError',
  'ServiceUnavailable',
  'TimeoutError',
]);

/** Maps an error to its response; exported for the gateway and for tests. */
export function toResponse(error: unknown, lang: Lang = 'en'): HttpResult {
  const body = (
    status: number,
    code: string,
    message: string,
    details: ErrorDetail[] = [],
    headers = {},
    extra: Record<string, unknown> = {},
  ) => json(status, { error: { code, message, details, ...extra } } satisfies ErrorBody, headers);

  if (error instanceof RuleViolationError) {
    return body(error.status, error.code, lang === 'zh' ? '申报不符合规则' : error.message, error.localised(lang));
  }
  if (error instanceof AppError)
    return body(error.status, error.code, error.message, error.details, error.headers(), error.extra());

  const e = error as {
    name?: string;
    statusCode?: number;
    message?: string;
    cause?: { package?: string };
    $metadata?: { httpStatusCode?: number };
  };
  // middy's JSON body parser
  if (e.cause?.package === '@middy/http-json-body-parser') {
    if (e.statusCode === 415) {
      return body(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the body as JSON with Content-Type: application/json');
    }
    return body(400, 'VALIDATION_FAILED', 'The request body is not valid JSON', [
      { path: '', message: 'must be a JSON document' },
    ]);
  }
  switch (e.name) {
    case 'IdempotencyValidationError':
      return body(
        422,
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was used for another request (another path, method or body)',
        [{ path: 'headers.idempotency-key', message: 'already used for another request; send a new key' }],
      );
    // Another request with this key is being processed (or has just failed and let the key go).
    case 'IdempotencyAlreadyInProgressError':
    case 'IdempotencyItemNotFoundError':
      return body(
        409,
        'IDEMPOTENCY_IN_PROGRESS',
        'A request with this Idempotency-Key is still being processed; retry after a moment',
        [{ path: 'headers.idempotency-key', message: 'in use by a request still in progress' }],
        { 'retry-after': '1' },
      );
  }
  if (
    (e.name && THROTTLING.has(e.name)) ||
    (e.$metadata?.httpStatusCode ?? 0) >= 500 ||
    e.name === 'IdempotencyPersistenceLayerError'
  ) {
    logger.warn('dependency unavailable', { errorName: e.name });
    const unavailable = new ServiceUnavailableError('A service the request needs is busy; retry shortly');
    return body(503, unavailable.code, unavailable.message, [], unavailable.headers());
  }
  logger.error('unhandled error', { errorName: e.name, errorMessage: e.message });
  return body(500, 'INTERNAL', 'Something went wrong on our side; it has been logged');
}

export function errorMapper(): MiddlewareObj<{ headers?: Record<string, string | undefined> }> {
  return {
    onError: (request) => {
      if (request.response?.statusCode && request.response.statusCode < 400 && !request.error) return;
      const response = toResponse(request.error, langOf(request.event?.headers?.['accept-language']));
      if (response.statusCode! < 500 && response.statusCode !== 503) {
        logger.info('request refused', {
          status: response.statusCode,
          code: (JSON.parse(response.body as string) as ErrorBody).error.code,
        });
      }
      request.response = response;
    },
  };
}
