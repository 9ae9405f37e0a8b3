// Reviews in the single table. An open review sits on the port's byStatus index (oldest first);
// closing it takes it off. The task token is stored but never leaves the store through the API.
import { keys } from '#shared/keys.ts';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '#shared/aws.ts';
import { decodeToken, encodeToken } from '#shared/pagination.ts';
import { withoutKeys } from '#shared/dynamo.ts';
import type { Review } from './schema.ts';

export interface StoredReview extends Review {
  taskToken: string;
}

const key = keys.review;
const openIndex = keys.openReviews;

export interface ReviewStore {
  /** Opens the review, or hands an open one a fresh task token; otherwise answers the closed one. */
  open(review: StoredReview): Promise<{ opened: true } | { opened: false; closed: StoredReview }>;
  get(reviewId: string): Promise<StoredReview | undefined>;
  listOpen(port: string, limit: number, nextToken?: string): Promise<{ items: StoredReview[]; nextToken?: string }>;
  /** Every review of a call, open or closed. */
  ofCall(callId: string): Promise<StoredReview[]>;
  /**
   * Closes an open review and answers it as closed, with the task token it held at that moment (a
   * resumed clearance may have handed it a fresh one since it was read); undefined if it was not
   * open any more.
   */
  close(
    reviewId: string,
    change: Partial<
      Pick<Review, 'decision' | 'decisionReason' | 'conditions' | 'persons' | 'decidedBy' | 'decidedRole' | 'decidedAt'>
    > & {
      status: 'DECIDED' | 'SUPERSEDED';
    },
  ): Promise<StoredReview | undefined>;
}

const isConditionFailure = (e: unknown) => e instanceof ConditionalCheckFailedException;

export const dynamoReviewStore: ReviewStore = {
  async open(review) {
    try {
      await documentClient().send(
        new PutCommand({
          TableName: tableName(),
          Item: {
            ...key(review.reviewId),
            ...keys.openReview(review.port, review.openedAt, review.reviewId),
            ...keys.reviewOfCall(review.callId, review.openedAt, review.reviewId),
            ...review,
          },
          ConditionExpression: 'attribute_not_exists(pk) OR #status = :open',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':open': 'OPEN' },
        }),
      );
      return { opened: true };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      return { opened: false, closed: (await this.get(review.reviewId))! };
    }
  },

  async get(reviewId) {
    const out = await documentClient().send(
      new GetCommand({ TableName: tableName(), Key: key(reviewId), ConsistentRead: true }),
    );
    return out.Item ? strip(out.Item) : undefined;
  },

  async listOpen(port, limit, nextToken) {
    const out = await documentClient().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'byStatus',
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': openIndex(port) },
        Limit: limit,
        ExclusiveStartKey: await decodeToken(nextToken, 'gsi2pk', openIndex(port)),
      }),
    );
    return { items: (out.Items ?? []).map(strip), nextToken: await encodeToken(out.LastEvaluatedKey) };
  },

  async ofCall(callId) {
    const out = await documentClient().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'byOwner',
        KeyConditionExpression: 'gsi3pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.reviewsOfCall(callId) },
      }),
    );
    return (out.Items ?? []).map(strip);
  },

  async close(reviewId, change) {
    const fields = Object.entries(change).filter(([, v]) => v !== undefined);
    try {
      const out = await documentClient().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: key(reviewId),
          UpdateExpression: `SET ${fields.map(([k]) => `#${k} = :${k}`).join(', ')} REMOVE gsi2pk, gsi2sk`,
          ReturnValues: 'ALL_NEW',
          ConditionExpression: '#status = :open',
          ExpressionAttributeNames: Object.fromEntries(fields.map(([k]) => [`#${k}`, k])),
          ExpressionAttributeValues: { ...Object.fromEntries(fields.map(([k, v]) => [`:${k}`, v])), ':open': 'OPEN' },
        }),
      );
      return strip(out.Attributes!);
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  },
};

const strip = (item: Record<string, unknown>) => withoutKeys<StoredReview>(item);

export function publicReview(review: StoredReview): Review {
  const { taskToken: _token, ...rest } = review;
  return rest;
}
