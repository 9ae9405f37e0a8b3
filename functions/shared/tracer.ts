// Powertools Tracer, on Lambda and only when the deployment asks for it (`-c traceSdkCalls=true`,
// which sets TRACE_SDK_CALLS and ships the tracer beside the bundle): an X-Ray subsegment for each
// AWS SDK call. Without it, Lambda's active tracing still records the segments of the invocations
// X-Ray samples. Off by default: the X-Ray SDK under the tracer is in maintenance mode since
// February 2026, took about 120 KB of every bundle and time of every cold start (bench/README.md),
// and keeps its context with async hooks (cls-hooked) from the moment it is imported, which makes
// every promise in the process about ten times slower. In the embedded runtime and the tests it
// is never loaded.
import type { Tracer } from '@aws-lambda-powertools/tracer';
import type { MiddlewareObj } from '@middy/core';
import { logger } from './logger.ts';

/** Set by the Lambda runtime in every function's environment, and by infra when SDK calls are traced. */
const tracingSdkCalls = (): boolean =>
  Boolean(process.env.AWS_LAMBDA_FUNCTION_NAME) && process.env.TRACE_SDK_CALLS === 'true';

const SERVICE = 'three-zeros';

/** The tracer and its handler middleware; none if the deployment did not install the tracer beside the bundle. */
async function loadTracer(): Promise<{ tracer: Tracer; middleware: MiddlewareObj } | undefined> {
  try {
    const { Tracer } = await import('@aws-lambda-powertools/tracer');
    const { captureLambdaHandler } = await import('@aws-lambda-powertools/tracer/middleware');
    const loaded = new Tracer({ serviceName: SERVICE });
    return { tracer: loaded, middleware: captureLambdaHandler(loaded) };
  } catch (error) {
    // TRACE_SDK_CALLS set by hand on a function deployed without `-c traceSdkCalls=true`: serve untraced.
    logger.warn('SDK calls are not traced: the tracer is not installed beside this bundle', { error });
    return undefined;
  }
}

// Loaded while the module is (a Lambda's init phase), never on the first invocation.
const loaded = tracingSdkCalls() ? await loadTracer() : undefined;
export const tracer: Tracer | undefined = loaded?.tracer;
const handlerMiddleware: MiddlewareObj | undefined = loaded?.middleware;

/** The invocation's segment, for a middy chain's `use`: nothing to use unless SDK calls are traced. */
export function tracing(): MiddlewareObj[] {
  return handlerMiddleware ? [handlerMiddleware] : [];
}

/** An AWS SDK client whose calls become subsegments when traced; the client itself otherwise. */
export function captured<C>(client: C): C {
  return tracer ? tracer.captureAWSv3Client(client) : client;
}
