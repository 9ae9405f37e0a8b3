// Page tokens: what this system hands out comes back as the same start key; anything else, however
// it is crafted, is a 400 naming query.nextToken, never a key passed to DynamoDB or a 500.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '#shared/errors.ts';
import { decodeToken, encodeToken } from '#shared/pagination.ts';

beforeAll(() => {
  process.env.PAGE_TOKEN_SECRET = 'unit-test-page-token-secret-0123456789abcdef';
});

const key = fc.record({ pk: fc.string(), sk: fc.string(), gsi1pk: fc.constant('PORT#CNTXG'), gsi1sk: fc.string() });

async function refusal(token: string): Promise<unknown> {
  try {
    await decodeToken(token, 'gsi1pk', 'PORT#CNTXG');
    return undefined;
  } catch (error) {
    return error;
  }
}

describe('page tokens', () => {
  it('give back the start key they were made from', async () => {
    await fc.assert(
      fc.asyncProperty(key, async (k) => {
        expect(await decodeToken(await encodeToken(k), 'gsi1pk', 'PORT#CNTXG')).toEqual(k);
      }),
      { numRuns: 1_000 },
    );
  });

  it('refuse every other string with a 400 on query.nextToken', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          key.map((k) => Buffer.from(JSON.stringify(k)).toString('base64url')),
          key.map((k) => `${Buffer.from(JSON.stringify(k)).toString('base64url')}.${'A'.repeat(43)}`),
        ),
        async (token) => {
          const error = await refusal(token);
          expect(error).toBeInstanceOf(ValidationError);
          expect((error as ValidationError).details).toEqual([
            { path: 'query.nextToken', message: 'is not a token from this listing' },
          ]);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('refuse a token of this system once any character of it is changed', async () => {
    const token = (await encodeToken({ pk: 'CALL#C1', sk: 'CALL', gsi1pk: 'PORT#CNTXG', gsi1sk: 'CALL#2026' }))!;
    await fc.assert(
      fc.asyncProperty(fc.nat(token.length - 1), fc.constantFrom(...'ABCxyz019-_.'), async (at, c) => {
        fc.pre(token[at] !== c);
        const changed = `${token.slice(0, at)}${c}${token.slice(at + 1)}`;
        expect(await refusal(changed)).toBeInstanceOf(ValidationError);
      }),
      { numRuns: 1_000 },
    );
  });
});
