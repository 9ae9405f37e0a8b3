// What API Gateway answers before any function runs, answered the same way by the local gateway:
// the JWT authoriser's 401, and (through the same $default function as on AWS) the 404 of a
// request no route matches; a body past the API's limit gets the handlers' 413.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestSystem, startTestSystem } from '../support/runtime.ts';

let sys: TestSystem;
beforeAll(async () => {
  sys = await startTestSystem();
});
afterAll(() => sys.stop());

describe('the JWT authoriser', () => {
  it('answers a request without a token with API Gateway’s own 401', async () => {
    const res = await sys.request('GET', '/v1/calls');
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ message: 'Unauthorized' });
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('says in www-authenticate why a token was refused, as API Gateway does', async () => {
    const foreign = await sys.runtime.identity.mint({
      role: 'agent',
      agentId: 'ACME-SHIPPING',
      audience: 'someone-else',
    });
    const res = await sys.request('GET', '/v1/calls', { token: foreign });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ message: 'Unauthorized' });
    expect(res.headers.get('www-authenticate')).toBe(
      'Bearer scope="" error="invalid_token" error_description="the token does not have a valid audience"',
    );
    const forged = await sys.request('GET', '/v1/calls', { token: 'eyJhbGciOiJub25lIn0.e30.' });
    expect(forged.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });
});

describe('a request no route matches', () => {
  it.each([
    ['GET', '/v1/nowhere'],
    ['DELETE', '/v1/calls'],
  ])('%s %s gets the 404 envelope of the $default function', async (method, path) => {
    const res = await sys.request(method, path);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'NOT_FOUND', message: `No route for ${method} ${path}`, details: [] } });
  });
});

describe('a body past the API’s limit but within Lambda’s', () => {
  it('reaches the function, which refuses it with 413 in the envelope as it would on AWS', async () => {
    const agent = await sys.token({ role: 'agent', agentId: 'ACME-SHIPPING' });
    const res = await sys.request('POST', '/v1/calls', { token: agent, rawBody: `"${'x'.repeat(5_500_000)}"` });
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: 'The body is over 5242880 bytes' });
  });
});
