// The answers API Gateway would otherwise give by itself, given by the handlers instead, so the
// same request gets the same error envelope on AWS and in the embedded runtime.
import { afterEach, describe, expect, it } from 'vitest';
import { createCall } from '#calls/api.ts';
import { notFound } from '#functions/platform/not-found.ts';
import { resetConfig } from '#shared/config.ts';
import { agentClaims, context, httpEvent } from '../support/http-event.ts';

type Result = { statusCode: number; body: string };

afterEach(() => {
  process.env.TABLE_NAME = 'three-zeros-test';
  delete process.env.MAX_BODY_BYTES;
  resetConfig();
});

describe('the $default route function', () => {
  it('answers 404 in the envelope, naming the method and path, with no table configured', async () => {
    // Prepare: the $default function on AWS has no table and no rights.
    delete process.env.TABLE_NAME;
    resetConfig();
    // Act
    const res = (await notFound(httpEvent({ method: 'DELETE', path: '/v1/nowhere' }), context)) as Result;
    // Assess
    expect(res.statusCode).toBe(404);
    expect(JSON.parse(res.body)).toEqual({
      error: { code: 'NOT_FOUND', message: 'No route for DELETE /v1/nowhere', details: [] },
    });
  });
});

describe('a body over the limit', () => {
  it('gets 413 in the envelope from the handler chain, before anything parses or stores it', async () => {
    // Prepare
    process.env.MAX_BODY_BYTES = '1024';
    resetConfig();
    // Act
    const res = (await createCall(
      httpEvent({ method: 'POST', path: '/v1/calls', body: { note: 'x'.repeat(2000) }, claims: agentClaims() }),
      context,
    )) as Result;
    // Assess
    expect(res.statusCode).toBe(413);
    expect(JSON.parse(res.body).error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'The body is over 1024 bytes',
    });
  });
});
