// The embedded runtime: store, workflow runner, event bus, AWS-protocol endpoint and HTTP gateway
// wired together in one process, running the same handlers and definitions as AWS.
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { overrideClients } from '#shared/aws.ts';
import { resetConfig } from '#shared/config.ts';
import { type Route, routeList } from '#functions/routes.ts';
import { type Schedule, schedules } from '#functions/schedules.ts';
import { workflows as registry } from '#workflows/index.ts';
import { readDefinition, type WorkflowSpec } from '#workflows/registry.ts';
import { startAwsEndpoint } from './aws-endpoint.ts';
import { LocalEventBus } from './bus.ts';
import { type DevIdentity, devIdentity } from './dev-auth.ts';
import { createGateway } from './gateway.ts';
import { localRoutes } from './dashboard-server.ts';
import type { RateLimit, ThrottleOptions } from './rate-limit.ts';
import { type AdmissionLimit, DEFAULT_ADMISSION } from './admission.ts';
import { externalStore, type StoreMemory, startStore } from './store.ts';
import { lockDataDir } from './data-lock.ts';
import { preparePrivateDataDir } from './data-dir.ts';
import { redriveClearances } from './redrive.ts';
import { announceRunning } from './running.ts';
import { backupLines } from './backup-format.ts';
import { localSecret, localSigningKey } from './secrets.ts';
import { resetAuditSigner } from '#functions/audit/signer.ts';
import { LocalStepFunctions, type StepHandler } from './workflows/runner.ts';
import { installGrants, invokeAs, setScopedEnv } from './grants.ts';
import { type JobOptions, type ScheduledJobs, startScheduledJobs } from './scheduled-jobs.ts';
import { TIMEOUT_SECONDS, taskGrants } from '#shared/grants.ts';
import { deliverWebhooks, type WebhookHandlers } from './webhooks.ts';
import { deliveryFunction } from '#webhooks/routes.ts';

export interface RuntimeOptions {
  port?: number;
  host?: string;
  /** Folder for the store and the dev signing key; undefined keeps everything in memory. */
  dataDir?: string;
  tableName?: string;
  maxBodyBytes?: number;
  /** Workflows to run; the registry's by default. */
  workflows?: readonly WorkflowSpec[];
  /** Pause between workflow retries instead of the definitions' backoff. */
  retryDelayMs?: number;
  /**
   * Requests per second (and burst) each caller may send, and per route (the route table's by
   * default, as on AWS); false turns throttling off.
   */
  rateLimit?: (RateLimit & { perRoute?: ThrottleOptions['perRoute'] }) | false;
  /**
   * Use a DynamoDB-compatible store already running there (DynamoDB Local, for the store-fidelity
   * tests) instead of starting dynalite. Nothing is swept or locked then.
   */
  storeEndpoint?: string;
  /** Requests each route handles at once and lets wait, past which it answers 503; false turns it off. */
  admission?: AdmissionLimit | false;
  /** Timed jobs to run; the schedule table's by default. */
  schedules?: readonly Schedule[];
  /** Lambda timeouts in seconds, for tests that make a function overrun; infra's by default. */
  timeouts?: Partial<Record<keyof typeof TIMEOUT_SECONDS, number>>;
  /** How scheduled jobs are timed and retried; Lambda's asynchronous retries by default. */
  jobs?: Pick<JobOptions, 'everyMs' | 'retryDelaysMs'>;
  /** Routes to serve; the route table's by default (tests take a right away to see it fail). */
  routes?: readonly Route[];
  /** Where printed permits' QR codes point (the web app); this gateway, which serves it, by default. */
  publicBaseUrl?: string;
}

export interface Runtime {
  url: string;
  /** Clearances found under way in the store at start, and started again. */
  redriven: number;
  identity: DevIdentity;
  bus: LocalEventBus;
  stepFunctions: LocalStepFunctions;
  /** The scheduled jobs, and the dead letters of the runs that failed after their retries. */
  jobs: ScheduledJobs;
  /** The embedded store thread's memory, when the store runs in this process. */
  storeMemory?(): Promise<StoreMemory>;
  stop(): Promise<void>;
}

const FUNCTIONS_DIR = new URL('../functions/', import.meta.url);
/** A synchronous Lambda invocation takes at most 6 MB of payload. */
const LAMBDA_PAYLOAD_BYTES = 6 * 1024 * 1024;

async function stepHandlers(spec: WorkflowSpec): Promise<Record<string, StepHandler>> {
  const entries = await Promise.all(
    Object.entries(spec.steps).map(async ([placeholder, ref]) => {
      const module = (await import(new URL(ref.module, FUNCTIONS_DIR).href)) as Record<string, unknown>;
      const handler = module[ref.export];
      if (typeof handler !== 'function') throw new Error(`${ref.module} does not export ${ref.export}`);
      const invoker = { name: `${spec.name}/${placeholder}`, grants: taskGrants(ref) };
      const step: StepHandler = (event, context) =>
        invokeAs(invoker, () => (handler as StepHandler)(event, context), context.awsRequestId);
      return [placeholder, step] as const;
    }),
  );
  return Object.fromEntries(entries);
}

/** A signer that adds the same well-formed, unchecked SigV4 header to every request (dynalite wants one). */
function presigned(accessKeyId: string) {
  const authorization = `AWS4-HMAC-SHA256 Credential=${accessKeyId}/20260101/local/dynamodb/aws4_request, SignedHeaders=host, Signature=0`;
  return {
    sign: async <R extends { headers: Record<string, string> }>(request: R) => {
      request.headers.authorization = authorization;
      request.headers['x-amz-date'] = '20260101T000000Z';
      return request;
    },
  };
}

export async function startRuntime(options: RuntimeOptions = {}): Promise<Runtime> {
  // No CloudWatch here: business metrics stay off (set before any handler module is loaded).
  process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
  // Nor X-Ray: Powertools would turn tracing off outside Lambda anyway; say so rather than rely on it.
  process.env.POWERTOOLS_TRACE_ENABLED ??= 'false';
  installGrants();
  const tableName = options.tableName ?? 'three-zeros';
  const dataDir = options.dataDir && resolve(options.dataDir);
  // This run's own credentials: the local AWS endpoint answers no one else.
  const credentials = {
    accessKeyId: `LOCAL${randomBytes(8).toString('hex').toUpperCase()}`,
    secretAccessKey: randomBytes(24).toString('base64url'),
  };

  if (dataDir) preparePrivateDataDir(dataDir);
  const unlock = dataDir && !options.storeEndpoint ? lockDataDir(dataDir) : () => undefined;
  const store = options.storeEndpoint
    ? await externalStore(options.storeEndpoint, tableName, credentials)
    : await startStore({ dataDir: dataDir && join(dataDir, 'store'), tableName, credentials });
  const bus = new LocalEventBus();
  const timeouts = { ...TIMEOUT_SECONDS, ...options.timeouts };
  const maxBodyBytes = options.maxBodyBytes ?? 5_242_880;
  const stepFunctions = new LocalStepFunctions({
    retryDelayMs: options.retryDelayMs,
    stepTimeoutMs: timeouts.step * 1000,
  });
  const endpoint = await startAwsEndpoint({ stepFunctions, bus, accessKeyId: credentials.accessKeyId });

  const workflowArns: Record<string, string> = {};
  for (const spec of options.workflows ?? registry) {
    workflowArns[spec.name] = stepFunctions.register({
      name: spec.name,
      definition: readDefinition(spec),
      handlers: await stepHandlers(spec),
    });
  }

  Object.assign(process.env, {
    TABLE_NAME: tableName,
    AWS_REGION: process.env.AWS_REGION ?? 'us-east-1',
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    DYNAMODB_ENDPOINT: store.endpoint,
    STEPFUNCTIONS_ENDPOINT: endpoint.url,
    EVENTBRIDGE_ENDPOINT: endpoint.url,
    EVENT_BUS_NAME: 'three-zeros-local',
    WORKFLOW_ARNS: JSON.stringify(workflowArns),
    MAX_BODY_BYTES: String(maxBodyBytes),
  });
  // Loopback http endpoints let a developer (and the tests) receive webhooks on this machine.
  process.env.WEBHOOK_ALLOW_LOOPBACK_HTTP ??= 'true';
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_PROFILE;
  resetConfig();
  // dynalite and the local endpoint check no SigV4 signature, the endpoint's operations run in this
  // process and dynalite in a thread of it: signing, sockets and HTTP parsing per call were most of
  // the gangway path's CPU. DynamoDB Local keys its databases by the signed access key, and is
  // reached over HTTP, so it keeps both.
  const unsigned = { sign: async <R>(request: R) => request };
  overrideClients({
    ...(store.requestHandler && {
      dynamo: { signer: presigned(credentials.accessKeyId), requestHandler: store.requestHandler },
    }),
    stepFunctions: { signer: unsigned, requestHandler: endpoint.requestHandler },
    eventBridge: { signer: unsigned, requestHandler: endpoint.requestHandler },
  });

  const identity = await devIdentity(dataDir);
  const operatorKey = randomBytes(24).toString('base64url');
  // Only the functions that declare deviceKeys see it, as only they get the secret's ARN on AWS.
  setScopedEnv(
    'DEVICE_KEY_SECRET',
    localSecret(dataDir, 'device-key-secret'),
    (grants) => grants.deviceKeys,
    'secretsmanager:GetSecretValue',
  );
  process.env.PAGE_TOKEN_SECRET = localSecret(dataDir, 'page-token-secret');
  process.env.AUDIT_SIGNING_KEY = localSigningKey(dataDir, 'audit-signing-key.pem');
  resetConfig();
  resetAuditSigner();

  // Scheduled jobs, as EventBridge schedules and Lambda's asynchronous retries run them on AWS.
  const jobs = await startScheduledJobs(
    options.schedules ?? schedules,
    async (job) => {
      const module = (await import(new URL(job.module, FUNCTIONS_DIR).href)) as Record<string, () => Promise<unknown>>;
      const run = module[job.export];
      if (typeof run !== 'function') throw new Error(`${job.module} does not export ${job.export}`);
      return run;
    },
    { dataDir, timeoutMs: timeouts.schedule * 1000, ...options.jobs },
  );
  // EventBridge rule → SQS → delivery Lambda on AWS; the same handler on the bus here. A listener
  // runs inside the invocation that published the event, so each delivery is an invocation of its
  // own, with the delivery function's rights (the table, read and write), as the Lambda is.
  const webhooks = (await import(new URL(deliveryFunction.module, FUNCTIONS_DIR).href)) as WebhookHandlers;
  const delivery = { name: deliveryFunction.name, grants: taskGrants({}) };
  const sweep = schedules.find((s) => s.module === deliveryFunction.module && s.export === 'retryDeliveries');
  if (!sweep) throw new Error('The schedule table has no webhook retry sweep');
  const retries = { name: sweep.name, grants: taskGrants(sweep) };
  const stopWebhooks = deliverWebhooks(bus, {
    onBusEvent: (event) => invokeAs(delivery, () => webhooks.onBusEvent(event)),
    retryDeliveries: () => invokeAs(retries, () => webhooks.retryDeliveries()),
  });
  const server: Server = await createGateway({
    routes: options.routes ?? routeList,
    identity,
    // The functions refuse bodies past MAX_BODY_BYTES themselves, as on AWS; the gateway stops
    // reading only where Lambda's own invocation payload limit would refuse them.
    maxBodyBytes: Math.max(maxBodyBytes, LAMBDA_PAYLOAD_BYTES),
    timeoutMs: timeouts.route * 1000,
    extra: localRoutes({
      bus,
      identity,
      ...(dataDir && {
        operator: { dataDir, key: operatorKey, backup: () => backupLines(dataDir, store.snapshot()) },
      }),
    }),
    ...(options.rateLimit !== false && {
      rateLimit: {
        perCaller: options.rateLimit ?? { perSecond: 50, burst: 100 },
        ...(options.rateLimit?.perRoute && { perRoute: options.rateLimit.perRoute }),
      },
    }),
    ...(options.admission !== false && { admission: options.admission ?? DEFAULT_ADMISSION }),
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 3000, options.host ?? '127.0.0.1', () => ok());
  });
  const redriven = await redriveClearances(stepFunctions, workflowArns);
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`;
  process.env.PUBLIC_BASE_URL = options.publicBaseUrl ?? url;
  resetConfig();
  // Where the helper commands find this system (and its keys): in its own data folder.
  const announced = dataDir ? announceRunning(dataDir, url, operatorKey) : undefined;

  let stopping: Promise<void> | undefined;
  return {
    url,
    redriven,
    identity,
    bus,
    stepFunctions,
    jobs,
    ...(store.memory && { storeMemory: store.memory }),
    stop: () =>
      (stopping ??= (async () => {
        announced?.remove();
        jobs.stop();
        stopWebhooks();
        server.closeAllConnections();
        await slowStepNamed('the gateway', () => new Promise<void>((ok) => server.close(() => ok())));
        await slowStepNamed('the workflows', () => stepFunctions.stop());
        await slowStepNamed('the AWS endpoint', () => endpoint.close());
        // Handlers still at work keep this run's clients until the store is gone, so none of them
        // opens a fresh connection that would hold the store's server open.
        await slowStepNamed('the store', () => store.close());
        overrideClients({});
        unlock();
      })()),
  };
}

/** A step of stopping that takes longer than this is named in a warning: a stop that hangs says where. */
const SLOW_STOP_STEP_MS = 5_000;

async function slowStepNamed(step: string, run: () => Promise<void>): Promise<void> {
  const started = performance.now();
  await run();
  const ms = performance.now() - started;
  if (ms > SLOW_STOP_STEP_MS) console.warn(`Stopping took ${Math.round(ms)} ms to close ${step}`);
}
