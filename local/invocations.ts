// The embedded runtime hosts functions as Lambda Managed Instances do: several invocations at once
// in one environment, each in an invocation context of its own, held in the InvokeStore Lambda's
// runtime keeps. Powertools keeps there what belongs to one invocation (the logger's keys, its
// Lambda context and log level, the metrics' dimensions), so one invocation's keys never show up
// in another's lines. On Lambda's on-demand environments, one invocation at a time, it shares them.
import { randomUUID } from 'node:crypto';
import { InvokeStore, InvokeStoreBase } from '@aws/lambda-invoke-store';
import { DEFAULT_ADMISSION } from './admission.ts';

// What tells Powertools that invocations share the environment. Lambda sets it to the most an
// environment runs at once; Powertools reads only whether it is set. The embedded runtime bounds
// what runs at once per route (local/admission.ts): the default bound of one route is given.
process.env.AWS_LAMBDA_MAX_CONCURRENCY ??= String(DEFAULT_ADMISSION.inFlight);
const store = await InvokeStore.getInstanceAsync(true);

/** Runs `fn` as one invocation: what Powertools keeps per invocation inside it is its own. */
export function inInvocation<T>(fn: () => T, requestId: string = randomUUID()): T {
  return store.run({ [InvokeStoreBase.PROTECTED_KEYS.REQUEST_ID]: requestId }, fn);
}
