// The outcomes an officer can choose on arrival, over HTTP on the embedded runtime: clear with
// conditions, refuse entry of named persons, order an on-board inspection whose result decides.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announcement, declaration } from '../support/fixtures.ts';
import { callUntil } from '../support/poll.ts';
import { type TestSystem, startTestSystem } from '../support/runtime.ts';

let sys: TestSystem;
let agent: string;
let officer: string;
let inspector: string;

beforeAll(async () => {
  sys = await startTestSystem();
  agent = await sys.token({ role: 'agent', agentId: 'ACME-SHIPPING' });
  officer = await sys.token({ role: 'officer', port: 'CNTXG', sub: 'officer-wang' });
  inspector = await sys.token({ role: 'officer', port: 'CNTXG', sub: 'officer-li' });
});
afterAll(() => sys.stop());

const callOf = async (callId: string) => (await sys.request('GET', `/v1/calls/${callId}`, { token: agent })).body;

const until = (callId: string, test: (call: any) => boolean, what: string) => callUntil(sys, agent, callId, test, what);

/** A call whose arrival waits for an officer: the health declaration reports ill persons. */
async function callInReview() {
  const a = announcement();
  const callId = (await sys.request('POST', '/v1/calls', { token: agent, body: a })).body.callId as string;
  await sys.request('PUT', `/v1/calls/${callId}/arrival`, {
    token: agent,
    body: declaration(a.eta, (d) => {
      d.health.illPersonsCount = 1;
    }),
  });
  await until(callId, (c) => c.status === 'ARRIVAL_REVIEW', 'ARRIVAL_REVIEW');
  return callId;
}

async function reviewOf(callId: string, purpose = 'REVIEW') {
  for (let i = 0; i < 100; i++) {
    const res = await sys.request('GET', '/v1/reviews', { token: officer });
    const found = res.body.items.find(
      (r: { callId: string; purpose?: string }) => r.callId === callId && (r.purpose ?? 'REVIEW') === purpose,
    );
    if (found) return found;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no open ${purpose} of ${callId}`);
}

const decide = (reviewId: string, body: unknown, token = officer) =>
  sys.request('POST', `/v1/reviews/${reviewId}/decision`, { token, body });

describe('officer outcomes on arrival', () => {
  it('clears with persons held on board, and the permit carries the condition', async () => {
    const callId = await callInReview();
    const review = await reviewOf(callId);
    const res = await decide(review.reviewId, {
      decision: 'APPROVE_WITH_CONDITIONS',
      conditions: [{ kind: 'HELD_ON_BOARD', personRefs: ['C02'], note: 'fever: stays on board until seen' }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const call = await until(callId, (c) => c.status === 'ARRIVAL_CLEARED', 'ARRIVAL_CLEARED');
    expect(call.timeline.at(-1)).toMatchObject({
      event: 'CLEAR_ARRIVAL_WITH_CONDITIONS',
      actor: { id: 'officer-wang' },
    });
    const permit = await sys.request('GET', `/v1/calls/${callId}/permits/arrival`, { token: agent });
    expect(permit.body.conditions).toEqual([
      expect.objectContaining({ kind: 'HELD_ON_BOARD', personRefs: ['C02'], decidedBy: 'officer-wang' }),
    ]);
    const restricted = sys.runtime.bus
      .recent()
      .find((e) => e.detailType === 'PersonsRestricted' && e.detail.callId === callId);
    expect(restricted?.detail.persons).toEqual([
      expect.objectContaining({ personRef: 'C02', decision: 'HELD_ON_BOARD' }),
    ]);
  });

  it('refuses a decision that names no conditions, or persons without refusing entry, field by field', async () => {
    const callId = await callInReview();
    const review = await reviewOf(callId);
    const res = await decide(review.reviewId, { decision: 'APPROVE_WITH_CONDITIONS', persons: ['C01'] });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['conditions', 'persons']);
  });

  it('orders an on-board inspection whose result refuses entry of a person and clears the ship', async () => {
    const callId = await callInReview();
    const review = await reviewOf(callId);
    const order = await decide(review.reviewId, { decision: 'ORDER_INSPECTION', reason: 'check the sick bay' });
    expect(order.status).toBe(200);
    const inspecting = await until(callId, (c) => c.status === 'ARRIVAL_INSPECTION', 'ARRIVAL_INSPECTION');
    expect(inspecting.timeline.at(-1)).toMatchObject({
      action: 'INSPECTION_ORDERED',
      event: 'ORDER_ARRIVAL_INSPECTION',
      actor: { role: 'officer', id: 'officer-wang' },
    });
    const inspection = await reviewOf(callId, 'INSPECTION');
    expect(inspection.reviewId).toBe(`${review.reviewId}i`);
    const again = await decide(inspection.reviewId, { decision: 'ORDER_INSPECTION', reason: 'once more' }, inspector);
    expect(again.status).toBe(422);

    const result = await decide(
      inspection.reviewId,
      { decision: 'REFUSE_ENTRY', persons: ['C03'], reason: 'identity not established' },
      inspector,
    );
    expect(result.status).toBe(200);
    const call = await until(callId, (c) => c.status === 'ARRIVAL_CLEARED', 'ARRIVAL_CLEARED');
    expect(call.timeline.at(-1)).toMatchObject({ event: 'REFUSE_ENTRY', actor: { id: 'officer-li' } });
    expect(call.arrival.conditions).toEqual([
      expect.objectContaining({ kind: 'ENTRY_REFUSED', personRefs: ['C03'], note: 'identity not established' }),
    ]);
  });

  it('leaves rejecting the whole ship to a supervisor', async () => {
    const callId = await callInReview();
    const review = await reviewOf(callId);
    const res = await decide(review.reviewId, { decision: 'REJECT', reason: 'not this ship' });
    expect(res.status).toBe(403);
    expect((await callOf(callId)).status).toBe('ARRIVAL_REVIEW');
  });
});
