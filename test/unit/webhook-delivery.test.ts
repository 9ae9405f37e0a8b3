// Delivery of call events to agents' endpoints, on in-memory fakes with a fake clock: retries by
// the backoff rule, at most the attempts allowed, a day of failures disables the endpoint.
import { describe, expect, it } from 'vitest';
import { fixedClock } from '#shared/clock.ts';
import { type BusEvent, deliveryService } from '#webhooks/delivery.ts';
import type { StoredWebhook } from '#webhooks/schema.ts';
import type { SendResult } from '#webhooks/signer.ts';
import { memoryWebhooks } from '../support/webhook-fakes.ts';

const H = 3_600_000;

function system(answers: (attempt: number) => SendResult = () => ({ ok: true, status: 204 })) {
  // Prepare: one call of ACME, one of another agent; one endpoint of ACME.
  const clock = fixedClock('2026-12-01T08:00:00.000Z');
  const webhooks = memoryWebhooks();
  const sent: { url: string; msgId: string; payload: string }[] = [];
  const calls = { C1: 'ACME-SHIPPING', C2: 'OTHER-AGENCY' } as Record<string, string>;
  const service = deliveryService({
    webhooks,
    clock,
    calls: { get: async (callId: string) => (calls[callId] ? ({ agentId: calls[callId] } as never) : undefined) },
    random: () => 1,
    settings: {
      retry: { minDelayMs: 5_000, maxDelayMs: 10 * H, maxAttempts: 8 },
      disableAfterMs: 24 * H,
      timeoutMs: 1_000,
    },
    send: async (url, _secret, msgId, _at, payload) => {
      sent.push({ url, msgId, payload });
      return answers(sent.length);
    },
  });
  return { clock, webhooks, sent, service };
}

const hook = (over: Partial<StoredWebhook> = {}): StoredWebhook => ({
  webhookId: 'W01JEXAMPLE0000000000000000',
  agentId: 'ACME-SHIPPING',
  url: 'https://acme.example/hooks',
  events: ['ArrivalCleared'],
  status: 'ENABLED',
  createdAt: '2026-11-30T08:00:00.000Z',
  secret: 'whsec_c2VjcmV0',
  ...over,
});

const cleared = (callId: string, id = `ev-${callId}`): BusEvent => ({
  id,
  time: '2026-12-01T08:00:00.000Z',
  detailType: 'ArrivalCleared',
  detail: { callId, port: 'CNTXG', version: 1 },
});

/** Advances the clock to each due retry and runs the sweep, as the schedule would. */
async function sweepUntilIdle(s: ReturnType<typeof system>, limit = 20) {
  for (let i = 0; i < limit; i++) {
    const next = await s.webhooks.nextDue();
    if (!next) return;
    s.clock.set(next);
    await s.service.retryDue();
  }
}

describe('webhook delivery', () => {
  it('sends an event of the agent’s call once, even when the bus hands it over twice', async () => {
    const s = system();
    await s.webhooks.create(hook());
    await s.service.deliverEvent(cleared('C1'));
    await s.service.deliverEvent(cleared('C1'));
    expect(s.sent).toHaveLength(1);
    expect(JSON.parse(s.sent[0]!.payload)).toMatchObject({ type: 'ArrivalCleared', data: { callId: 'C1' } });
    expect([...s.webhooks.log.values()].map((d) => d.status)).toEqual(['DELIVERED']);
  });

  it('sends nothing of another agent’s call, nor events the endpoint did not ask for', async () => {
    const s = system();
    await s.webhooks.create(hook());
    await s.service.deliverEvent(cleared('C2'));
    await s.service.deliverEvent({ ...cleared('C1'), detailType: 'DepartureCleared' });
    expect(s.sent).toEqual([]);
  });

  it('gives up after eight attempts spread over hours, logging each', async () => {
    const s = system(() => ({ ok: false, status: 503 }));
    await s.webhooks.create(hook());
    const run = await s.service.deliverEvent(cleared('C1'));
    expect(run.nextDueAt).toBe('2026-12-01T08:00:05.000Z');
    await sweepUntilIdle(s);
    const [delivery] = [...s.webhooks.log.values()];
    expect(delivery!.status).toBe('FAILED');
    expect(delivery!.attempts).toHaveLength(8);
    expect(new Set(s.sent.map((x) => x.msgId)).size).toBe(1);
    const span = Date.parse(delivery!.attempts.at(-1)!.at) - Date.parse(delivery!.attempts[0]!.at);
    expect(span / H).toBeCloseTo(12.95, 1);
  });

  it('disables an endpoint that failed for a day and says so in its log', async () => {
    const s = system(() => ({ ok: false, error: 'could not connect' }));
    await s.webhooks.create(hook({ failingSince: '2026-11-30T07:00:00.000Z' }));
    await s.service.deliverEvent(cleared('C1'));
    expect((await s.webhooks.get(hook().webhookId))!.status).toBe('DISABLED');
    const log = await s.webhooks.deliveries(hook().webhookId, 10);
    const notice = log.find((d) => d.status === 'NOTICE');
    expect(notice).toMatchObject({ eventType: 'EndpointDisabled' });
    expect(notice!.notice).toContain('2026-11-30T07:00:00.000Z');
    // A disabled endpoint is sent nothing more: its pending retry ends unsent.
    await sweepUntilIdle(s);
    expect(s.sent).toHaveLength(1);
    expect(log.find((d) => d.eventType === 'ArrivalCleared')!.status).not.toBe('DELIVERED');
  });

  it('keeps an endpoint that recovered within the day, and starts its day again', async () => {
    const s = system((n) => (n === 1 ? { ok: false, status: 500 } : { ok: true, status: 200 }));
    await s.webhooks.create(hook({ failingSince: '2026-11-30T09:00:00.000Z' }));
    await s.service.deliverEvent(cleared('C1'));
    await sweepUntilIdle(s);
    const fresh = await s.webhooks.get(hook().webhookId);
    expect(fresh).toMatchObject({ status: 'ENABLED' });
    expect(fresh!.failingSince).toBeUndefined();
  });

  it('lets one of two workers that pick up the same retry at once send it', async () => {
    const s = system((n) => (n === 1 ? { ok: false, status: 500 } : { ok: true, status: 200 }));
    await s.webhooks.create(hook());
    await s.service.deliverEvent(cleared('C1'));
    s.clock.set((await s.webhooks.nextDue())!);
    await Promise.all([s.service.retryDue(), s.service.retryDue()]);
    expect(s.sent).toHaveLength(2);
  });
});
