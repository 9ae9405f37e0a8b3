// Runs dynalite in a worker thread, so the store has a core of its own instead of sharing the
// handlers' event loop. The parent learns the port from the first message. Besides HTTP on
// loopback, it answers requests posted over the worker's message port (`{ request }`), handed to
// dynalite's own request handler unchanged: the parent's clients skip the socket and HTTP parsing.
// The parent may also ask for a backup, read from one snapshot of the LevelDB underneath while
// requests go on.
import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
import { type SnapshotSource, snapshotEntries } from './backup-format.ts';
import { openIterators, withClosingIterators } from './store-iterators.ts';
import { type ExpressionParser, rememberParses } from './store-expressions.ts';
import { withSynchronousReads } from './store-reads.ts';

// dynalite does not hand out its LevelDB: note the one it opens (it opens one per store). Both
// classes it may open get iterators that close (see store-iterators.ts) and read items at once
// (store-reads.ts).
const fromDynalite = createRequire(createRequire(import.meta.url).resolve('dynalite'));
const level = fromDynalite('level') as { Level: new (...args: unknown[]) => SnapshotSource };
const memoryLevel = fromDynalite('memory-level') as { MemoryLevel: new (...args: unknown[]) => unknown };
let opened: SnapshotSource | undefined;
/**
 * LevelDB's write buffer: how much of the newest writes it keeps in memory before it sorts them
 * into a file (its default is 4 MB). Every write is in LevelDB's log first either way, so what an
 * answer promises is the same. A month of a busy port with the default spent 471 of its 1,332
 * CPU-seconds compacting small files into larger ones and took 805 s; with 16 MB, 237–241 of
 * 1,107–1,125 and 697–735 s, at about the same peak memory; 32 MB was faster still (676 s) but
 * peaked 26–45 MB higher, 27 MB under the month's 1 GB (bench/README.md, "2026-12-02, evening").
 */
const WRITE_BUFFER_BYTES = 16 * 1024 * 1024;
const Level = withSynchronousReads(withClosingIterators(level.Level as never)) as unknown as typeof level.Level;
level.Level = class extends Level {
  constructor(...args: unknown[]) {
    const [location, options] = args as [unknown, Record<string, unknown> | undefined];
    super(location, { ...options, writeBufferSize: WRITE_BUFFER_BYTES });
    opened = this;
  }
};
memoryLevel.MemoryLevel = withSynchronousReads(withClosingIterators(memoryLevel.MemoryLevel as never));
// Each expression parsed once, not on every request (store-expressions.ts).
for (const parser of ['conditionParser', 'updateParser', 'projectionParser']) {
  rememberParses(fromDynalite(`./db/${parser}.js`) as ExpressionParser);
}
const { default: dynalite } = await import('dynalite');

export interface PostedRequest {
  id: number;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}
export interface PostedResponse {
  id: number;
  status: number;
  headers: Record<string, string>;
  body: string;
}

const { dataDir } = workerData as { dataDir?: string };
const server = dynalite({ ...(dataDir && { path: dataDir }), createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
const handler = server.listeners('request')[0] as (req: IncomingMessage, res: ServerResponse) => void;
server.listen(0, '127.0.0.1', () => parentPort!.postMessage({ port: (server.address() as AddressInfo).port }));
server.on('error', (error) => parentPort!.postMessage({ error: String(error) }));
let closing = false;
parentPort!.on(
  'message',
  (message: { close?: boolean; request?: PostedRequest; memory?: boolean; backup?: number }) => {
    if (message.memory)
      return parentPort!.postMessage({ memory: { ...process.memoryUsage(), openIterators: openIterators() } });
    if (message.backup !== undefined) {
      void backup(message.backup);
      return;
    }
    if (message.request) {
      if (!closing) return answer(message.request);
      const body = JSON.stringify({
        __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError',
        message: 'closing',
      });
      return parentPort!.postMessage({ response: { id: message.request.id, status: 500, headers: {}, body } });
    }
    if (!message.close) return;
    closing = true;
    server.closeAllConnections?.();
    server.close((error?: Error) => parentPort!.postMessage({ closed: true, ...(error && { error: error.message }) }));
  },
);

/** What dynalite reads of a request and writes to a response, and nothing more. */
function answer(request: PostedRequest) {
  const req = Object.assign(new EventEmitter(), {
    method: request.method,
    url: request.url,
    headers: request.headers,
  });
  const headers: Record<string, string> = {};
  const res = {
    statusCode: 200,
    contentType: undefined as string | undefined,
    setHeader: (name: string, value: unknown) => {
      headers[name.toLowerCase()] = String(value);
    },
    end: (body?: string) => {
      const reply: PostedResponse = { id: request.id, status: res.statusCode, headers, body: body ?? '' };
      parentPort!.postMessage({ response: reply });
    },
  };
  handler(req as unknown as IncomingMessage, res as unknown as ServerResponse);
  if (request.body) req.emit('data', Buffer.from(request.body, 'utf8'));
  req.emit('end');
}

async function backup(id: number) {
  try {
    if (!opened) throw new Error('The store is in memory: there is nothing on disk to back up');
    for await (const entries of snapshotEntries(opened)) parentPort!.postMessage({ backup: id, entries });
    parentPort!.postMessage({ backup: id, done: true });
  } catch (error) {
    parentPort!.postMessage({ backup: id, error: String(error) });
  }
}
