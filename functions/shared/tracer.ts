// Powertools Tracer, on Lambda and only when the deployment asks for it (`-c traceSdkCalls=true`,
// which sets TRACE_SDK_CALLS and ships the tracer beside the bundle): an X-Ray subsegment for each
// AWS SDK call. Without it, Lambda's active tracing still records every invocation's segment.
// Off by default: the X-Ray SDK under the tracer is in maintenance mode since February 2026, adds
// about 120 KB to every bundle and a few tens of milliseconds to every cold start, and keeps its
// context with async hooks (cls-hooked) from the moment it is imported, which makes every promise
// in the process about ten times slower. In the embedded runtime and the tests it is never loaded.
import type { Tracer } from '@aws-lambda-powertools/tracer';
import type { MiddlewareObj } from '@middy/core';

/** Set by the Lambda runtime in every function's environment, and by infra when SDK calls are traced. */
const tracingSdkCalls = (): boolean =>
  Boolean(process.env.AWS_LAMBDA_FUNCTION_NAME) && process.env.TRACE_SDK_CALLS === 'true';

const SERVICE = 'three-zeros';

// Loaded while the module is (a Lambda's init phase), never on the first invocation.
export const tracer: Tracer | undefined = tracingSdkCalls()
  ? new (await import('@aws-lambda-powertools/tracer')).Tracer({ serviceName: SERVICE })
  : undefined;

const handlerMiddleware: MiddlewareObj | undefined = tracer
  ? (await import('@aws-lambda-powertools/tracer/middleware')).captureLambdaHandler(tracer)
  : undefined;

/** The invocation's segment, for a middy chain's `use`: nothing to use unless SDK calls are traced. */
export function tracing(): MiddlewareObj[] {
  return handlerMiddleware ? [handlerMiddleware] : [];
}

/** An AWS SDK client whose calls become subsegments when traced; the client itself otherwise. */
export function captured<C>(client: C): C {
  return tracer ? tracer.captureAWSv3Client(client) : client;
}
