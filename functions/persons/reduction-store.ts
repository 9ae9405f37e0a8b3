// The store side of declaration reduction: a marker per sailed call by ATD, and declaration items
// replaced in place by their statistics (once: a reduced item is never reduced again).
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '#shared/aws.ts';
import { queryAll } from '#shared/dynamo.ts';
import { keys } from '#shared/keys.ts';

export interface ReductionStore {
  markSailed(callId: string, atd: string): Promise<void>;
  sailedBefore(cutoff: string): Promise<{ callId: string; atd: string }[]>;
  /** The declaration as stored, or undefined once reduced (or never stored). */
  fullDeclaration(callId: string, kind: 'arrival' | 'departure', version: number): Promise<unknown>;
  reduce(
    callId: string,
    kind: 'arrival' | 'departure',
    version: number,
    statistics: unknown,
    emptied: unknown,
    at: string,
  ): Promise<void>;
  forgetSailed(callId: string, atd: string): Promise<void>;
}

export const dynamoReductionStore: ReductionStore = {
  async markSailed(callId, atd) {
    await documentClient().send(
      new PutCommand({ TableName: tableName(), Item: { ...keys.sailed(atd, callId), callId, atd } }),
    );
  },

  async sailedBefore(cutoff) {
    const items = await queryAll({
      KeyConditionExpression: 'pk = :pk AND sk < :cutoff',
      ExpressionAttributeValues: { ':pk': keys.sailedPartition, ':cutoff': cutoff },
    });
    return items.map((i) => ({ callId: i.callId as string, atd: i.atd as string }));
  },

  async fullDeclaration(callId, kind, version) {
    const out = await documentClient().send(
      new GetCommand({ TableName: tableName(), Key: keys.declaration(callId, kind, version), ConsistentRead: true }),
    );
    return out.Item && !out.Item.reducedAt ? out.Item.declaration : undefined;
  },

  async reduce(callId, kind, version, statistics, emptied, at) {
    try {
      await documentClient().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: keys.declaration(callId, kind, version),
          UpdateExpression: 'SET #d = :emptied, statistics = :statistics, reducedAt = :at',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(reducedAt)',
          ExpressionAttributeNames: { '#d': 'declaration' },
          ExpressionAttributeValues: { ':emptied': emptied, ':statistics': statistics, ':at': at },
        }),
      );
    } catch (error) {
      // Reduced already (a run repeated after a crash): nothing left to do.
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  },

  async forgetSailed(callId, atd) {
    await documentClient().send(new DeleteCommand({ TableName: tableName(), Key: keys.sailed(atd, callId) }));
  },
};
