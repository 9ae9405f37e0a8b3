// Permits: one per call and kind (a re-cleared amendment replaces it), and a code item per permit
// so a third party can verify a code without knowing the call.
import { randomBytes } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '#shared/aws.ts';
import { keys } from '#shared/table.ts';
import type { Permit, PermitKind } from './schema.ts';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const permitKey = (callId: string, kind: PermitKind) => ({ pk: keys.callPartition(callId), sk: `PERMIT#${kind}` });
const codeKey = (code: string) => ({ pk: `PERMITCODE#${code}`, sk: 'PERMIT' });

/** 80 random bits in Crockford base32, grouped for reading aloud: 7KQ2-M4XD-9PRT-C3VW. */
export function newVerificationCode(): string {
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => CROCKFORD[b % 32]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

export interface PermitStore {
  /** Issues the permit unless one for this or a newer version exists; answers the one that stands. */
  issue(permit: Permit): Promise<Permit>;
  get(callId: string, kind: PermitKind): Promise<Permit | undefined>;
  byCode(code: string): Promise<{ callId: string; kind: PermitKind; version: number } | undefined>;
  /** Suspends the standing permit until a clearance issues it again. */
  suspend(callId: string, kind: PermitKind, why: string): Promise<void>;
}

export const dynamoPermitStore: PermitStore = {
  async issue(permit) {
    let standing = permit;
    try {
      await documentClient().send(
        new PutCommand({
          TableName: tableName(),
          Item: { ...permitKey(permit.callId, permit.kind), ...permit },
          // A newer version, or the same version re-issued after a suspension.
          ConditionExpression:
            'attribute_not_exists(pk) OR version < :v OR (version = :v AND attribute_exists(suspendedAt))',
          ExpressionAttributeValues: { ':v': permit.version },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      standing = (await this.get(permit.callId, permit.kind))!;
    }
    // Written after the permit, and again on a retry, so a standing permit's code always resolves.
    await documentClient().send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          ...codeKey(standing.verificationCode),
          callId: standing.callId,
          kind: standing.kind,
          version: standing.version,
        },
      }),
    );
    return standing;
  },

  async get(callId, kind) {
    const out = await documentClient().send(
      new GetCommand({ TableName: tableName(), Key: permitKey(callId, kind), ConsistentRead: true }),
    );
    if (!out.Item) return undefined;
    const { pk: _pk, sk: _sk, ...permit } = out.Item;
    return permit as Permit;
  },

  async suspend(callId, kind, why) {
    const current = await this.get(callId, kind);
    if (!current || current.suspendedAt) return;
    await documentClient().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...permitKey(callId, kind), ...current, suspendedAt: new Date().toISOString(), suspendedBecause: why },
      }),
    );
  },

  async byCode(code) {
    const out = await documentClient().send(new GetCommand({ TableName: tableName(), Key: codeKey(code) }));
    return out.Item as { callId: string; kind: PermitKind; version: number } | undefined;
  },
};
