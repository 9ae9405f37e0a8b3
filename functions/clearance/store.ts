// Declarations, one immutable item per version under the call, for arrival and departure alike.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '#shared/aws.ts';
import { ConflictError } from '#shared/errors.ts';
import { keys } from '#shared/keys.ts';
import { withoutKeys } from '#shared/dynamo.ts';
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
}

export function dynamoDeclarationStore<D>(kind: ClearanceKind): DeclarationStore<D> {
  return {
    async put(stored, basedOnCallVersion) {
      try {
        await documentClient().send(
          new PutCommand({
            TableName: tableName(),
            Item: { ...keys.declaration(stored.callId, kind, stored.version), ...stored, basedOnCallVersion },
            ConditionExpression: 'attribute_not_exists(pk) OR basedOnCallVersion < :based',
            ExpressionAttributeValues: { ':based': basedOnCallVersion },
          }),
        );
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) {
          throw new ConflictError('Another declaration for this call is being submitted; read the call and retry');
        }
        throw error;
      }
    },

    async get(callId, version) {
      const out = await documentClient().send(
        new GetCommand({
          TableName: tableName(),
          Key: keys.declaration(callId, kind, version),
          ConsistentRead: true,
        }),
      );
      return out.Item ? withoutKeys<Stored<D>>(out.Item) : undefined;
    },
  };
}
