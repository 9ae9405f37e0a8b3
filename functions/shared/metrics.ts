// Business metrics (CloudWatch embedded metric format via Powertools), for the alarms infra/ sets.
// The embedded runtime turns them off: there is no CloudWatch to read them.
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logger } from './logger.ts';

type Level = 'debug' | 'info' | 'warn' | 'error';
const to =
  (level: Level) =>
  (message: unknown, ...rest: unknown[]): void =>
    (logger[level] as (message: string, ...extra: unknown[]) => void).call(logger, String(message), ...rest);

export const metrics = new Metrics({
  namespace: 'ThreeZeros',
  serviceName: 'three-zeros',
  logger: {
    debug: to('debug'),
    info: to('info'),
    // Most invocations count nothing; Powertools warns of every such flush, which is no news here.
    warn: (message: unknown, ...rest: unknown[]) =>
      String(message).startsWith('No application metrics')
        ? to('debug')(message, ...rest)
        : to('warn')(message, ...rest),
    error: to('error'),
  },
});

/** Counts one occurrence of `name`; Powertools' logMetrics middleware flushes once per invocation. */
export function count(name: string): void {
  metrics.addMetric(name, MetricUnit.Count, 1);
}
