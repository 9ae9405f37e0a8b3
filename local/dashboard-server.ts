// What the embedded runtime serves besides the API: the officers' dashboard (dashboard/dist), a
// development sign-in for loopback callers only, the event bus as server-sent events, and for the
// data folder's owner where the data is and its backup.
import { timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JwtRole, principalFromClaims } from '#shared/auth.ts';
import { LOCAL_CONFIG } from '../dashboard/src/config.ts';
import type { LocalEventBus } from './bus.ts';
import { type DevIdentity, authoriserClaims } from './dev-auth.ts';
import { DEV_SIGN_IN_MAX_BYTES, devSignInRefusal, isLoopback } from './dev-sign-in.ts';

const DIST = fileURLToPath(new URL('../dashboard/dist/', import.meta.url));
/** Paths the web app routes itself; served its index.html. */
const APP_PAGE = '/verify/';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/** The body as JSON, or undefined when it is over `limit` bytes (the rest is not read). */
async function readJson(req: IncomingMessage, limit: number): Promise<Record<string, unknown> | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return undefined;
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  } catch {
    return {};
  }
}

export interface Operator {
  dataDir: string;
  /** What operator commands send in `x-operator-key` (kept in the data folder's runtime.json). */
  key: string;
  backup: () => AsyncIterable<string>;
}

export function localRoutes(deps: { bus: LocalEventBus; identity: DevIdentity; operator?: Operator }) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? '/', 'http://localhost');

    if (url.pathname === '/_local/runtime' && req.method === 'GET') {
      // Helpers started with another DATA_DIR ask where this system keeps its data (and keys).
      const refusal = devSignInRefusal(req) ?? (deps.operator ? undefined : 'The data is kept in memory');
      if (refusal) json(res, 403, { error: { code: 'FORBIDDEN', message: refusal, details: [] } });
      else json(res, 200, { dataDir: deps.operator!.dataDir });
      return true;
    }

    if (url.pathname === '/_local/backup' && req.method === 'GET') {
      const given = Buffer.from(String(req.headers['x-operator-key'] ?? ''));
      const expected = Buffer.from(deps.operator?.key ?? '');
      if (!deps.operator || !isLoopback(req) || given.length !== expected.length || !timingSafeEqual(given, expected)) {
        json(res, 403, {
          error: {
            code: 'FORBIDDEN',
            message: 'Backups are for the owner of the data folder (npm run backup)',
            details: [],
          },
        });
        return true;
      }
      res.writeHead(200, { 'content-type': 'application/x-ndjson', 'cache-control': 'no-store' });
      for await (const text of deps.operator.backup()) {
        if (!res.write(text)) await new Promise((resolve) => res.once('drain', resolve));
      }
      res.end();
      return true;
    }

    if (url.pathname === '/_local/dev-token' && req.method === 'POST') {
      // Development sign-in: only from this machine, never on AWS (Cognito signs people in there).
      const refusal = devSignInRefusal(req);
      if (refusal) {
        json(res, 403, { error: { code: 'FORBIDDEN', message: refusal, details: [] } });
        return true;
      }
      const body = await readJson(req, DEV_SIGN_IN_MAX_BYTES);
      if (!body) {
        res.writeHead(413, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
        res.end(
          JSON.stringify({
            error: {
              code: 'PAYLOAD_TOO_LARGE',
              message: `The body is over ${DEV_SIGN_IN_MAX_BYTES} bytes`,
              details: [],
            },
          }),
        );
        req.socket.end();
        return true;
      }
      const role = JwtRole.safeParse(body.role);
      try {
        if (!role.success) throw new Error('role must be agent, officer or supervisor');
        const token = await deps.identity.mint({
          role: role.data,
          ...(typeof body.port === 'string' && body.port && { port: body.port }),
          ...(typeof body.agentId === 'string' && body.agentId && { agentId: body.agentId }),
        });
        principalFromClaims(authoriserClaims(await deps.identity.verify(token)));
        json(res, 200, { token });
      } catch (error) {
        json(res, 400, { error: { code: 'VALIDATION_FAILED', message: (error as Error).message, details: [] } });
      }
      return true;
    }

    if (url.pathname === '/config.json' && req.method === 'GET') {
      // The dashboard's settings here: the API on this origin, development sign-in, the event stream.
      json(res, 200, LOCAL_CONFIG);
      return true;
    }

    if (url.pathname === '/_local/events' && req.method === 'GET') {
      // EventSource cannot send headers: the token comes in the query, checked like any other.
      let port: string;
      try {
        const principal = principalFromClaims(
          authoriserClaims(await deps.identity.verify(url.searchParams.get('token') ?? '')),
        );
        if (principal.role !== 'officer' && principal.role !== 'supervisor') throw new Error('officers only');
        port = principal.port;
      } catch {
        json(res, 401, { error: { code: 'UNAUTHORIZED', message: 'A valid officer token is required', details: [] } });
        return true;
      }
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      const stop = deps.bus.subscribe((event) => {
        if (event.detail.port !== port) return;
        res.write(
          `id: ${event.id}\nevent: message\ndata: ${JSON.stringify({ type: event.detailType, callId: event.detail.callId, time: event.time })}\n\n`,
        );
      });
      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
      req.on('close', () => {
        stop();
        clearInterval(heartbeat);
      });
      return true;
    }

    if (
      req.method === 'GET' &&
      (url.pathname === '/' ||
        url.pathname === '/index.html' ||
        url.pathname.startsWith('/assets/') ||
        url.pathname.startsWith(APP_PAGE))
    ) {
      // A page of the app itself (the public permit check) is the app's index.html, as on CloudFront.
      const page = url.pathname === '/' || url.pathname.startsWith(APP_PAGE);
      const file = normalize(join(DIST, page ? 'index.html' : url.pathname));
      if (!file.startsWith(DIST)) return false;
      if (!existsSync(file)) {
        res.writeHead(url.pathname === '/' ? 503 : 404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(
          url.pathname === '/'
            ? 'The dashboard is not built: run npm run build:dashboard (npm start does it).'
            : 'Not found',
        );
        return true;
      }
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': url.pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
      res.end(readFileSync(file));
      return true;
    }
    return false;
  };
}
