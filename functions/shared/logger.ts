// One Powertools logger per cold start. Lambda runs one invocation per environment at a time, or,
// on Managed Instances and in the embedded runtime, several at once, each in an invocation context
// of its host's (the InvokeStore, see local/invocations.ts): Powertools keeps an invocation's keys,
// Lambda context and log level there, so a context set by one (function name, request id, keys)
// never shows up in another's lines. Log ids and codes, never names, documents or faces.
import { Logger } from '@aws-lambda-powertools/logger';

export const logger = new Logger({
  serviceName: 'three-zeros',
  logLevel: (process.env.LOG_LEVEL as 'INFO' | undefined) ?? 'INFO',
});
