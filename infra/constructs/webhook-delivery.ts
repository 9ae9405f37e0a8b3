// Webhooks to agents on AWS: an EventBridge rule takes the call events agents may receive into a
// queue (with a dead-letter queue), and the delivery function sends them; the retry sweep runs
// from the schedule table. The function may use the table and its queue, nothing else.
import { Duration, Validations } from 'aws-cdk-lib';
import { type IEventBus, Rule } from 'aws-cdk-lib/aws-events';
import { SqsQueue } from 'aws-cdk-lib/aws-events-targets';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { EVENT_SOURCE } from '../../functions/shared/events.ts';
import { deliveryFunction } from '../../functions/webhooks/routes.ts';
import { AGENT_BUS_EVENTS } from '../../functions/webhooks/rules.ts';
import type { ClearanceTable } from './clearance-table.ts';
import { ServiceFunction } from './service-function.ts';

export interface WebhookDeliveryProps {
  data: ClearanceTable;
  bus: IEventBus;
  environment: Record<string, string>;
}

export class WebhookDelivery extends Construct {
  readonly queue: Queue;
  readonly deadLetters: Queue;
  readonly function: ServiceFunction;

  constructor(scope: Construct, id: string, props: WebhookDeliveryProps) {
    super(scope, id);
    const secure = { encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true };
    this.deadLetters = new Queue(this, 'DeadLetters', { ...secure, retentionPeriod: Duration.days(14) });
    for (const rule of ['AwsSolutions-SQS3', 'Serverless-SQSRedrivePolicy']) {
      Validations.of(this.deadLetters).acknowledge({
        id: rule,
        reason: 'This queue is itself the dead-letter queue of webhook events',
      });
    }
    const timeout = Duration.seconds(60);
    this.queue = new Queue(this, 'Events', {
      ...secure,
      // Six times the function's timeout, as Lambda's SQS guide advises, so a slow batch is not redelivered mid-run.
      visibilityTimeout: Duration.seconds(timeout.toSeconds() * 6),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount: 5 },
    });
    new Rule(this, 'AgentEvents', {
      eventBus: props.bus,
      description: 'Call events that shipping agents receive by webhook',
      eventPattern: { source: [EVENT_SOURCE], detailType: [...AGENT_BUS_EVENTS] },
      targets: [new SqsQueue(this.queue, { deadLetterQueue: this.deadLetters, retryAttempts: 8 })],
    });
    this.function = new ServiceFunction(this, 'Deliver', {
      module: deliveryFunction.module,
      handler: deliveryFunction.export,
      description: 'Sends call events to agents’ webhook endpoints, signed per Standard Webhooks',
      timeout,
      environment: props.environment,
    }).bindTable(props.data, 'RW');
    this.function.addEventSource(
      new SqsEventSource(this.queue, { batchSize: 10, reportBatchItemFailures: true, maxConcurrency: 10 }),
    );
    Validations.of(this.function).acknowledge({
      id: 'Serverless-LambdaEventSourceMappingDestination',
      reason:
        'An SQS mapping has no on-failure destination: failed records return to the queue, whose redrive policy moves them to the dead-letter queue',
    });
  }
}
