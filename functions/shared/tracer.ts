// Powertools Tracer, on Lambda only: X-Ray segments for each invocation and each AWS SDK call.
// The X-Ray SDK under it keeps its context with async hooks (cls-hooked) from the moment it is
// imported, which makes every promise in the process about ten times slower. On Lambda that is the
// price of the traces; in the embedded runtime and the tests, where Powertools would turn tracing
// off anyway, the module is never loaded and nothing is captured.
import type { Tracer } from '@aws-lambda-powertools/tracer';
import type { MiddlewareObj } from '@middy/core';

/** Set by the Lambda runtime in every function's environment. */
const onLambda = (): boolean => Boolean(process.env.AWS_LAMBDA_FUNCTION_NAME);

const SERVICE = 'three-zeros';

// Loaded while the module is (a Lambda's init phase), never on the first invocation.
export const tracer: Tracer | undefined = onLambda()
  ? new (await import('@aws-lambda-powertools/tracer')).Tracer({ serviceName: SERVICE })
  : undefined;

const handlerMiddleware: MiddlewareObj | undefined = tracer
  ? (await import('@aws-lambda-powertools/tracer/middleware')).captureLambdaHandler(tracer)
  : undefined;

/** The invocation's segment, for a middy chain's `use`: nothing to use off Lambda. */
export function tracing(): MiddlewareObj[] {
  return handlerMiddleware ? [handlerMiddleware] : [];
}

/** An AWS SDK client whose calls become subsegments on Lambda; the client itself elsewhere. */
export function captured<C>(client: C): C {
  return tracer ? tracer.captureAWSv3Client(client) : client;
}
