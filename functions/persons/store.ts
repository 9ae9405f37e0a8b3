// Persons' border decisions in the single table, on the call's partition: landing decisions (one
// item per subject, the newest decision replacing the one before), visitors' boarding permits and
// officers' decisions to let the ship sail without a person.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '#shared/aws.ts';
import { queryAll, withoutKeys } from '#shared/dynamo.ts';
import { keys } from '#shared/keys.ts';
import type { LandingDecision, Visitor } from './schema.ts';

export interface SailWithout {
  ref: string;
  reason: string;
  decidedBy: string;
  decidedAt: string;
}

export interface PersonsStore {
  saveLanding(callId: string, decisions: readonly LandingDecision[]): Promise<void>;
  landingDecisions(callId: string): Promise<LandingDecision[]>;
  /** Stores a new visitor request unless its id is taken (false then). */
  createVisitor(visitor: Visitor): Promise<boolean>;
  /** Replaces the visitor if it is still as `expected` says (its status); false when it was not. */
  updateVisitor(visitor: Visitor, expectedStatus: Visitor['status']): Promise<boolean>;
  visitor(callId: string, visitorId: string): Promise<Visitor | undefined>;
  visitors(callId: string): Promise<Visitor[]>;
  saveSailWithout(callId: string, decisions: readonly SailWithout[]): Promise<void>;
  sailWithout(callId: string): Promise<SailWithout[]>;
}

const isConditionFailure = (e: unknown) => e instanceof ConditionalCheckFailedException;

async function onCall<T>(callId: string, prefix: string): Promise<T[]> {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.callPartition(callId), ':prefix': prefix },
    ConsistentRead: true,
  });
  return items.map((i) => withoutKeys<T>(i));
}

export const dynamoPersonsStore: PersonsStore = {
  async saveLanding(callId, decisions) {
    // Each subject's item is replaced whole: a decision repeated by a retry writes the same item.
    await Promise.all(
      decisions.map((d) =>
        documentClient().send(
          new PutCommand({ TableName: tableName(), Item: { ...keys.landing(callId, d.subject), ...d } }),
        ),
      ),
    );
  },

  landingDecisions: (callId) => onCall<LandingDecision>(callId, keys.landingPrefix),

  async createVisitor(visitor) {
    try {
      await documentClient().send(
        new PutCommand({
          TableName: tableName(),
          Item: { ...keys.visitor(visitor.callId, visitor.visitorId), ...visitor },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },

  async updateVisitor(visitor, expectedStatus) {
    try {
      await documentClient().send(
        new PutCommand({
          TableName: tableName(),
          Item: { ...keys.visitor(visitor.callId, visitor.visitorId), ...visitor },
          // Two officers deciding at once: the first decision stands, the second is told.
          ConditionExpression: '#status = :expected',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':expected': expectedStatus },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },

  async visitor(callId, visitorId) {
    const out = await documentClient().send(
      new GetCommand({ TableName: tableName(), Key: keys.visitor(callId, visitorId), ConsistentRead: true }),
    );
    return out.Item ? withoutKeys<Visitor>(out.Item) : undefined;
  },

  visitors: (callId) => onCall<Visitor>(callId, keys.visitorPrefix),

  async saveSailWithout(callId, decisions) {
    await Promise.all(
      decisions.map((d) =>
        documentClient().send(
          new PutCommand({ TableName: tableName(), Item: { ...keys.sailWithout(callId, d.ref), ...d } }),
        ),
      ),
    );
  },

  sailWithout: (callId) => onCall<SailWithout>(callId, keys.sailWithoutPrefix),
};
