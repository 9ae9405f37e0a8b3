// The embedded HTTP gateway: for each request, the route from the route table, JWT checks as API
// Gateway's authoriser makes them, an HTTP API (payload v2) event, and the route's own handler.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { PayloadTooLargeError, TooManyRequestsError, NotFoundError, type AppError } from '#shared/errors.ts';
import { Throttle, type Taken, type ThrottleOptions } from './rate-limit.ts';
import { Admission, type AdmissionLimit } from './admission.ts';
import { toResponse } from '#shared/http-errors.ts';
import type { Route } from '#functions/routes.ts';
import { defaultRoute } from '#functions/platform/routes.ts';
import { type DevIdentity, authoriserClaims } from './dev-auth.ts';
import { LambdaTimedOut, lambdaContext, withinTimeout } from './lambda-context.ts';
import { invokeAs } from './grants.ts';
import { TIMEOUT_SECONDS, routeGrants } from '#shared/grants.ts';

type Handler = (event: APIGatewayProxyEventV2WithJWTAuthorizer, context: Context) => Promise<unknown>;

interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  params: string[];
  handler: Handler;
}

export interface GatewayOptions {
  routes: readonly Route[];
  identity: DevIdentity;
  maxBodyBytes: number;
  /** Throttling (see rate-limit.ts); undefined turns it off (benchmarks, simulations). */
  rateLimit?: ThrottleOptions;
  /** The route functions' Lambda timeout; infra's (TIMEOUT_SECONDS.route) by default. */
  timeoutMs?: number;
  /** Requests each route handles at once and lets wait; undefined turns admission control off. */
  admission?: AdmissionLimit;
  /** Extra local-only routes (dashboard, live events), tried before the API routes. */
  extra?: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;
}

const FUNCTIONS_DIR = new URL('../functions/', import.meta.url);

export async function loadRoutes(routes: readonly Route[]): Promise<CompiledRoute[]> {
  return Promise.all(
    routes.map(async (route) => {
      const module = (await import(new URL(route.module, FUNCTIONS_DIR).href)) as Record<string, unknown>;
      const handler = module[route.name];
      if (typeof handler !== 'function') throw new Error(`${route.module} does not export ${route.name}`);
      const params: string[] = [];
      const source = route.path
        .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
        .replace(/\\?\{([A-Za-z0-9_]+)\}/g, (_m, name: string) => {
          params.push(name);
          return '([^/]+)';
        });
      const invoker = { name: route.name, grants: routeGrants(route) };
      const invoke: Handler = (event, context) =>
        invokeAs(invoker, () => (handler as Handler)(event, context), context.awsRequestId);
      return { route, pattern: new RegExp(`^${source}$`), params, handler: invoke };
    }),
  );
}

export async function createGateway(options: GatewayOptions): Promise<Server> {
  const compiled = await loadRoutes(options.routes);
  // What no route matches goes where API Gateway's $default route sends it.
  const [fallback] = await loadRoutes([
    { ...defaultRoute, method: 'GET', path: '$default', roles: 'public', responses: {} } as unknown as Route,
  ]);
  const throttle = options.rateLimit && new Throttle(options.rateLimit);
  const admission = options.admission && new Admission(options.admission);
  const refuse = (taken: Taken | undefined, who: 'route' | 'caller') => {
    if (taken && !taken.ok)
      throw new TooManyRequestsError(
        who === 'route'
          ? 'Too many requests to this route; slow down'
          : 'Too many requests from this caller; slow down',
        taken.retryAfterSeconds,
      );
  };

  return createServer((req, res) => {
    void serve(req, res).catch((error: unknown) => send(res, toResponse(error)));
  });

  async function serve(req: IncomingMessage, res: ServerResponse) {
    if (options.extra && (await options.extra(req, res))) return;
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    let match: { entry: CompiledRoute; values: string[] } | undefined;
    for (const entry of compiled) {
      const m = entry.pattern.exec(url.pathname);
      if (m && entry.route.method === method) {
        match = { entry, values: m.slice(1) };
        break;
      }
    }
    if (!match) match = { entry: { ...fallback!, route: { ...fallback!.route, method: method as never } }, values: [] };
    const { route } = match.entry;

    // Nothing is verified yet: the address is the only thing a caller cannot make up.
    const arrival = throttle?.arrive(route, req.socket.remoteAddress ?? '');
    refuse(arrival?.taken, arrival?.who ?? 'caller');
    // A turn on the route before the body is read; given back when the answer is out (or the client left).
    if (admission) res.once('close', await admission.enter(`${route.method} ${route.path}`));
    const body = await readBody(req, options.maxBodyBytes);
    let claims: Record<string, string> | undefined;
    // Device routes are authenticated by their HMAC signature in the handler, as on AWS.
    if (route.roles !== 'public' && !route.roles.includes('device')) {
      const header = req.headers.authorization ?? '';
      const token = /^Bearer (.+)$/i.exec(header)?.[1];
      // Refused as API Gateway's JWT authoriser refuses, before any function runs.
      if (!token) return send(res, unauthorised('Bearer'));
      try {
        claims = authoriserClaims(await options.identity.verify(token.trim()));
      } catch (error) {
        return send(
          res,
          unauthorised(`Bearer scope="" error="invalid_token" error_description="${whyInvalid(error)}"`),
        );
      }
      refuse(throttle?.verified(`sub:${claims.sub}`), 'caller');
    }

    const event = toEvent(req, url, route, match.entry.params, match.values, body, claims);
    const timeoutMs = options.timeoutMs ?? TIMEOUT_SECONDS.route * 1000;
    const context = lambdaContext(route.name, timeoutMs);
    try {
      send(res, normalise(await withinTimeout(route.name, timeoutMs, match.entry.handler(event, context))));
    } catch (error) {
      if (!(error instanceof LambdaTimedOut)) throw error;
      // What API Gateway answers when the function failed (here: ran out of time) without a response.
      send(res, API_GATEWAY_FUNCTION_ERROR);
    }
  }
}

/** API Gateway's own 401, with the reason in `www-authenticate` as its JWT authoriser gives it. */
function unauthorised(challenge: string): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: 401,
    headers: { 'content-type': 'application/json', 'www-authenticate': challenge },
    body: JSON.stringify({ message: 'Unauthorized' }),
  };
}

function whyInvalid(error: unknown): string {
  const { code, claim } = error as { code?: string; claim?: string };
  if (code === 'ERR_JWT_EXPIRED') return 'the token has expired';
  if (claim === 'aud') return 'the token does not have a valid audience';
  if (claim === 'iss') return 'the token does not have a valid issuer';
  return 'the token is not valid';
}

const API_GATEWAY_FUNCTION_ERROR: APIGatewayProxyStructuredResultV2 = {
  statusCode: 500,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ message: 'Internal Server Error' }),
};

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    // Read the rest without keeping it (up to a bound): answering while the client still sends
    // makes the closing socket reset the connection before the client has read the 413.
    if (size > limit * 16 + 8_388_608) break;
    if (size <= limit) chunks.push(chunk as Buffer);
  }
  if (size > limit) throw new PayloadTooLargeError(`The body is over ${limit} bytes`) as AppError;
  return Buffer.concat(chunks);
}

function toEvent(
  req: IncomingMessage,
  url: URL,
  route: Route,
  names: string[],
  values: string[],
  body: Buffer,
  claims: Record<string, string> | undefined,
): APIGatewayProxyEventV2WithJWTAuthorizer {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
  const contentType = headers['content-type'] ?? '';
  // Text by media type, as API Gateway decides: "…spreadsheetml.sheet" names xml and is a zip.
  const textual =
    body.length === 0 ||
    /^\s*(text\/[^;]+|application\/([^;]*[+/])?(json|xml|x-www-form-urlencoded))\s*(;|$)/i.test(contentType);
  const now = new Date();
  let pathParameters: Record<string, string> | undefined;
  try {
    pathParameters = names.length
      ? Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(values[i]!)]))
      : undefined;
  } catch {
    throw new NotFoundError(`No route for ${req.method} ${url.pathname}`);
  }
  return {
    version: '2.0',
    routeKey: route.path === '$default' ? '$default' : `${route.method} ${route.path}`,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    ...(headers.cookie && { cookies: headers.cookie.split(/;\s*/) }),
    headers,
    ...(Object.keys(query).length && { queryStringParameters: query }),
    ...(pathParameters && { pathParameters }),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'local',
      http: {
        method: route.method,
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: route.path === '$default' ? '$default' : `${route.method} ${route.path}`,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      authorizer: { jwt: { claims: claims ?? {}, scopes: [] }, principalId: '', integrationLatency: 0 },
    },
    ...(body.length && { body: textual ? body.toString('utf8') : body.toString('base64') }),
    isBase64Encoded: !textual,
  } as APIGatewayProxyEventV2WithJWTAuthorizer;
}

/** A Lambda may answer a plain value; API Gateway then sends it as JSON with 200. */
function normalise(result: unknown): APIGatewayProxyStructuredResultV2 {
  if (result && typeof result === 'object' && 'statusCode' in result)
    return result as APIGatewayProxyStructuredResultV2;
  return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(result ?? null) };
}

function send(res: ServerResponse, result: APIGatewayProxyStructuredResultV2) {
  if (res.headersSent) return;
  const body =
    result.body === undefined ? undefined : Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8');
  // The client may still be sending a body we did not read: never reuse this connection.
  if (result.statusCode === 413) res.shouldKeepAlive = false;
  res.writeHead(result.statusCode ?? 200, {
    ...Object.fromEntries(Object.entries(result.headers ?? {}).map(([k, v]) => [k, String(v)])),
    ...(result.cookies?.length && { 'set-cookie': result.cookies }),
    ...(body && { 'content-length': String(body.length) }),
  });
  res.end(body);
}
