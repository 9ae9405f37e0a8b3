// The embedded store remembers the expressions it has parsed (local/store-expressions.ts): the
// conditions and updates the handlers send again and again must decide exactly as the first time.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStore, startStore } from '#local/store.ts';

const credentials = { accessKeyId: 'expressions-test', secretAccessKey: 'expressions-test' };
const TABLE = 'expressions-test';
let store: LocalStore;
let doc: DynamoDBDocumentClient;

beforeAll(async () => {
  store = await startStore({ tableName: TABLE, credentials, sweepEveryMs: 0 });
  doc = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: store.endpoint,
      region: 'local',
      credentials,
      ...(store.requestHandler && { requestHandler: store.requestHandler }),
    }),
  );
});
afterAll(() => store.close());

/** A write's outcome by its error's name: what a handler branches on. */
const outcome = (write: Promise<unknown>) =>
  write.then(
    () => 'written',
    (error: Error) => error.name,
  );

describe('conditions and updates sent again and again', () => {
  it('claims each key once, however often the same condition is sent, also at the same moment', async () => {
    // Prepare
    const claim = (pk: string) =>
      outcome(
        doc.send(
          new PutCommand({
            TableName: TABLE,
            Item: { pk, sk: 'CLAIM' },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        ),
      );
    const keys = Array.from({ length: 20 }, (_, i) => `EVENT#${i}`);

    // Act: every key claimed twice at once, then once more.
    const first = await Promise.all(keys.flatMap((pk) => [claim(pk), claim(pk)]));
    const again = await Promise.all(keys.map(claim));

    // Assess
    for (let i = 0; i < keys.length; i++) {
      expect([first[2 * i], first[2 * i + 1]].sort()).toEqual(['ConditionalCheckFailedException', 'written']);
    }
    expect(again.every((o) => o === 'ConditionalCheckFailedException')).toBe(true);
  });

  it('moves a record only to a newer capture, each request compared with its own time', async () => {
    // Prepare
    const move = (at: string) =>
      outcome(
        doc.send(
          new PutCommand({
            TableName: TABLE,
            Item: { pk: 'PRESENCE#1', sk: 'P', at },
            ConditionExpression: 'attribute_not_exists(#at) OR #at < :at',
            ExpressionAttributeNames: { '#at': 'at' },
            ExpressionAttributeValues: { ':at': at },
          }),
        ),
      );

    // Act
    const outcomes = [];
    for (const at of ['2026-12-03T10:00:00Z', '2026-12-03T09:00:00Z', '2026-12-03T11:00:00Z', '2026-12-03T10:30:00Z'])
      outcomes.push(await move(at));
    const stored = await doc.send(new GetCommand({ TableName: TABLE, Key: { pk: 'PRESENCE#1', sk: 'P' } }));

    // Assess
    expect(outcomes).toEqual([
      'written',
      'ConditionalCheckFailedException',
      'written',
      'ConditionalCheckFailedException',
    ]);
    expect(stored.Item?.at).toBe('2026-12-03T11:00:00Z');
  });

  it('writes each update with its own values and still refuses a value it does not use', async () => {
    // Prepare
    const update = (values: Record<string, unknown>) =>
      doc.send(
        new UpdateCommand({
          TableName: TABLE,
          Key: { pk: 'CALL#1', sk: 'CALL' },
          UpdateExpression: 'SET #status = :status ADD visits :one',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      );

    // Act
    await update({ ':status': 'ARRIVED', ':one': 1 });
    const second = await update({ ':status': 'DEPARTED', ':one': 2 });
    const refused = await update({ ':status': 'DEPARTED', ':one': 1, ':unused': 'x' }).catch((e: Error) => e);

    // Assess
    expect(second.Attributes).toMatchObject({ status: 'DEPARTED', visits: 3 });
    expect(refused).toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining('unused in expressions: keys: {:unused}'),
    });
  });
});
