// The declaration store against a mocked DynamoDB: small declarations stay one plain item, large
// ones are gzipped and split into parts that only the committed version item points to.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArrivalDeclaration } from '#arrival/schema.ts';
import { SCREENING_BATCH, screeningBatchSize } from '#clearance/screening-batches.ts';
import { PART_BYTES } from '#clearance/declaration-items.ts';
import { dynamoDeclarationStore } from '#clearance/store.ts';
import { passengersOf } from '#local/passenger-lists.ts';
import { ConflictError } from '#shared/errors.ts';
import { declaration } from '../support/fixtures.ts';

const ddb = mockClient(DynamoDBDocumentClient);
afterEach(() => ddb.reset());

const store = dynamoDeclarationStore<ArrivalDeclaration>('arrival');
const stored = (d: ArrivalDeclaration) => ({
  callId: 'C1',
  version: 2,
  submittedAt: '2026-12-01T00:00:00.000Z',
  submittedBy: 'ACME',
  declaration: d,
});
/** A cruise ship's list; with places of birth that compress badly, so gzip alone is not enough. */
const cruise = (passengers: number) =>
  declaration('2026-12-10T00:00:00Z', (d) => {
    d.passengers = passengersOf(passengers).map((p) => ({ ...p, placeOfBirth: noise(60) }));
  });
const noise = (length: number) =>
  Array.from({ length }, () => 'abcdefghijklmnopqrstuvwxyz'[Math.floor(Math.random() * 26)]).join('');
const itemSize = (item: Record<string, unknown>) =>
  Object.values(item).reduce<number>(
    (n, v) => n + (v instanceof Uint8Array ? v.length : JSON.stringify(v ?? null).length),
    0,
  );

describe('declaration store', () => {
  it('keeps a small declaration one plain item, written only if no committed write is there', async () => {
    ddb.on(PutCommand).resolves({});
    const d = declaration('2026-12-10T00:00:00Z');
    await store.put(stored(d), 5);
    const puts = ddb.commandCalls(PutCommand);
    expect(puts).toHaveLength(1);
    expect(puts[0]!.args[0].input).toMatchObject({
      Item: { pk: 'CALL#C1', sk: 'ARRIVAL#000002', declaration: d, basedOnCallVersion: 5 },
      ConditionExpression: 'attribute_not_exists(pk) OR basedOnCallVersion < :based',
      ExpressionAttributeValues: { ':based': 5 },
    });
  });

  it('gzips a declaration too large to stay plain (2,800 passengers) into its one item', async () => {
    ddb.on(PutCommand).resolves({});
    await store.put(stored(declaration('2026-12-10T00:00:00Z', (d) => void (d.passengers = passengersOf(2_800)))), 5);
    const puts = ddb.commandCalls(PutCommand);
    expect(puts).toHaveLength(1);
    expect(puts[0]!.args[0].input.Item).not.toHaveProperty('declaration');
    expect(puts[0]!.args[0].input.Item!.declarationGzip).toBeInstanceOf(Uint8Array);
    expect(itemSize(puts[0]!.args[0].input.Item!)).toBeLessThan(400 * 1024);
  });

  it('writes a 10,000-passenger declaration as parts under 400 KB each, before the item that commits them', async () => {
    ddb.on(PutCommand).resolves({});
    await store.put(stored(cruise(10_000)), 5);
    const items = ddb.commandCalls(PutCommand).map((c) => c.args[0].input);
    const head = items.at(-1)!;
    const parts = items.slice(0, -1);
    expect(head.ConditionExpression).toBe('attribute_not_exists(pk) OR basedOnCallVersion < :based');
    expect(head.Item).not.toHaveProperty('declaration');
    expect(head.Item!.declarationParts).toEqual({ writeId: expect.any(String), count: parts.length });
    expect(parts.length).toBeGreaterThan(0);
    for (const part of parts) {
      expect(part.ConditionExpression).toBeUndefined();
      expect(part.Item!.sk).toMatch(new RegExp(`^ARRIVAL#000002#PART#${head.Item!.declarationParts.writeId}#\\d{3}$`));
      expect(itemSize(part.Item!)).toBeLessThanOrEqual(PART_BYTES + 200);
    }
  });

  it('reads a split declaration back whole', async () => {
    // Prepare: capture what put writes, and answer reads from it
    const written = new Map<string, Record<string, unknown>>();
    ddb.on(PutCommand).callsFake((input) => void written.set(input.Item.sk, input.Item));
    const d = cruise(10_000);
    await store.put(stored(d), 5);
    ddb.on(GetCommand).callsFake((input) => ({ Item: written.get(input.Key.sk) }));
    ddb.on(QueryCommand).callsFake((input) => ({
      Items: [...written.values()]
        .filter((i) => String(i.sk).startsWith(input.ExpressionAttributeValues[':prefix']))
        .sort((a, b) => String(a.sk).localeCompare(String(b.sk))),
    }));
    // Act
    const back = await store.get('C1', 2);
    // Assess
    expect(back).toEqual(stored(d));
    expect(ddb.commandCalls(QueryCommand)[0]!.args[0].input.ConsistentRead).toBe(true);
  });

  it('refuses to answer a split declaration with a part missing', async () => {
    const written = new Map<string, Record<string, unknown>>();
    ddb.on(PutCommand).callsFake((input) => void written.set(input.Item.sk, input.Item));
    await store.put(stored(cruise(10_000)), 5);
    ddb.on(GetCommand).callsFake((input) => ({ Item: written.get(input.Key.sk) }));
    ddb.on(QueryCommand).resolves({ Items: [] });
    await expect(store.get('C1', 2)).rejects.toThrow(/parts/);
  });

  it('clears its own parts and answers 409 when another submission committed the version first', async () => {
    ddb.on(PutCommand).callsFake((input) => {
      if (input.ConditionExpression) throw new ConditionalCheckFailedException({ message: 'taken', $metadata: {} });
      return {};
    });
    ddb.on(DeleteCommand).resolves({});
    await expect(store.put(stored(cruise(10_000)), 5)).rejects.toBeInstanceOf(ConflictError);
    const partKeys = ddb
      .commandCalls(PutCommand)
      .filter((c) => !c.args[0].input.ConditionExpression)
      .map((c) => ({ pk: c.args[0].input.Item!.pk, sk: c.args[0].input.Item!.sk }));
    expect(ddb.commandCalls(DeleteCommand).map((c) => c.args[0].input.Key)).toEqual(partKeys);
  });
});

describe('a long list, screened', () => {
  it.each([
    [3, 1],
    [400, 40],
    [2_003, 40],
    [10_003, 40],
  ])('%i persons are screened in %i Map iterations at most', (persons, batches) => {
    const size = screeningBatchSize(persons);
    expect(size).toBeGreaterThanOrEqual(SCREENING_BATCH);
    expect(Math.ceil(persons / size)).toBeLessThanOrEqual(batches);
  });
});
