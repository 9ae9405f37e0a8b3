// Business metrics (CloudWatch embedded metric format via Powertools), for the alarms infra/ sets.
// The embedded runtime turns them off: there is no CloudWatch to read them.
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

export const metrics = new Metrics({ namespace: 'ThreeZeros', serviceName: 'three-zeros' });

/** Counts one occurrence of `name`; Powertools' logMetrics middleware flushes once per invocation. */
export function count(name: string): void {
  metrics.addMetric(name, MetricUnit.Count, 1);
}
