// The middy chain every HTTP handler is built with: JSON body, authorisation, zod validation,
// idempotency, one error mapping. A handler is this chain around one call into its domain.
import middy, { type MiddlewareObj } from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, Context } from 'aws-lambda';
import type * as z from 'zod';
import { type Principal, type Role, principalFromClaims, requireRole } from './auth.ts';
import { config } from './config.ts';
import {
  type ErrorDetail,
  PayloadTooLargeError,
  RuleViolationError,
  ValidationError,
  splitRuleIssues,
} from './errors.ts';
import { errorMapper } from './http-errors.ts';
import { type Lang, type Violation, langOf, zodErrorMap } from './i18n.ts';
import { IDEMPOTENCY_FIELD, IDEMPOTENCY_PAYLOAD, MAX_IDEMPOTENCY_KEY_LENGTH } from './idempotency-key.ts';
import { logger } from './logger.ts';
import { metrics } from './metrics.ts';
import { tracing } from './tracer.ts';
import type { HttpResult } from './responses.ts';

export type HttpEvent = APIGatewayProxyEventV2WithJWTAuthorizer;

export type Schema = z.ZodType | undefined;
type Out<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined;

export interface HandlerSpec<B extends Schema, Q extends Schema, P extends Schema> {
  /** Stable name, used for logs and to scope idempotency records. */
  name: string;
  /** Who may call; `public` skips authentication (health, the contract). */
  roles: readonly Role[] | 'public';
  body?: B;
  query?: Q;
  params?: P;
  /** Honour the `Idempotency-Key` header (writes that a client may retry). */
  idempotent?: boolean;
}

export interface HandlerRequest<B, Q, P, Auth> {
  /** The caller's language for messages, from Accept-Language. */
  lang: Lang;
  body: B;
  query: Q;
  path: P;
  principal: Auth;
  event: HttpEvent;
  context: Context;
}

export function httpHandler<B extends Schema = undefined, Q extends Schema = undefined, P extends Schema = undefined>(
  spec: HandlerSpec<B, Q, P>,
  options: HandlerOptions = {},
) {
  return {
    handler(fn: (req: HandlerRequest<Out<B>, Out<Q>, Out<P>, Principal>) => Promise<HttpResult>) {
      const chain = middy<HttpEvent, HttpResult, Error, Context>()
        .use(errorMapper())
        .use(injectLambdaContext(logger, { resetKeys: true }))
        .use(tracing())
        .use(logMetrics(metrics))
        .use(httpHeaderNormalizer());
      // A body over the limit is refused before anything is verified over it (a device's HMAC).
      if (spec.body) chain.use(bodyLimit());
      if (options.authenticate) chain.use(authenticateFirst(options.authenticate));
      if (spec.body) chain.use(emptyBodyAsObject()).use(httpJsonBodyParser());
      chain.use(authoriseAndValidate(spec));
      if (spec.idempotent) {
        // Passed in by `idempotentHandler`, so that the bundles of other routes do not carry it.
        if (!options.idempotency)
          throw new Error(`${spec.name} honours Idempotency-Key: build it with idempotentHandler`);
        chain.use(options.idempotency());
      }
      const handler = chain.handler(async (event, context) => {
        const parsed = (event as unknown as Record<symbol, Parsed>)[PARSED]!;
        return fn({ ...parsed, event, context } as HandlerRequest<Out<B>, Out<Q>, Out<P>, Principal>);
      });
      return (event: HttpEvent, context: Context) => handler(event, context);
    },
  };
}

export interface HandlerOptions {
  /**
   * Authenticates from the raw request before the body is parsed (device HMAC signatures cover
   * the body as sent). Routes without it use the JWT claims of the authoriser.
   */
  authenticate?: (event: HttpEvent) => Promise<Principal>;
  /** The middleware of a route that honours `Idempotency-Key` (`idempotent-handler.ts` passes it). */
  idempotency?: () => MiddlewareObj;
}

const PARSED = Symbol('parsed');
const AUTHENTICATED = Symbol('authenticated');

function authenticateFirst(authenticate: NonNullable<HandlerOptions['authenticate']>): MiddlewareObj<HttpEvent> {
  return {
    before: async (request) => {
      (request.event as unknown as Record<symbol, Principal>)[AUTHENTICATED] = await authenticate(request.event);
    },
  };
}
interface Parsed {
  lang: Lang;
  body: unknown;
  query: unknown;
  path: unknown;
  principal: Principal | undefined;
}

/**
 * The API's body limit, checked here rather than by API Gateway (whose own limit is 10 MB and
 * answers outside the error envelope), so both runtimes refuse the same bodies the same way.
 */
function bodyLimit(): MiddlewareObj<HttpEvent> {
  return {
    before: ({ event }) => {
      const limit = config().MAX_BODY_BYTES;
      if (event.body && Buffer.byteLength(event.body, event.isBase64Encoded ? 'base64' : 'utf8') > limit) {
        throw new PayloadTooLargeError(`The body is over ${limit} bytes`);
      }
    },
  };
}

/** A write with an optional body may be sent without one; its schema decides what is missing. */
function emptyBodyAsObject(): MiddlewareObj<HttpEvent> {
  return {
    before: (request) => {
      const event = request.event;
      if (event.body === undefined || event.body === '') {
        event.body = '{}';
        event.isBase64Encoded = false;
        event.headers = { ...event.headers, 'content-type': event.headers['content-type'] ?? 'application/json' };
      }
    },
  };
}

function authoriseAndValidate<B extends Schema, Q extends Schema, P extends Schema>(
  spec: HandlerSpec<B, Q, P>,
): MiddlewareObj<HttpEvent> {
  return {
    before: (request) => {
      const event = request.event;
      let principal: Principal | undefined;
      if (spec.roles !== 'public') {
        principal =
          (event as unknown as Record<symbol, Principal | undefined>)[AUTHENTICATED] ??
          principalFromClaims(event.requestContext?.authorizer?.jwt?.claims);
        requireRole(principal, spec.roles);
        logger.appendKeys({ role: principal.role });
      }
      const problems: ErrorDetail[] = [];
      const broken: Violation[] = [];
      const lang = langOf(event.headers['accept-language']);
      const errorMap = zodErrorMap(lang);
      const parse = (schema: z.ZodType | undefined, input: unknown, part: string): unknown => {
        if (!schema) return undefined;
        const result = schema.safeParse(input, errorMap && { error: errorMap });
        if (result.success) return result.data;
        // Paths in the body are reported as the client wrote them ("vessel.imo"); others are prefixed.
        const { malformed, rules } = splitRuleIssues(result.error, part === 'body' ? [] : [part]);
        problems.push(...malformed);
        broken.push(...rules);
        return undefined;
      };
      const parsed: Parsed = {
        lang,
        path: parse(spec.params, event.pathParameters ?? {}, 'path'),
        query: parse(spec.query, event.queryStringParameters ?? {}, 'query'),
        body: parse(spec.body, event.body, 'body'),
        principal,
      };
      if (problems.length)
        throw new ValidationError('The request is not valid', [
          ...problems,
          ...broken.map((v) => ({ path: v.path, message: v[lang], rule: v.rule })),
        ]);
      if (broken.length) throw new RuleViolationError('The request breaks a rule', broken);
      // Replace the input with the parsed output, so defaults and transforms apply downstream.
      (event as unknown as Record<symbol, Parsed>)[PARSED] = parsed;
      if (parsed.body !== undefined) (event as { body: unknown }).body = parsed.body;
      if (spec.idempotent) {
        const key = event.headers['idempotency-key'];
        if (key !== undefined) {
          if (!key || key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
            throw new ValidationError('The request is not valid', [
              { path: 'headers.idempotency-key', message: `must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} characters` },
            ]);
          }
          const scoped = event as unknown as Record<string, unknown>;
          scoped[IDEMPOTENCY_FIELD] = `${principal?.sub ?? 'anonymous'}:${key}`;
          scoped[IDEMPOTENCY_PAYLOAD] = {
            method: event.requestContext?.http?.method,
            path: event.rawPath,
            body: parsed.body ?? null,
          };
        }
      }
    },
  };
}
