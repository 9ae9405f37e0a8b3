// A change decided on a copy of the call the caller has just read: no second read when the copy is
// current, and a fresh read and a second decision when someone changed the call in between.
import { describe, expect, it } from 'vitest';
import { changeCall } from '#calls/service.ts';
import type { StoredCall } from '#calls/store.ts';
import { announcedCall } from '../support/fixtures.ts';
import { memoryCalls, testClock } from '../support/fakes.ts';

async function world() {
  const store = memoryCalls();
  const clock = testClock();
  // Being cleared: the assessment may change it.
  const draft: StoredCall = { ...announcedCall(clock.now()), status: 'SUBMITTED' };
  await store.create(draft);
  let reads = 0;
  const get = store.get.bind(store);
  store.get = (callId) => {
    reads += 1;
    return get(callId);
  };
  return { deps: { store, clock }, draft, reads: () => reads };
}

const rename = (voyage: string) => (call: StoredCall) => ({
  event: 'ASSESS_ARRIVAL' as const,
  patch: { voyage },
  fact: {
    actor: { role: 'system' as const, id: 'arrival-clearance' },
    action: 'RISK_ASSESSED',
    reason: `from ${call.voyage}`,
  },
});

describe('changing the call from a copy just read', () => {
  it('decides on that copy and does not read the call again', async () => {
    const { deps, draft, reads } = await world();
    const decided: number[] = [];
    const out = await changeCall(
      deps,
      draft.callId,
      (call) => {
        decided.push(call.version);
        return rename('V2')(call);
      },
      draft,
    );
    expect(reads()).toBe(0);
    expect(decided).toEqual([1]);
    expect(out).toMatchObject({ version: 2, voyage: 'V2' });
  });

  it('decides again on a fresh read when the copy went stale, and records both changes in order', async () => {
    const { deps, draft, reads } = await world();
    // Someone else changes the call after the copy was read.
    await changeCall(deps, draft.callId, rename('OTHER'));
    const decided: string[] = [];
    const out = await changeCall(
      deps,
      draft.callId,
      (call) => {
        decided.push(call.voyage);
        return rename('V2')(call);
      },
      draft,
    );
    expect(decided).toEqual([draft.voyage, 'OTHER']);
    expect(reads()).toBe(2);
    expect(out).toMatchObject({ version: 3, voyage: 'V2' });
    const trail = await deps.store.timeline(draft.callId);
    expect(trail.map((e) => e.reason)).toEqual([undefined, `from ${draft.voyage}`, 'from OTHER']);
  });
});
