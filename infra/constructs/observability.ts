// What an operator watches: alarms on 5xx, throttles, failed clearances, reviews past their
// deadline and dead letters, all on one topic, and a CloudWatch dashboard of the same.
import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { IKey } from 'aws-cdk-lib/aws-kms';

export interface ObservabilityProps {
  api: HttpApi;
  functions: IFunction[];
  stateMachines: StateMachine[];
  deadLetterQueues: IQueue[];
  key: IKey;
}

export class Observability extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Alarms', {
      displayName: 'Three Zeros alarms',
      masterKey: props.key,
      enforceSSL: true,
    });
    const alarm = (name: string, metric: Metric | MathExpression, threshold: number, description: string) => {
      const a = new Alarm(this, name, {
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      a.addAlarmAction(new SnsAction(this.topic));
      this.alarms.push(a);
      return a;
    };
    const fiveMinutes = { period: Duration.minutes(5) };

    const api5xx = props.api.metricServerError(fiveMinutes);
    alarm('Api5xx', api5xx, 5, 'The API answered 5 or more server errors in 5 minutes');
    const lambdaErrors = new MathExpression({
      expression: props.functions.map((_, i) => `e${i}`).join('+') || '0',
      usingMetrics: Object.fromEntries(props.functions.map((fn, i) => [`e${i}`, fn.metricErrors(fiveMinutes)])),
      ...fiveMinutes,
      label: 'Lambda errors',
    });
    const throttles = new MathExpression({
      expression: props.functions.map((_, i) => `t${i}`).join('+') || '0',
      usingMetrics: Object.fromEntries(props.functions.map((fn, i) => [`t${i}`, fn.metricThrottles(fiveMinutes)])),
      ...fiveMinutes,
      label: 'Lambda throttles',
    });
    // Alarms take at most 10 metrics: the account's own throttle count covers every function.
    alarm(
      'LambdaThrottles',
      new Metric({ namespace: 'AWS/Lambda', metricName: 'Throttles', statistic: 'Sum', ...fiveMinutes }),
      1,
      'Lambda functions were throttled',
    );
    for (const machine of props.stateMachines) {
      alarm(
        `${machine.node.id}Failed`,
        machine.metricFailed(fiveMinutes),
        1,
        `A ${machine.node.id} execution failed: the call shows it; re-drive by resubmitting`,
      );
      alarm(
        `${machine.node.id}TimedOut`,
        machine.metricTimedOut(fiveMinutes),
        1,
        `A ${machine.node.id} execution timed out`,
      );
    }
    // Reviews past their deadline escalate to a supervisor; the escalation is what to watch.
    const escalations = new Metric({
      namespace: 'ThreeZeros',
      metricName: 'ReviewsEscalated',
      statistic: 'Sum',
      ...fiveMinutes,
    });
    alarm('ReviewsPastDeadline', escalations, 1, 'A review passed its deadline and went to a supervisor');
    for (const [i, queue] of props.deadLetterQueues.entries()) {
      alarm(
        `DeadLetters${i}`,
        queue.metricApproximateNumberOfMessagesVisible(fiveMinutes),
        1,
        'Messages are waiting in a dead-letter queue',
      );
    }

    new Dashboard(this, 'Dashboard', {
      dashboardName: `three-zeros-${this.node.addr.slice(0, 8)}`,
      widgets: [
        [
          new GraphWidget({
            title: 'API requests and server errors',
            left: [props.api.metricCount(fiveMinutes)],
            right: [api5xx],
            width: 12,
          }),
          new GraphWidget({
            title: 'API latency (p99)',
            left: [props.api.metricLatency({ ...fiveMinutes, statistic: 'p99' })],
            width: 12,
          }),
        ],
        [
          new GraphWidget({
            title: 'Lambda errors and throttles',
            left: [lambdaErrors],
            right: [throttles],
            width: 12,
          }),
          new GraphWidget({
            title: 'Clearances: succeeded / failed',
            left: props.stateMachines.map((m) => m.metricSucceeded(fiveMinutes)),
            right: props.stateMachines.map((m) => m.metricFailed(fiveMinutes)),
            width: 12,
          }),
        ],
      ],
    });
  }
}
