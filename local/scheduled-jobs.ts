// The schedule table's jobs in the embedded runtime, run as EventBridge and Lambda run them on
// AWS: on their interval, within their Lambda timeout, a failed run retried twice (Lambda's
// asynchronous retries), and a run that failed every time kept as a dead letter, as the AWS stack
// sends it to its dead-letter queue. `npm run dead-letters` lists what was kept.
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import type { Schedule } from '#functions/schedules.ts';
import { TIMEOUT_SECONDS, taskGrants } from '#shared/grants.ts';
import { logger } from '#shared/logger.ts';
import { invokeAs } from './grants.ts';
import { withinTimeout } from './lambda-context.ts';

/** What the AWS stack's dead-letter queue receives from Lambda's on-failure destination. */
export const DeadLetter = z.object({
  time: z.iso.datetime(),
  job: z.string(),
  condition: z.literal('RetriesExhausted'),
  approximateInvokeCount: z.number().int(),
  errorType: z.string(),
  errorMessage: z.string(),
});
export type DeadLetter = z.infer<typeof DeadLetter>;

/** Lambda retries a failed asynchronous invocation twice: about a minute, then two, apart. */
export const ASYNC_RETRIES = 2;
const RETRY_DELAYS_MS = [60_000, 120_000];
const FILE = 'dead-letters.jsonl';

export interface JobOptions {
  /** Folder to keep dead letters in; undefined keeps them in memory only. */
  dataDir?: string;
  /** Pauses before each retry; Lambda's by default. */
  retryDelaysMs?: readonly number[];
  /** Overrides every job's interval (tests). */
  everyMs?: number;
  timeoutMs?: number;
}

export interface ScheduledJobs {
  /** Runs a job once, with its retries, as one scheduled event does; the dead letter if it failed. */
  runOnce(job: Schedule): Promise<DeadLetter | undefined>;
  deadLetters(): DeadLetter[];
  stop(): void;
}

type Job = () => Promise<unknown>;

export async function startScheduledJobs(
  jobs: readonly Schedule[],
  load: (job: Schedule) => Promise<Job>,
  options: JobOptions = {},
): Promise<ScheduledJobs> {
  const kept: DeadLetter[] = options.dataDir ? readDeadLetters(options.dataDir) : [];
  const delays = options.retryDelaysMs ?? RETRY_DELAYS_MS;
  const timeoutMs = options.timeoutMs ?? TIMEOUT_SECONDS.schedule * 1000;
  const handlers = new Map(await Promise.all(jobs.map(async (job) => [job.name, await load(job)] as const)));

  async function runOnce(job: Schedule): Promise<DeadLetter | undefined> {
    const run = handlers.get(job.name)!;
    const invoker = { name: job.name, grants: taskGrants(job) };
    let last: Error | undefined;
    for (let attempt = 0; attempt <= ASYNC_RETRIES; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, delays[attempt - 1] ?? 0).unref());
      try {
        await withinTimeout(job.name, timeoutMs, invokeAs(invoker, run));
        return undefined;
      } catch (error) {
        last = error as Error;
        logger.warn('Scheduled job failed', { job: job.name, attempt: attempt + 1, errorType: last.name });
      }
    }
    const letter: DeadLetter = {
      time: new Date().toISOString(),
      job: job.name,
      condition: 'RetriesExhausted',
      approximateInvokeCount: ASYNC_RETRIES + 1,
      errorType: last!.name,
      errorMessage: last!.message,
    };
    kept.push(letter);
    if (options.dataDir) {
      mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
      appendFileSync(join(options.dataDir, FILE), `${JSON.stringify(letter)}\n`, { mode: 0o600 });
    }
    logger.error('Scheduled job failed after its retries; kept as a dead letter', { job: job.name });
    return letter;
  }

  const timers = jobs.map((job) => {
    let busy = false;
    const timer = setInterval(
      () => {
        // One run at a time per job: a slow run is not overtaken by the next tick.
        if (busy) return;
        busy = true;
        void runOnce(job).finally(() => {
          busy = false;
        });
      },
      options.everyMs ?? job.everyMinutes * 60_000,
    );
    timer.unref();
    return timer;
  });

  return {
    runOnce,
    deadLetters: () => [...kept],
    stop: () => {
      for (const timer of timers) clearInterval(timer);
    },
  };
}

/** The dead letters kept in a data folder, oldest first. */
export function readDeadLetters(dataDir: string): DeadLetter[] {
  const file = join(dataDir, FILE);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .flatMap((line) => {
      try {
        const parsed = DeadLetter.safeParse(JSON.parse(line));
        return parsed.success ? [parsed.data] : [];
      } catch {
        return []; // a line cut short by a crash mid-write
      }
    });
}
