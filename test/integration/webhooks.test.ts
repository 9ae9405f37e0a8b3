// Webhooks over HTTP on the embedded runtime: an agent registers a receiver on 127.0.0.1, and its
// calls' events arrive signed per Standard Webhooks, retried, logged and redelivered on request.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announcement, declaration } from '../support/fixtures.ts';
import { type TestSystem, startTestSystem } from '../support/runtime.ts';
import { functionsInvoked } from '#local/grants.ts';
import { deliveryFunction } from '#webhooks/routes.ts';
import { until } from '../support/wait.ts';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver that answers 500 to its first `failures` requests, then 204. */
async function receiver(failures = 0) {
  const got: Received[] = [];
  let seen = 0;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      got.push({ headers: req.headers, body });
      res.writeHead(seen++ < failures ? 500 : 204).end();
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return { url, got, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}

const SHORT_BACKOFF = { WEBHOOK_RETRY_MIN_MS: '40', WEBHOOK_RETRY_MAX_MS: '200' };
let sys: TestSystem;
let agent: string;
let otherAgent: string;
let supervisor: string;
const receivers: Awaited<ReturnType<typeof receiver>>[] = [];

beforeAll(async () => {
  Object.assign(process.env, SHORT_BACKOFF);
  sys = await startTestSystem();
  agent = await sys.token({ role: 'agent', agentId: 'ACME-SHIPPING' });
  otherAgent = await sys.token({ role: 'agent', agentId: 'OTHER-AGENCY' });
  supervisor = await sys.token({ role: 'supervisor', port: 'CNTXG' });
  const load = await sys.request('PUT', '/v1/watchlist', {
    token: supervisor,
    body: {
      entries: [{ kind: 'DOCUMENT', issuingState: 'PHL', number: 'SID9999999', reason: 'document reported stolen' }],
    },
  });
  expect(load.status).toBe(200);
});
afterAll(async () => {
  await sys.stop();
  await Promise.all(receivers.map((r) => r.close()));
  for (const name of Object.keys(SHORT_BACKOFF)) delete process.env[name];
});

async function hookFor(token: string, events: string[], failures = 0) {
  const target = await receiver(failures);
  receivers.push(target);
  const res = await sys.request('POST', '/v1/webhooks', { token, body: { url: target.url, events } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { ...target, webhookId: res.body.webhookId as string, secret: res.body.secret as string };
}

async function declaredCall(token: string, change?: Parameters<typeof declaration>[1]) {
  const body = announcement();
  const call = await sys.request('POST', '/v1/calls', { token, body });
  expect(call.status).toBe(201);
  const callId = call.body.callId as string;
  const put = await sys.request('PUT', `/v1/calls/${callId}/arrival`, { token, body: declaration(body.eta, change) });
  expect(put.status).toBe(202);
  return callId;
}

const verified = (hook: { secret: string }, r: Received) =>
  new Webhook(hook.secret).verify(r.body, r.headers as Record<string, string>) as {
    type: string;
    data: Record<string, unknown>;
  };

const deliveriesOf = (hook: { webhookId: string }, token = agent) =>
  sys.request('GET', `/v1/webhooks/${hook.webhookId}/deliveries`, { token });

describe('registering an endpoint', () => {
  it('shows the signing secret once and never again', async () => {
    const hook = await hookFor(agent, ['ArrivalCleared']);
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const listed = await sys.request('GET', '/v1/webhooks', { token: agent });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((h: { webhookId: string }) => h.webhookId)).toContain(hook.webhookId);
    expect(JSON.stringify(listed.body)).not.toContain(hook.secret);
    expect(JSON.stringify(listed.body)).not.toContain('secret');
    const theirs = await sys.request('GET', '/v1/webhooks', { token: otherAgent });
    expect(theirs.body.items.map((h: { webhookId: string }) => h.webhookId)).not.toContain(hook.webhookId);
  });

  it('refuses http to another host, unknown events and officers, naming each field', async () => {
    const res = await sys.request('POST', '/v1/webhooks', {
      token: agent,
      body: { url: 'http://example.com/hooks', events: ['ArrivalCleared', 'WatchListHit'] },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual(['events[1]']);
    const http = await sys.request('POST', '/v1/webhooks', {
      token: agent,
      body: { url: 'http://example.com/hooks', events: ['ArrivalCleared'] },
    });
    expect(http.status).toBe(400);
    expect(http.body.error.details).toEqual([
      { path: 'url', message: 'must be https (or http on a loopback address)' },
    ]);
    const officer = await sys.token({ role: 'officer', port: 'CNTXG' });
    const byOfficer = await sys.request('POST', '/v1/webhooks', {
      token: officer,
      body: { url: 'https://example.com/hooks', events: ['ArrivalCleared'] },
    });
    expect(byOfficer.status).toBe(403);
  });
});

describe('delivering call events', () => {
  it("sends a signed ArrivalCleared for the agent's own call and nothing of another agent's", async () => {
    const mine = await hookFor(agent, ['ArrivalCleared']);
    const theirs = await hookFor(otherAgent, ['ArrivalCleared']);
    const myCall = await declaredCall(agent);
    const theirCall = await declaredCall(otherAgent);

    await until(
      async () => mine.got.length,
      (n) => n >= 1,
      'my delivery',
    );
    await until(
      async () => theirs.got.length,
      (n) => n >= 1,
      'their delivery',
    );
    const payloads = mine.got.map((r) => verified(mine, r));
    expect(payloads.map((p) => p.data.callId)).toContain(myCall);
    expect(payloads.map((p) => p.data.callId)).not.toContain(theirCall);
    expect(payloads.find((p) => p.data.callId === myCall)).toMatchObject({
      type: 'ArrivalCleared',
      data: { callId: myCall, port: 'CNTXG', kind: 'arrival', version: 1 },
    });
    expect(theirs.got.map((r) => verified(theirs, r).data.callId)).toEqual([theirCall]);
    // Signed with the endpoint's own secret: another endpoint's secret does not verify it.
    expect(() => verified(theirs, mine.got[0]!)).toThrow();
  });

  it('delivers as the delivery function, with its own rights, not inside the one that published', async () => {
    const hook = await hookFor(agent, ['ArrivalCleared']);
    await declaredCall(agent);
    await until(
      async () => hook.got.length,
      (n) => n >= 1,
      'the delivery',
    );
    // Run as the function AWS runs it in (its rights checked by the store and the local
    // endpoints), not inside the invocation that published the event.
    expect(functionsInvoked()).toContain(deliveryFunction.name);
  });

  it('opens a review without its reasons: watch-list findings never reach the agent', async () => {
    const hook = await hookFor(agent, ['ReviewOpened']);
    const callId = await declaredCall(agent, (d) => {
      d.crew[1]!.document.number = 'SID9999999';
    });
    const got = await until(
      async () => hook.got,
      (g) => g.length >= 1,
      'the review notice',
    );
    const payload = verified(hook, got[0]!);
    expect(payload).toEqual({
      type: 'ReviewOpened',
      timestamp: expect.any(String),
      data: { callId, port: 'CNTXG', kind: 'arrival', version: 1 },
    });
    expect(got[0]!.body).not.toMatch(/WATCH|stolen|SID9999999|reason/i);
  });

  it('retries a failing receiver with backoff until it answers, logging every attempt', async () => {
    const hook = await hookFor(agent, ['ArrivalCleared'], 2);
    const callId = await declaredCall(agent);
    const log = await until(
      () => deliveriesOf(hook),
      (res) => res.body.items?.[0]?.status === 'DELIVERED',
      'a delivered entry',
    );
    const [entry] = log.body.items;
    expect(entry).toMatchObject({ eventType: 'ArrivalCleared', callId, status: 'DELIVERED' });
    expect(entry.attempts.map((a: { status: number; ok: boolean }) => [a.status, a.ok])).toEqual([
      [500, false],
      [500, false],
      [204, true],
    ]);
    // One message, three attempts: the same webhook-id each time, each signature valid.
    expect(new Set(hook.got.map((r) => r.headers['webhook-id']))).toEqual(new Set([entry.deliveryId]));
    for (const r of hook.got) expect(verified(hook, r).data.callId).toBe(callId);
    const times = entry.attempts.map((a: { at: string }) => Date.parse(a.at));
    expect(times[1]).toBeGreaterThanOrEqual(times[0]);
    expect(JSON.stringify(log.body)).not.toContain(hook.secret);
  });
});

describe('redelivery', () => {
  /** An endpoint of the agent that has received one ArrivalCleared. */
  async function deliveredOnce() {
    const hook = await hookFor(agent, ['ArrivalCleared']);
    await declaredCall(agent);
    const log = await until(
      () => deliveriesOf(hook),
      (r) => r.body.items?.[0]?.status === 'DELIVERED',
      'delivery',
    );
    return { hook, deliveryId: log.body.items[0].deliveryId as string };
  }

  it('sends a delivery again on the agent’s request, and to no one else', async () => {
    const { hook, deliveryId } = await deliveredOnce();
    const path = `/v1/webhooks/${hook.webhookId}/deliveries/${deliveryId}/redeliver`;

    expect((await deliveriesOf(hook, otherAgent)).status).toBe(404);
    expect((await sys.request('POST', path, { token: otherAgent })).status).toBe(404);
    expect(hook.got).toHaveLength(1);

    const again = await sys.request('POST', path, { token: agent });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(
      again.body.attempts.map((a: { ok: boolean; redelivery?: boolean }) => [a.ok, a.redelivery ?? false]),
    ).toEqual([
      [true, false],
      [true, true],
    ]);
    expect(hook.got).toHaveLength(2);
    expect(hook.got[1]!.headers['webhook-id']).toBe(deliveryId);
    expect(verified(hook, hook.got[1]!).type).toBe('ArrivalCleared');
  });

  it('sends once when two redeliveries of the same delivery arrive at the same moment', async () => {
    const { hook, deliveryId } = await deliveredOnce();
    const path = `/v1/webhooks/${hook.webhookId}/deliveries/${deliveryId}/redeliver`;
    const answers = await Promise.all([
      sys.request('POST', path, { token: agent }),
      sys.request('POST', path, { token: agent }),
    ]);
    // Usually one wins and the other is told it is under way; run one after the other, both send.
    const sent = answers.filter((a) => a.status === 200).length;
    expect(answers.every((a) => a.status === 200 || a.status === 409)).toBe(true);
    expect(sent).toBeGreaterThanOrEqual(1);
    // Never a send that no answer owns, and every send is in the log.
    expect(hook.got).toHaveLength(1 + sent);
    expect((await deliveriesOf(hook)).body.items[0].attempts).toHaveLength(1 + sent);
  });

  it('answers 404 for an unknown delivery and after the endpoint is deleted', async () => {
    const hook = await hookFor(agent, ['DepartureCleared']);
    const unknown = `/v1/webhooks/${hook.webhookId}/deliveries/msg_000000000${'a'.repeat(16)}/redeliver`;
    expect((await sys.request('POST', unknown, { token: agent })).status).toBe(404);
    expect((await sys.request('DELETE', `/v1/webhooks/${hook.webhookId}`, { token: otherAgent })).status).toBe(404);
    expect((await sys.request('DELETE', `/v1/webhooks/${hook.webhookId}`, { token: agent })).status).toBe(200);
    expect((await deliveriesOf(hook)).status).toBe(404);
    const listed = await sys.request('GET', '/v1/webhooks', { token: agent });
    expect(listed.body.items.map((h: { webhookId: string }) => h.webhookId)).not.toContain(hook.webhookId);
  });
});

describe('the contract', () => {
  it('documents every webhook route with its schemas in the OpenAPI document', async () => {
    const { body } = await sys.request('GET', '/openapi.json');
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        '/v1/webhooks',
        '/v1/webhooks/{id}',
        '/v1/webhooks/{id}/deliveries',
        '/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver',
      ]),
    );
    expect(body.paths['/v1/webhooks'].post.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/CreateWebhook',
    });
    expect(body.components.schemas.WebhookEventType.enum).toContain('ReviewOpened');
    expect(Object.keys(body.components.schemas.WebhookDeliveryOutput.properties)).toContain('attempts');
  });
});
