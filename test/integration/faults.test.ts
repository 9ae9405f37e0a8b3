// Faults on the way. Store errors: the client hears 503 with Retry-After, nothing half-written
// counts, and the retry succeeds once, not twice. A workflow task that keeps failing: the clearance
// lands in FAILED, visible on the call, and an officer re-drives it once the cause is fixed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InternalServerError, ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoClient } from '#shared/aws.ts';
import { announcement, declaration } from '../support/fixtures.ts';
import { type TestSystem, startTestSystem } from '../support/runtime.ts';

let sys: TestSystem;
/** How many writes of a call item to refuse, and how. */
let failCallWrites = 0;
let fault: () => Error = () => new Error('no fault set');

const FAULTS: [string, () => Error][] = [
  [
    'throttling',
    () =>
      new ProvisionedThroughputExceededException({
        message: 'Throughput exceeds the current capacity',
        $metadata: { httpStatusCode: 400 },
      }),
  ],
  ['a 5xx', () => new InternalServerError({ message: 'Internal server error', $metadata: { httpStatusCode: 500 } })],
  ['a timeout', () => Object.assign(new Error('Connection timed out after 1000 ms'), { name: 'TimeoutError' })],
];

beforeAll(async () => {
  sys = await startTestSystem();
  dynamoClient().middlewareStack.add(
    (next, context) => async (args) => {
      const sk = (args.input as { Item?: { sk?: unknown } }).Item?.sk;
      const isCall = sk === 'CALL' || (sk as { S?: string } | undefined)?.S === 'CALL';
      if (context.commandName === 'PutItemCommand' && isCall && failCallWrites > 0) {
        failCallWrites -= 1;
        throw fault();
      }
      return next(args);
    },
    { step: 'initialize', name: 'faultInjection' },
  );
});
afterAll(() => sys.stop());

describe.each(FAULTS)('a store failing with %s', (_name, make) => {
  it('answers 503 with Retry-After, leaves no call behind, and the retry creates exactly one', async () => {
    const agent = await sys.token({ role: 'agent', agentId: `FAULTY-${_name.replace(/\W/g, '').toUpperCase()}` });
    const body = announcement();
    const headers = { 'idempotency-key': `fault-${body.voyage}` };
    fault = make;
    failCallWrites = 1;
    const first = await sys.request('POST', '/v1/calls', { token: agent, body, headers });
    expect(first.status).toBe(503);
    expect(first.headers.get('retry-after')).toBe('1');
    expect(JSON.stringify(first.body)).not.toMatch(/Throughput|capacity|Internal server|timed out/);
    expect((await sys.request('GET', '/v1/calls', { token: agent })).body.items).toEqual([]);

    // The voyage was reserved before the failure: the retry takes the reservation over.
    const retry = await sys.request('POST', '/v1/calls', { token: agent, body, headers });
    expect(retry.status).toBe(201);
    const again = await sys.request('POST', '/v1/calls', { token: agent, body, headers });
    expect(again.body.callId).toBe(retry.body.callId);
    const listed = (await sys.request('GET', '/v1/calls', { token: agent })).body.items;
    expect(listed.map((c: { callId: string }) => c.callId)).toEqual([retry.body.callId]);
  });
});

describe('a clearance whose task keeps failing', () => {
  // Customs' own system, down until it is mended.
  let customsUp = false;
  let asked = 0;
  let customs: Server;
  const previousChecks = process.env.AGENCY_CHECKS;
  beforeAll(async () => {
    customs = createServer((_req, res) => {
      asked += 1;
      res.writeHead(customsUp ? 200 : 503, { 'content-type': 'application/json' });
      res.end(customsUp ? JSON.stringify({ clear: true }) : '{"message":"maintenance"}');
    });
    await new Promise<void>((ok) => customs.listen(0, '127.0.0.1', ok));
    const url = `http://127.0.0.1:${(customs.address() as AddressInfo).port}/check`;
    process.env.AGENCY_CHECKS = JSON.stringify({ CNTXG: { customs: url } });
  });
  afterAll(() => {
    process.env.AGENCY_CHECKS = previousChecks;
    customs.close();
  });

  const callOf = async (callId: string, token: string) =>
    (await sys.request('GET', `/v1/calls/${callId}`, { token })).body;
  async function until(callId: string, token: string, test: (call: any) => boolean) {
    for (let i = 0; i < 400; i++) {
      const call = await callOf(callId, token);
      if (test(call)) return call;
      await new Promise((r) => setTimeout(r, 15));
    }
    throw new Error(`never reached: ${JSON.stringify((await callOf(callId, token)).departure)}`);
  }

  it('lands in FAILED on the call, and an officer re-drives it to a permit once the agency is back', async () => {
    const agent = await sys.token({ role: 'agent', agentId: 'ACME-SHIPPING' });
    const officer = await sys.token({ role: 'officer', port: 'CNTXG' });
    const otherPort = await sys.token({ role: 'officer', port: 'CNSHA' });
    const a = announcement();
    const callId = (await sys.request('POST', '/v1/calls', { token: agent, body: a })).body.callId as string;
    await sys.request('PUT', `/v1/calls/${callId}/arrival`, { token: agent, body: declaration(a.eta) });
    await until(callId, agent, (c) => c.status === 'ARRIVAL_CLEARED');
    await sys.request('POST', `/v1/calls/${callId}/arrived`, { token: agent, body: {} });
    const draft = await sys.request('GET', `/v1/calls/${callId}/departure`, { token: agent });
    expect(
      (await sys.request('PUT', `/v1/calls/${callId}/departure`, { token: agent, body: draft.body.draft })).status,
    ).toBe(202);

    // Retried (the definition's 5 retries, with backoff and jitter on AWS), then recorded: visible
    // on the call with the error, and in its timeline.
    const failed = await until(callId, agent, (c) => c.departure?.state === 'FAILED');
    expect(asked).toBe(6);
    expect(failed.departure.error).toBe('AgencyUnavailable');
    expect(failed.status).toBe('DEPARTURE_SUBMITTED');
    expect(failed.timeline.map((e: { action: string }) => e.action)).toContain('CLEARANCE_FAILED');

    const redrive = (token: string, kind = 'departure') =>
      sys.request('POST', `/v1/calls/${callId}/clearances/${kind}/redrive`, {
        token,
        body: { reason: 'customs system back online' },
      });
    // Not the agent's to do, not another port's; and only what failed is re-driven.
    expect((await redrive(agent)).status).toBe(403);
    expect((await redrive(otherPort)).status).toBe(404);
    const notFailed = await redrive(officer, 'arrival');
    expect(notFailed.status).toBe(409);
    expect(notFailed.body.error.details).toEqual([{ path: 'kind', message: 'the arrival clearance is CLEARED' }]);

    customsUp = true;
    const res = await redrive(officer);
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ callId, kind: 'departure', version: 1, round: 1, state: 'RUNNING' });
    const cleared = await until(callId, officer, (c) => c.status === 'DEPARTURE_CLEARED');
    expect(cleared.departure).toMatchObject({ state: 'CLEARED', version: 1, round: 1 });
    expect(cleared.departure.error).toBeUndefined();
    expect(cleared.timeline.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['CLEARANCE_REDRIVEN']),
    );
    expect((await sys.request('GET', `/v1/calls/${callId}/permits/departure`, { token: agent })).status).toBe(200);
    // Once cleared, a second re-drive is refused: nothing runs twice.
    expect((await redrive(officer)).status).toBe(409);
  });
});
