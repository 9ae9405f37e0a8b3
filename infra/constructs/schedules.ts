// Timed jobs from the schedule table: one function each, run by an EventBridge rule.
import { Duration, Validations } from 'aws-cdk-lib';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { Schedule as Job } from '../../functions/schedules.ts';
import { TIMEOUT_SECONDS, taskGrants } from '../../functions/shared/grants.ts';
import type { AuditSigningKey } from './audit-key.ts';
import type { ClearanceTable } from './clearance-table.ts';
import { ServiceFunction } from './service-function.ts';

export interface SchedulesProps {
  schedules: readonly Job[];
  data: ClearanceTable;
  bus: IEventBus;
  environment: Record<string, string>;
  /** The audit signing key, for the jobs that declare `auditKey`. */
  auditKey: AuditSigningKey;
}

export class Schedules extends Construct {
  readonly functions = new Map<string, ServiceFunction>();
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: SchedulesProps) {
    super(scope, id);
    // Scheduled invocations are asynchronous: what fails after retries lands here, not nowhere.
    const deadLetters = (this.deadLetters = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    }));
    for (const id of ['AwsSolutions-SQS3', 'Serverless-SQSRedrivePolicy']) {
      Validations.of(deadLetters).acknowledge({
        id,
        reason: 'This queue is itself the dead-letter queue of the scheduled jobs',
      });
    }
    for (const job of props.schedules) {
      const fn = new ServiceFunction(this, job.name, {
        module: job.module,
        handler: job.export,
        description: `every ${job.everyMinutes} min: ${job.name}`,
        timeout: Duration.seconds(TIMEOUT_SECONDS.schedule),
        environment: props.environment,
      });
      // EventBridge's dead-letter queue catches events it could not deliver; a run that was
      // delivered and failed is retried by Lambda, then sent to the same queue.
      fn.configureAsyncInvoke({
        retryAttempts: 2,
        maxEventAge: Duration.hours(1),
        onFailure: new SqsDestination(deadLetters),
      });
      const grants = taskGrants(job);
      fn.bindTable(props.data, grants.table);
      if (grants.events) props.bus.grantPutEventsTo(fn);
      if (job.auditKey) props.auditKey.bind(fn, job.auditKey);
      new Rule(this, `${job.name}-rule`, {
        schedule: Schedule.rate(Duration.minutes(job.everyMinutes)),
        targets: [new LambdaFunction(fn, { deadLetterQueue: deadLetters, retryAttempts: 2 })],
      });
      this.functions.set(job.name, fn);
    }
  }
}
