// Webhook delivery on AWS: the agents' call events go from the bus through a queue with a
// dead-letter queue to one function, which may touch the table and that queue and nothing else.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ThreeZerosStack } from '#infra/stack.ts';

let template: Template;

beforeAll(() => {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const dashboardDir = mkdtempSync(join(tmpdir(), 'dashboard-'));
  writeFileSync(join(dashboardDir, 'index.html'), '<!doctype html><title>Three Zeros</title>');
  const stack = new ThreeZerosStack(app, 'Test', {
    workflows: [],
    dashboardDir,
    env: { account: '123456789012', region: 'ap-southeast-1' },
  });
  template = Template.fromStack(stack);
});

const logicalId = (type: string, props: Record<string, unknown>) => {
  const [id] = Object.keys(template.findResources(type, { Properties: props }));
  expect(id, `${type} ${JSON.stringify(props)}`).toBeDefined();
  return id!;
};

describe('webhook delivery', () => {
  it('routes exactly the events agents receive from the bus into a queue, with a dead-letter queue', () => {
    const rule = Object.values(
      template.findResources('AWS::Events::Rule', {
        Properties: { Description: 'Call events that shipping agents receive by webhook' },
      }),
    )[0]!;
    expect(rule.Properties.EventPattern.source).toEqual(['three-zeros']);
    expect(rule.Properties.EventPattern['detail-type'].sort()).toEqual([
      'AmendmentRequested',
      'ArrivalCleared',
      'ArrivalRejected',
      'DepartureAmendmentRequested',
      'DepartureCleared',
      'DepartureHeld',
      'DeparturePermitSuspended',
      'PermitSuspended',
      'ReviewRequested',
    ]);
    expect(rule.Properties.EventBusName).toBeDefined();
    expect(rule.Properties.Targets[0].DeadLetterConfig.Arn).toBeDefined();

    const queue = rule.Properties.Targets[0].Arn['Fn::GetAtt'][0] as string;
    const props = template.toJSON().Resources[queue].Properties;
    expect(props.RedrivePolicy.maxReceiveCount).toBe(5);
    expect(props.SqsManagedSseEnabled).toBe(true);
    expect(props.RedrivePolicy.deadLetterTargetArn['Fn::GetAtt'][0]).toBe(
      rule.Properties.Targets[0].DeadLetterConfig.Arn['Fn::GetAtt'][0],
    );
  });

  it('feeds the delivery function from the queue, reporting failed records one by one', () => {
    const fn = logicalId('AWS::Lambda::Function', { Handler: 'index.deliverQueued' });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: fn },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BatchSize: 10,
    });
  });

  it('grants the delivery function the table, the key and its own queue, and not the bus', () => {
    const policies = Object.values(template.findResources('AWS::IAM::Policy')).filter((p) =>
      JSON.stringify(p.Properties.Roles).includes('WebhooksDeliverRole'),
    );
    const statements = policies.flatMap((p) => p.Properties.PolicyDocument.Statement);
    const actions = statements.flatMap((s: { Action: string | string[] }) => [s.Action].flat()).sort();
    expect(actions).toEqual(
      expect.arrayContaining([
        'dynamodb:PutItem',
        'dynamodb:Query',
        'kms:Decrypt',
        'sqs:DeleteMessage',
        'sqs:ReceiveMessage',
      ]),
    );
    expect(actions.filter((a: string) => /^(events|states|secretsmanager|s3):|\*$/.test(a))).toEqual([]);
    const sqs = statements.filter((s: { Action: string[] }) => [s.Action].flat().some((a) => a.startsWith('sqs:')));
    for (const s of sqs) expect(JSON.stringify(s.Resource)).toContain('WebhooksEvents');
  });

  it('alarms when events wait in the webhook dead-letter queue', () => {
    const dlq = logicalId('AWS::SQS::Queue', { MessageRetentionPeriod: 1_209_600, SqsManagedSseEnabled: true });
    expect(dlq).toBeDefined();
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Dimensions: Match.arrayWith([
        Match.objectLike({ Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('WebhooksDeadLetters'), 'QueueName'] } }),
      ]),
    });
  });
});
