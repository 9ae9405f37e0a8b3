// Declarations, one immutable item per version under the call, for arrival and departure alike.
// A large version is gzipped and, past one item's room, written in parts (declaration-items.ts).
import { randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '#shared/aws.ts';
import { ConflictError } from '#shared/errors.ts';
import { keys } from '#shared/keys.ts';
import { queryAll, withoutKeys } from '#shared/dynamo.ts';
import { pack, unpack } from './declaration-items.ts';
import { recentDeclarations } from './recent-versions.ts';
import type { ClearanceKind } from './schema.ts';

export interface Stored<D> {
  callId: string;
  version: number;
  submittedAt: string;
  submittedBy: string;
  declaration: D;
}

export interface DeclarationStore<D> {
  /**
   * Writes version N. It may replace an N left behind by a submission that never committed
   * (based on an older call version), never one that another submission just wrote.
   */
  put(stored: Stored<D>, basedOnCallVersion: number): Promise<void>;
  get(callId: string, version: number): Promise<Stored<D> | undefined>;
  /**
   * Version N as this container read it lately (recent-versions.ts): for the steps of a clearance
   * and the gangway's uploads, whose call is in hand. Never for the API's reads, which must see a
   * version once it is reduced to statistics.
   */
  recent(callId: string, version: number): Promise<Stored<D> | undefined>;
}

interface PartsRef {
  writeId: string;
  count: number;
}

export function dynamoDeclarationStore<D>(kind: ClearanceKind): DeclarationStore<D> {
  const putItem = (Item: Record<string, unknown>) =>
    documentClient().send(new PutCommand({ TableName: tableName(), Item }));
  const kept = recentDeclarations<Stored<D>>();
  const store: DeclarationStore<D> = {
    recent: (callId, version) => kept.get(`${callId}#${version}`, () => store.get(callId, version)),

    async put(stored, basedOnCallVersion) {
      const { declaration, ...meta } = stored;
      const packed = pack(declaration);
      let body: Record<string, unknown>;
      let partKeys: Record<string, string>[] = [];
      if (packed.kind === 'inline') body = { declaration };
      else if (packed.kind === 'gzip') body = { declarationGzip: packed.gzip };
      else {
        // Parts first, under this write's own id; the version item below commits them.
        const parts: PartsRef = { writeId: randomUUID(), count: packed.parts.length };
        partKeys = packed.parts.map((_, n) =>
          keys.declarationPart(stored.callId, kind, stored.version, parts.writeId, n),
        );
        await Promise.all(packed.parts.map((data, n) => putItem({ ...partKeys[n], data })));
        body = { declarationParts: parts };
      }
      try {
        await documentClient().send(
          new PutCommand({
            TableName: tableName(),
            Item: { ...keys.declaration(stored.callId, kind, stored.version), ...meta, ...body, basedOnCallVersion },
            ConditionExpression: 'attribute_not_exists(pk) OR basedOnCallVersion < :based',
            ExpressionAttributeValues: { ':based': basedOnCallVersion },
          }),
        );
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) {
          // The parts of a write that lost are never read; clearing them is only tidiness.
          await Promise.allSettled(
            partKeys.map((Key) => documentClient().send(new DeleteCommand({ TableName: tableName(), Key }))),
          );
          throw new ConflictError('Another declaration for this call is being submitted; read the call and retry');
        }
        throw error;
      }
    },

    async get(callId, version) {
      const out = await documentClient().send(
        new GetCommand({ TableName: tableName(), Key: keys.declaration(callId, kind, version), ConsistentRead: true }),
      );
      if (!out.Item) return undefined;
      const { declarationGzip, declarationParts, ...item } = out.Item as Record<string, unknown> & {
        declarationGzip?: Uint8Array;
        declarationParts?: PartsRef;
      };
      const stored = withoutKeys<Stored<D>>(item);
      if (declarationGzip) return { ...stored, declaration: unpack<D>(declarationGzip) };
      if (declarationParts) {
        const { writeId, count } = declarationParts;
        const parts = await queryAll({
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: {
            ':pk': keys.callPartition(callId),
            ':prefix': keys.declarationPartPrefix(kind, version, writeId),
          },
          ConsistentRead: true,
        });
        if (parts.length !== count)
          throw new Error(`Declaration v${version} of ${callId} has ${parts.length} of ${count} parts`);
        return { ...stored, declaration: unpack<D>(parts.map((p) => p.data as Uint8Array)) };
      }
      return stored;
    },
  };
  return store;
}
