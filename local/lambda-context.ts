// The Lambda context object handlers receive in the embedded runtime.
import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';

export function lambdaContext(functionName: string, timeoutMs: number): Context {
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: `/local/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** What Lambda reports when a function runs past its timeout (Step Functions sees Lambda.Unknown). */
export class LambdaTimedOut extends Error {
  constructor(functionName: string, timeoutMs: number) {
    super(`${functionName}: Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds`);
    this.name = 'Lambda.Unknown';
  }
}

/**
 * The invocation's result, or LambdaTimedOut once its timeout has passed. Lambda stops the
 * function then; here its work goes on in the background, but nobody hears its answer.
 */
export function withinTimeout<T>(functionName: string, timeoutMs: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const overrun = new Promise<never>((_ok, fail) => {
    timer = setTimeout(() => fail(new LambdaTimedOut(functionName, timeoutMs)), timeoutMs);
    timer.unref();
  });
  return Promise.race([work, overrun]).finally(() => clearTimeout(timer));
}
