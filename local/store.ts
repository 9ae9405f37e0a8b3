// The embedded store: dynalite (the DynamoDB API on LevelDB) on loopback, in a worker thread of its
// own, with the single table created on start and a sweeper standing in for DynamoDB's TTL
// (store-ttl.ts).
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { HttpRequest, HttpResponse } from '@smithy/types';
import { TABLE } from '#shared/table.ts';
import type { PostedRequest, PostedResponse } from './store-server.ts';
import type { Entry } from './backup-format.ts';
import { accessDenied, allows, currentInvoker } from './grants.ts';
import { type SweepStep, ttlSweeper } from './store-ttl.ts';

/** The store thread's memory, and how many LevelDB iterators it holds open (each pins memory). */
export type StoreMemory = NodeJS.MemoryUsage & { openIterators: number };

export interface LocalStore {
  endpoint: string;
  /** An SDK request handler that posts to the store's thread instead of sending HTTP; none for an external store. */
  requestHandler?: { handle(request: HttpRequest): Promise<{ response: HttpResponse }> };
  tableName: string;
  /** The store thread's own memory (its heap is not in the main thread's `process.memoryUsage()`). */
  memory?(): Promise<StoreMemory>;
  /** The sweeper's next bounded step, as its timer takes it; none for an external store. */
  sweepStep?(now?: Date): Promise<SweepStep>;
  /** The stored entries from one consistent snapshot, in batches (see backup-format.ts). */
  snapshot(): AsyncIterable<Entry[]>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** LevelDB folder; undefined keeps everything in memory (tests). */
  dataDir?: string;
  tableName: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** How often the TTL sweeper reads its next page (store-ttl.ts); 0 turns it off. */
  sweepEveryMs?: number;
  /** Items the sweeper reads a step: with the interval, the most it reads a minute. */
  sweepPageSize?: number;
}

/** How long closing waits for the store's thread to close its database before stopping it. */
const CLOSE_WAIT_MS = 10_000;

export async function startStore(options: StoreOptions): Promise<LocalStore> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const worker = new Worker(new URL('./store-server.ts', import.meta.url), {
    workerData: { dataDir: options.dataDir },
  });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('message', (m: { port?: number; error?: string }) =>
      m.port ? resolve(m.port) : reject(new Error(m.error)),
    );
    worker.once('error', reject);
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const pending = new Map<number, (response: PostedResponse) => void>();
  let nextId = 0;
  let closed = false;
  const gone = JSON.stringify({ __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError', message: 'closed' });
  worker.on('message', (m: { response?: PostedResponse }) => {
    if (!m.response) return;
    pending.get(m.response.id)?.(m.response);
    pending.delete(m.response.id);
  });
  const requestHandler: NonNullable<LocalStore['requestHandler']> = {
    async handle(request) {
      // IAM before the store: a function with read-only rights is refused a write, as DynamoDB would.
      const invoker = currentInvoker();
      const target = String(request.headers['x-amz-target'] ?? request.headers['X-Amz-Target'] ?? '');
      const action = `dynamodb:${target.split('.')[1] ?? ''}`;
      if (invoker && !allows(invoker.grants, action)) {
        const denied = accessDenied(invoker, action, `arn:aws:dynamodb:local:000000000000:table/${options.tableName}`);
        return {
          response: {
            statusCode: 400,
            headers: { 'content-type': 'application/x-amz-json-1.0' },
            body: Buffer.from(JSON.stringify(denied)),
          },
        };
      }
      const body = request.body as string | Uint8Array | undefined;
      const posted: PostedRequest = {
        id: nextId++,
        method: request.method,
        url: request.path,
        headers: Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v])),
        body:
          body instanceof Uint8Array
            ? Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8')
            : String(body ?? ''),
      };
      const answer = closed
        ? { id: posted.id, status: 500, headers: {}, body: gone }
        : await new Promise<PostedResponse>((resolve) => {
            pending.set(posted.id, resolve);
            worker.postMessage({ request: posted });
          });
      return {
        response: { statusCode: answer.status, headers: answer.headers, body: Buffer.from(answer.body, 'utf8') },
      };
    },
  };
  const client = new DynamoDBClient({ endpoint, region: 'local', credentials: options.credentials, requestHandler });
  await ensureTable(client, options.tableName);
  const doc = DynamoDBDocumentClient.from(client);

  const failures = new Set<string>();
  const sweeper = ttlSweeper(doc, options.tableName, {
    pageSize: options.sweepPageSize ?? 500,
    everyMs: options.sweepEveryMs ?? 5_000,
    ...(options.dataDir && { cursorFile: join(dirname(options.dataDir), 'store-ttl-cursor.json') }),
    // Once per kind of failure: a step that keeps failing reads the same page again every tick.
    onError: (error) => {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      if (failures.has(message)) return;
      failures.add(message);
      console.warn(`The TTL sweep failed and will try the same page again: ${message}`);
    },
  });

  return {
    endpoint,
    requestHandler,
    memory: () =>
      new Promise((resolve) => {
        const listener = (m: { memory?: StoreMemory }) => {
          if (!m.memory) return;
          worker.off('message', listener);
          resolve(m.memory);
        };
        worker.on('message', listener);
        worker.postMessage({ memory: true });
      }),
    tableName: options.tableName,
    sweepStep: sweeper.step,
    snapshot: () => snapshotFromWorker(worker),
    async close() {
      await sweeper.stop();
      closed = true;
      client.destroy();
      const workerClosed = new Promise<string | undefined>((resolve) =>
        worker.on('message', (m: { closed?: boolean; error?: string }) => m.closed && resolve(m.error)),
      );
      worker.postMessage({ close: true });
      // dynalite waits up to 30 s for the database operations in flight; an operation that never
      // settles would hold the stop that long. Past CLOSE_WAIT_MS the thread is stopped all the
      // same and the warning says so: a write LevelDB answered is in its log already, an
      // operation still in flight is lost, as in a crash.
      let timer: NodeJS.Timeout | undefined;
      const outcome = await Promise.race([
        workerClosed.then((error) => (error ? `closed with an error: ${error}` : undefined)),
        new Promise<string>((resolve) => {
          timer = setTimeout(
            () => resolve(`did not close within ${CLOSE_WAIT_MS} ms: its thread was stopped`),
            CLOSE_WAIT_MS,
          );
        }),
      ]);
      clearTimeout(timer);
      if (outcome) console.warn(`The embedded store ${outcome}`);
      await worker.terminate();
      // Whatever was still waiting on the store hears that it is gone, as a closed socket would say.
      for (const [id, resolve] of pending) resolve({ id, status: 500, headers: {}, body: gone });
      pending.clear();
    },
  };
}

/** A store someone else runs (DynamoDB Local): the table is created there, nothing else is done. */
export async function externalStore(
  endpoint: string,
  tableName: string,
  credentials: StoreOptions['credentials'],
): Promise<LocalStore> {
  // DynamoDB Local keeps a database per access key and region: use the handlers' region.
  const client = new DynamoDBClient({ endpoint, region: process.env.AWS_REGION ?? 'us-east-1', credentials });
  await ensureTable(client, tableName);
  client.destroy();
  return {
    endpoint,
    tableName,
    snapshot: () => {
      throw new Error('The store is run elsewhere: back it up there');
    },
    close: async () => undefined,
  };
}

let backups = 0;

/** Asks the store's worker for its entries from one snapshot, batch by batch. */
async function* snapshotFromWorker(worker: Worker): AsyncGenerator<Entry[]> {
  const id = ++backups;
  const queue: { entries?: Entry[]; done?: boolean; error?: string }[] = [];
  let wake: (() => void) | undefined;
  const listen = (m: { backup?: number; entries?: Entry[]; done?: boolean; error?: string }) => {
    if (m.backup !== id) return;
    queue.push(m);
    wake?.();
  };
  worker.on('message', listen);
  worker.postMessage({ backup: id });
  try {
    for (;;) {
      if (!queue.length) await new Promise<void>((resolve) => (wake = resolve));
      const next = queue.shift()!;
      if (next.error) throw new Error(next.error);
      if (next.done) return;
      yield next.entries!;
    }
  } finally {
    worker.off('message', listen);
  }
}

/** Creates the table and its indexes if missing, from the same spec infra/ deploys. */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  const attributes = new Set<string>([TABLE.partitionKey, TABLE.sortKey]);
  for (const index of TABLE.indexes) {
    attributes.add(index.partitionKey);
    attributes.add(index.sortKey);
  }
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [...attributes].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
      KeySchema: [
        { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: TABLE.indexes.map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    }),
  );
}
