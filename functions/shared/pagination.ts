// Opaque page tokens over DynamoDB's LastEvaluatedKey, signed (HMAC-SHA256 with the deployment's
// page-token secret) and bound to the partition they came from: a token this system did not
// issue for this listing is a 400, never a key handed to DynamoDB.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { ValidationError } from './errors.ts';
import { deploymentSecret } from './secrets.ts';

type Key = Record<string, unknown>;

const signature = async (payload: string) =>
  createHmac('sha256', await deploymentSecret('PAGE_TOKEN_SECRET'))
    .update(`three-zeros/page/${payload}`)
    .digest();

export async function encodeToken(key: Key | undefined): Promise<string | undefined> {
  if (!key) return undefined;
  const payload = Buffer.from(JSON.stringify(key)).toString('base64url');
  return `${payload}.${(await signature(payload)).toString('base64url')}`;
}

export async function decodeToken(
  token: string | undefined,
  partitionAttr: string,
  partition: string,
): Promise<Key | undefined> {
  if (token === undefined) return undefined;
  const key = await verified(token);
  if (
    !key ||
    typeof key !== 'object' ||
    Array.isArray(key) ||
    (key as Key)[partitionAttr] !== partition ||
    !Object.values(key as Key).every((v) => typeof v === 'string')
  ) {
    throw new ValidationError('The request is not valid', [
      { path: 'query.nextToken', message: 'is not a token from this listing' },
    ]);
  }
  return key as Key;
}

async function verified(token: string): Promise<unknown> {
  const [payload, mac, ...rest] = token.split('.');
  if (!payload || !mac || rest.length) return undefined;
  // Compared as text: base64 decoding is lenient, and two spellings of one MAC must not both pass.
  const given = Buffer.from(mac);
  const expected = Buffer.from((await signature(payload)).toString('base64url'));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}
