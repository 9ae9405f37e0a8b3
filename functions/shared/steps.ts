// Workflow step handlers: validate the state's input with zod and run one domain call. The same
// export runs as a Lambda behind Step Functions and in-process under the embedded runner.
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { Context } from 'aws-lambda';
import type * as z from 'zod';
import { logger } from './logger.ts';
import { metrics } from './metrics.ts';
import { tracing } from './tracer.ts';

/** The newer declaration version took over: the old execution ends quietly. */
export class Superseded extends Error {
  constructor(message = 'A newer declaration version supersedes this one') {
    super(message);
    this.name = 'Superseded';
  }
}

export function stepHandler<S extends z.ZodType, R>(name: string, input: S, fn: (input: z.output<S>) => Promise<R>) {
  // No early timeout: a step that runs out of time fails as Lambda reports it, not as a retryable error.
  const handler = middy({ timeoutEarlyInMillis: 0 })
    .handler(async (event: unknown): Promise<R> => {
      const parsed = input.safeParse(event);
      if (!parsed.success) {
        // A definition and its handler disagree: not something a retry can fix.
        const error = new Error(
          `${name}: unexpected input at ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`,
        );
        error.name = 'StepInputInvalid';
        throw error;
      }
      return fn(parsed.data);
    })
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(tracing())
    .use(logMetrics(metrics));
  return (event: unknown, context?: Context): Promise<R> => handler(event, context ?? ({} as Context));
}
