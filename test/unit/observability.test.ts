// Observability as Powertools does it: metrics flushed once per invocation by its middleware, every
// AWS SDK client captured by the tracer on Lambda (not loaded elsewhere), queries paged by the SDK.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { countAll, queryAll } from '#shared/dynamo.ts';
import { count, metrics } from '#shared/metrics.ts';
import { stepHandler } from '#shared/steps.ts';
import { context } from '../support/http-event.ts';

const ddb = mockClient(DynamoDBDocumentClient);

afterEach(() => {
  ddb.reset();
  vi.restoreAllMocks();
});

describe('metrics', () => {
  it('are flushed once, when the invocation ends, however many a step counts', async () => {
    // Prepare
    const flush = vi.spyOn(metrics, 'publishStoredMetrics').mockImplementation(() => metrics);
    const step = stepHandler('probe', z.object({}), async () => {
      count('ReviewsEscalated');
      count('ReviewsEscalated');
      expect(flush).not.toHaveBeenCalled();
      return 'done';
    });
    // Act
    const result = await step({}, context);
    // Assess
    expect(result).toBe('done');
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it('are flushed when a step fails too, and the failure keeps its name', async () => {
    const flush = vi.spyOn(metrics, 'publishStoredMetrics').mockImplementation(() => metrics);
    const step = stepHandler('probe', z.object({ callId: z.string() }), async () => 'never');
    await expect(step({}, context)).rejects.toMatchObject({ name: 'StepInputInvalid' });
    expect(flush).toHaveBeenCalledTimes(1);
  });
});

describe('tracing', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('captures the AWS SDK clients the functions create, on Lambda when the deployment traces SDK calls', async () => {
    // Prepare: a fresh module graph, as a Lambda's init phase loads it
    vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', 'three-zeros-test');
    vi.stubEnv('TRACE_SDK_CALLS', 'true');
    vi.resetModules();
    const { tracer, tracing } = await import('#shared/tracer.ts');
    const aws = await import('#shared/aws.ts');
    const capture = vi.spyOn(tracer!, 'captureAWSv3Client');
    aws.resetClients();
    // Act
    aws.documentClient();
    // Assess
    expect(capture).toHaveBeenCalledWith(expect.any(DynamoDBClient));
    expect(tracing()).toHaveLength(1);
  });

  /** A fresh module graph in which the tracer is off: no tracer, no middleware, clients as they are. */
  async function expectUntraced() {
    vi.resetModules();
    const { tracer, tracing, captured } = await import('#shared/tracer.ts');
    expect(tracer).toBeUndefined();
    expect(tracing()).toEqual([]);
    const client = {};
    expect(captured(client)).toBe(client);
  }

  it('is not loaded on Lambda unless the deployment asks for it: active tracing alone records sampled invocations', async () => {
    vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', 'three-zeros-test');
    await expectUntraced();
  });

  it('serves untraced, and says so, when the flag is set on a function deployed without the tracer', async () => {
    vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', 'three-zeros-test');
    vi.stubEnv('TRACE_SDK_CALLS', 'true');
    vi.resetModules();
    vi.doMock('@aws-lambda-powertools/tracer', () => {
      throw new Error("Cannot find package '@aws-lambda-powertools/tracer'");
    });
    try {
      const { logger } = await import('#shared/logger.ts');
      const warn = vi.spyOn(logger, 'warn').mockImplementation(() => undefined);
      const { tracer, tracing } = await import('#shared/tracer.ts');
      expect(tracer).toBeUndefined();
      expect(tracing()).toEqual([]);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('not traced'), expect.anything());
    } finally {
      vi.doUnmock('@aws-lambda-powertools/tracer');
    }
  });

  it('is not loaded outside Lambda, so the X-Ray SDK never slows the embedded runtime', async () => {
    vi.stubEnv('TRACE_SDK_CALLS', 'true');
    await expectUntraced();
  });
});

describe('queries over several pages', () => {
  it('read every page, each from where the last stopped', async () => {
    // Prepare
    ddb
      .on(QueryCommand)
      .resolvesOnce({ Items: [{ id: 1 }, { id: 2 }], LastEvaluatedKey: { pk: 'P', sk: '2' } })
      .resolvesOnce({ Items: [{ id: 3 }] });
    // Act
    const items = await queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'P' } });
    // Assess
    expect(items).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
    const inputs = ddb.commandCalls(QueryCommand).map((c) => c.args[0].input);
    expect(inputs[1]).toMatchObject({ ExclusiveStartKey: { pk: 'P', sk: '2' } });
  });

  it('count across pages', async () => {
    ddb
      .on(QueryCommand)
      .resolvesOnce({ Count: 100, LastEvaluatedKey: { pk: 'P', sk: '100' } })
      .resolvesOnce({ Count: 7 });
    expect(await countAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'P' } })).toBe(107);
    expect(ddb.commandCalls(QueryCommand).map((c) => c.args[0].input.Select)).toEqual(['COUNT', 'COUNT']);
  });
});
