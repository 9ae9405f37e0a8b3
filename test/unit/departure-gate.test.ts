// The gangway's departure gate with an in-memory call: while cleared to sail the re-check is
// committed before a movement is written; a ship that sailed first turns the movement away.
import { describe, expect, it } from 'vitest';
import type { StoredCall } from '#calls/store.ts';
import { gateMovement } from '#gangway/departure-gate.ts';

function fakeCall(status: StoredCall['status'], onRecheck?: StoredCall['status']) {
  const log: string[] = [];
  let current = { callId: 'C1', status } as StoredCall;
  return {
    log,
    deps: {
      calls: { get: async () => current },
      recheck: async (_id: string, why: string) => {
        log.push(`recheck: ${why}`);
        if (onRecheck) current = { ...current, status: onRecheck };
      },
    },
  };
}

describe('departure gate', () => {
  it.each<[StoredCall['status'], StoredCall['status'] | undefined, string, number]>([
    ['DEPARTURE_CLEARED', 'DEPARTURE_SUBMITTED', 'OPEN', 1],
    ['DEPARTURE_CLEARED', 'DEPARTED', 'DEPARTED', 1],
    ['DEPARTED', undefined, 'DEPARTED', 0],
    ['IN_PORT', undefined, 'OPEN', 0],
    ['DEPARTURE_REVIEW', undefined, 'OPEN', 0],
  ])(
    'a movement while %s (re-check leaves it %s) is %s after %i re-checks',
    async (status, after, outcome, rechecks) => {
      const { deps, log } = fakeCall(status, after);
      expect(await gateMovement(deps, 'C1', '1 gangway movement')).toBe(outcome);
      expect(log).toHaveLength(rechecks);
    },
  );

  it('gives up re-checking a call that keeps clearing at once after five tries, leaving the later re-check to catch it', async () => {
    const { deps, log } = fakeCall('DEPARTURE_CLEARED');
    expect(await gateMovement(deps, 'C1', 'x')).toBe('OPEN');
    expect(log).toHaveLength(5);
  });
});
