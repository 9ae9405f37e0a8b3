// Zero delay without a race: a ship cleared to sail must not sail on a gangway record that is
// about to change. Before a movement is written while the departure permit stands, the re-check
// is committed (RECHECK_DEPARTURE suspends the permit, by the call's version check), so a
// concurrent POST …/departed either commits first — and the movement finds the call DEPARTED —
// or finds the permit suspended and is refused.
import { allows } from '#calls/lifecycle.ts';
import type { CallStore } from '#calls/store.ts';

export interface GateDeps {
  calls: Pick<CallStore, 'get'>;
  recheck: (callId: string, why: string) => Promise<unknown>;
}

/** `OPEN` when the movement may be written, `DEPARTED` when the ship sailed first. */
export async function gateMovement(deps: GateDeps, callId: string, why: string): Promise<'OPEN' | 'DEPARTED'> {
  // A re-check can lose to another one that clears again at once: try a few times.
  for (let attempt = 0; attempt < 5; attempt++) {
    const call = await deps.calls.get(callId);
    if (!call) return 'OPEN';
    if (call.status === 'DEPARTED') return 'DEPARTED';
    // Only a call that may sail now can race a movement; in any other state DEPART is refused.
    if (!allows(call.status, 'DEPART')) return 'OPEN';
    await deps.recheck(callId, why);
  }
  return 'OPEN';
}
