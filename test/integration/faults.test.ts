// Store faults on the way: the client hears 503 with Retry-After, nothing half-written counts,
// and the retry succeeds once, not twice.
import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoClient } from '#shared/aws.ts';
import { announcement } from '../support/fixtures.ts';
import { type TestSystem, startTestSystem } from '../support/runtime.ts';

let sys: TestSystem;
let agent: string;
/** How many writes of a call item to refuse, as a throttling store would. */
let throttleCallWrites = 0;

beforeAll(async () => {
  sys = await startTestSystem();
  agent = await sys.token({ role: 'agent', agentId: 'FAULTY-SEAS' });
  dynamoClient().middlewareStack.add(
    (next, context) => async (args) => {
      const sk = (args.input as { Item?: { sk?: unknown } }).Item?.sk;
      const isCall = sk === 'CALL' || (sk as { S?: string } | undefined)?.S === 'CALL';
      if (context.commandName === 'PutItemCommand' && isCall && throttleCallWrites > 0) {
        throttleCallWrites -= 1;
        throw new ProvisionedThroughputExceededException({ message: 'Throughput exceeds the current capacity', $metadata: { httpStatusCode: 400 } });
      }
      return next(args);
    },
    { step: 'initialize', name: 'faultInjection' },
  );
});
afterAll(() => sys.stop());

describe('a throttling store', () => {
  it('answers 503 with Retry-After, leaves no call behind, and the retry creates exactly one', async () => {
    const body = announcement();
    const headers = { 'idempotency-key': `fault-${body.voyage}` };
    throttleCallWrites = 1;
    const first = await sys.request('POST', '/v1/calls', { token: agent, body, headers });
    expect(first.status).toBe(503);
    expect(first.headers.get('retry-after')).toBe('1');
    expect(JSON.stringify(first.body)).not.toMatch(/Throughput|capacity/);
    expect((await sys.request('GET', '/v1/calls', { token: agent })).body.items).toEqual([]);

    // The voyage was reserved before the failure: the retry takes the reservation over.
    const retry = await sys.request('POST', '/v1/calls', { token: agent, body, headers });
    expect(retry.status).toBe(201);
    const again = await sys.request('POST', '/v1/calls', { token: agent, body, headers });
    expect(again.body.callId).toBe(retry.body.callId);
    const listed = (await sys.request('GET', '/v1/calls', { token: agent })).body.items;
    expect(listed.map((c: { callId: string }) => c.callId)).toEqual([retry.body.callId]);
  });
});
