// The embedded HTTP gateway: for each request, the route from the route table, JWT checks as API
// Gateway's authoriser makes them, an HTTP API (payload v2) event, and the route's own handler.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import {
  PayloadTooLargeError,
  TooManyRequestsError,
  UnauthorizedError,
  NotFoundError,
  type AppError,
} from '#shared/errors.ts';
import { type RateLimit, TokenBuckets } from './rate-limit.ts';
import { Admission, type AdmissionLimit } from './admission.ts';
import { toResponse } from '#shared/http-errors.ts';
import type { Route } from '#functions/routes.ts';
import { type DevIdentity, authoriserClaims } from './dev-auth.ts';
import { lambdaContext } from './lambda-context.ts';

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
  /** Per-caller limit; undefined turns limiting off (benchmarks, simulations). */
  rateLimit?: RateLimit;
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
      return { route, pattern: new RegExp(`^${source}$`), params, handler: handler as Handler };
    }),
  );
}

export async function createGateway(options: GatewayOptions): Promise<Server> {
  const compiled = await loadRoutes(options.routes);
  const buckets = options.rateLimit && new TokenBuckets(options.rateLimit);
  const admission = options.admission && new Admission(options.admission);
  const limit = (key: string) => {
    const taken = buckets?.take(key);
    if (taken && !taken.ok)
      throw new TooManyRequestsError('Too many requests from this caller; slow down', taken.retryAfterSeconds);
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
    if (!match) throw new NotFoundError(`No route for ${method} ${url.pathname}`);
    const { route } = match.entry;

    if (route.roles === 'public') limit(`ip:${req.socket.remoteAddress}`);
    // Keyed by address too: a forger naming a device must not use up that device's share.
    else if (route.roles.includes('device'))
      limit(`device:${String(req.headers['x-device-id'])}:${req.socket.remoteAddress}`);
    // A turn on the route before the body is read; given back when the answer is out (or the client left).
    if (admission) res.once('close', await admission.enter(`${route.method} ${route.path}`));
    const body = await readBody(req, options.maxBodyBytes);
    let claims: Record<string, string> | undefined;
    // Device routes are authenticated by their HMAC signature in the handler, as on AWS.
    if (route.roles !== 'public' && !route.roles.includes('device')) {
      const header = req.headers.authorization ?? '';
      const token = /^Bearer (.+)$/i.exec(header)?.[1];
      if (!token) throw new UnauthorizedError('Send a bearer token: Authorization: Bearer <jwt>');
      try {
        claims = authoriserClaims(await options.identity.verify(token.trim()));
      } catch {
        throw new UnauthorizedError('The bearer token is not valid (signature, issuer, audience or expiry)');
      }
      limit(`sub:${claims.sub}`);
    }

    const event = toEvent(req, url, route, match.entry.params, match.values, body, claims);
    const context = lambdaContext(route.name, 29_000); // API Gateway's integration timeout
    const result = await match.entry.handler(event, context);
    send(res, normalise(result));
  }
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new PayloadTooLargeError(`The body is over ${limit} bytes`) as AppError;
    chunks.push(chunk as Buffer);
  }
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
    routeKey: `${route.method} ${route.path}`,
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
      routeKey: `${route.method} ${route.path}`,
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
  res.writeHead(result.statusCode ?? 200, {
    ...Object.fromEntries(Object.entries(result.headers ?? {}).map(([k, v]) => [k, String(v)])),
    ...(result.cookies?.length && { 'set-cookie': result.cookies }),
    ...(body && { 'content-length': String(body.length) }),
  });
  res.end(body);
}
