// The port-call handlers through the whole middy chain, with AWS mocked at the SDK.
import { ConditionalCheckFailedException, ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cancelCall, createCall, listCalls } from '#calls/api.ts';
import { announcement } from '../support/fixtures.ts';
import { agentClaims, context, httpEvent, officerClaims } from '../support/http-event.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const bus = mockClient(EventBridgeClient);

beforeEach(() => {
  bus.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e1' }] });
});
afterEach(() => {
  ddb.reset();
  bus.reset();
});

const post = (body: unknown, claims: Record<string, string> = agentClaims()) =>
  createCall(httpEvent({ method: 'POST', path: '/v1/calls', body, claims }), context) as Promise<{
    statusCode: number;
    body: string;
    headers: Record<string, string>;
  }>;

describe('POST /v1/calls handler', () => {
  it('reserves the voyage, then writes the call only if it does not exist, then announces it', async () => {
    // Prepare
    ddb.on(PutCommand).resolves({});

    // Act
    const res = await post(announcement());

    // Assess
    expect(res.statusCode).toBe(201);
    const puts = ddb.commandCalls(PutCommand).map((c) => c.args[0].input);
    expect(puts[0]).toMatchObject({
      Item: { pk: expect.stringMatching(/^VOYAGE#9412347#/) },
      ConditionExpression: 'attribute_not_exists(pk) OR callId = :callId',
    });
    expect(puts[1]).toMatchObject({
      Item: { sk: 'CALL', status: 'DRAFT', version: 1, gsi2pk: 'PORT#CNTXG#CALL#DRAFT', gsi3pk: 'AGENT#ACME-SHIPPING' },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
    expect(puts[2]).toMatchObject({ Item: { sk: 'AUDIT#000001' }, ConditionExpression: 'attribute_not_exists(pk)' });
    const sent = bus.commandCalls(PutEventsCommand)[0]!.args[0].input.Entries![0]!;
    expect(sent).toMatchObject({ Source: 'three-zeros', DetailType: 'CallAnnounced' });
  });

  it('answers 400 with one detail per bad field and touches no table', async () => {
    const res = await post({ ...announcement(), port: 'Tianjin', eta: 'soon' });
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body).error.details.map((d: { path: string }) => d.path)).toEqual(['port', 'eta']);
    expect(ddb.calls()).toHaveLength(0);
  });

  it('answers 401 when the authoriser passed no claims, and 403 for an officer', async () => {
    expect((await post(announcement(), {})).statusCode).toBe(401);
    expect((await post(announcement(), officerClaims())).statusCode).toBe(403);
    expect(ddb.calls()).toHaveLength(0);
  });

  it('answers 503 with Retry-After when the table throttles', async () => {
    ddb.on(PutCommand).rejects(new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} }));
    const res = await post(announcement());
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('1');
    expect(res.body).not.toMatch(/slow down/);
  });
});

describe('POST /v1/calls/{callId}/cancel handler', () => {
  const callId = 'C01KB0000000000000000000000';
  const stored = {
    ...announcement(),
    callId,
    agentId: 'ACME-SHIPPING',
    status: 'DRAFT',
    version: 3,
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    lastAudit: {
      seq: 3,
      at: '2026-11-01T00:00:00.000Z',
      actor: { role: 'agent', id: 'ACME-SHIPPING' },
      action: 'X',
      prevHash: 'a'.repeat(64),
      hash: 'b'.repeat(64),
    },
  };
  const cancel = () =>
    cancelCall(
      httpEvent({
        method: 'POST',
        path: `/v1/calls/${callId}/cancel`,
        pathParameters: { callId },
        body: {},
        claims: agentClaims(),
      }),
      context,
    ) as Promise<{ statusCode: number; body: string }>;

  it('writes only if the call is still at the version it read', async () => {
    ddb.on(GetCommand).resolves({ Item: stored });
    ddb.on(PutCommand).resolves({});
    ddb.on(QueryCommand).resolves({ Items: [], Count: 0 });
    ddb.on(UpdateCommand).resolves({});
    const res = await cancel();
    expect(res.statusCode).toBe(200);
    const puts = ddb.commandCalls(PutCommand).map((c) => c.args[0].input);
    const commit = puts.findIndex((p) => p.Item?.sk === 'CALL');
    const previous = puts.findIndex((p) => p.Item?.sk === 'AUDIT#000003');
    const [previousEntry, update] = [puts[previous], puts[commit]];
    // The entry the call carried is made sure of first (no gap in the trail), then the call is committed.
    expect(previous).toBeGreaterThanOrEqual(0);
    expect(previous).toBeLessThan(commit);
    expect(previousEntry).toMatchObject({
      ConditionExpression: 'attribute_not_exists(pk)',
      Item: { sk: 'AUDIT#000003' },
    });
    expect(update).toMatchObject({
      ConditionExpression: 'version = :expected',
      ExpressionAttributeValues: { ':expected': 3 },
      Item: { status: 'CANCELLED', version: 4, gsi2pk: 'PORT#CNTXG#CALL#CANCELLED' },
    });
  });

  it('records the cancelled call under its day of arrival in the port-day read model', async () => {
    ddb.on(GetCommand).resolves({ Item: stored });
    ddb.on(PutCommand).resolves({});
    ddb.on(QueryCommand).resolves({ Items: [], Count: 0 });
    ddb.on(UpdateCommand).resolves({});
    expect((await cancel()).statusCode).toBe(200);
    const [day] = ddb.commandCalls(UpdateCommand).map((c) => c.args[0].input);
    expect(day).toMatchObject({
      Key: { pk: 'PORTDAY#CNTXG', sk: `DAY#${stored.eta.slice(0, 10)}` },
      UpdateExpression: 'SET #call = :numbers, v = if_not_exists(v, :zero) + :one',
      ExpressionAttributeNames: { '#call': `c_${callId}` },
      ReturnValues: 'ALL_NEW',
    });
    // A plain SET of the call's own attribute: a retry writes the same value, and races cannot double-count.
    expect(day!.ConditionExpression).toBeUndefined();
    // The day's tally, from that answer, never over a later write's.
    const tally = ddb.commandCalls(PutCommand).find((c) => c.args[0].input.Item?.sk?.startsWith('TALLY#'));
    expect(tally?.args[0].input).toMatchObject({
      Item: { pk: 'PORTDAY#CNTXG', sk: `TALLY#${stored.eta.slice(0, 10)}` },
      ConditionExpression: 'attribute_not_exists(v) OR v < :v',
    });
    expect(JSON.parse(day!.ExpressionAttributeValues![':numbers'])).toEqual([
      'ACME-SHIPPING',
      'CANCELLED',
      stored.eta,
      null,
      null,
      null,
      0,
      [],
      0,
      0,
    ]);
  });

  it('answers 409 when someone changed the call in between', async () => {
    ddb.on(GetCommand).resolves({ Item: stored });
    ddb.on(PutCommand).resolves({});
    // The call's own write finds another version than the one read.
    ddb
      .on(PutCommand, { Item: { sk: 'CALL' } })
      .rejects(new ConditionalCheckFailedException({ message: 'no', $metadata: {} }));
    const res = await cancel();
    expect(res.statusCode).toBe(409);
    expect(JSON.parse(res.body).error.code).toBe('CONFLICT');
  });
});

describe('GET /v1/calls handler', () => {
  it("queries the officer's port index, and the agent's own index", async () => {
    ddb.on(QueryCommand).resolves({ Items: [] });
    await listCalls(httpEvent({ claims: officerClaims('CNSHA'), query: { status: 'ARRIVAL_REVIEW' } }), context);
    await listCalls(httpEvent({ claims: agentClaims('ACME-SHIPPING') }), context);
    const [officer, agent] = ddb.commandCalls(QueryCommand).map((c) => c.args[0].input);
    expect(officer).toMatchObject({
      IndexName: 'byStatus',
      ExpressionAttributeValues: { ':pk': 'PORT#CNSHA#CALL#ARRIVAL_REVIEW' },
    });
    expect(agent).toMatchObject({ IndexName: 'byOwner', ExpressionAttributeValues: { ':pk': 'AGENT#ACME-SHIPPING' } });
  });
});
