// Permit codes: the permit itself lives on its call; a code item lets a third party verify a code
// without knowing the call. Written after the call's commit (and again on a retry), so a code that
// resolves always belongs to a permit that was committed.
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '#shared/aws.ts';
import { keys } from '#shared/keys.ts';
import type { Permit } from './schema.ts';

/** What a code item remembers of the permit it was printed on. */
export type PermitCode = Pick<Permit, 'callId' | 'kind' | 'version' | 'issuedAt'>;

export interface PermitCodeStore {
  register(code: string, permit: PermitCode): Promise<void>;
  byCode(code: string): Promise<PermitCode | undefined>;
}

export const dynamoPermitCodes: PermitCodeStore = {
  async register(code, { callId, kind, version, issuedAt }) {
    await documentClient().send(
      new PutCommand({ TableName: tableName(), Item: { ...keys.permitCode(code), callId, kind, version, issuedAt } }),
    );
  },

  async byCode(code) {
    const out = await documentClient().send(new GetCommand({ TableName: tableName(), Key: keys.permitCode(code) }));
    if (!out.Item) return undefined;
    const { callId, kind, version, issuedAt } = out.Item as PermitCode;
    return { callId, kind, version, issuedAt };
  },
};
