// Opaque page tokens over DynamoDB's LastEvaluatedKey, bound to the partition they came from so a
// token from one listing cannot be replayed against another.
import { ValidationError } from './errors.ts';

type Key = Record<string, unknown>;

export function encodeToken(key: Key | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;
}

export function decodeToken(token: string | undefined, partitionAttr: string, partition: string): Key | undefined {
  if (token === undefined) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
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
