// A bench phase reports what each of its events cost in store requests, so a figure short of its
// goal says how far the path could go: at most the floor ÷ the requests an event makes.
import { describe, expect, it } from 'vitest';
import { describeCost, withCost } from '../../bench/phase-cost.ts';
import { figures } from '../../bench/stats.ts';

describe('phase cost', () => {
  it('counts only the requests the phase made, per event, and the ceiling they allow', async () => {
    // Prepare: counts from before the phase, which are not its own.
    const counts: Record<string, number> = { GetItemCommand: 7, PutItemCommand: 3 };

    // Act: 4 events, each a read and two writes.
    const cost = await withCost(counts, async () => {
      for (let i = 0; i < 4; i++) {
        counts.GetItemCommand! += 1;
        counts.PutItemCommand! += 2;
      }
      return figures([1, 2, 3, 4], 1);
    });

    // Assess
    expect(cost.storeRequestsPerEvent).toEqual({ GetItem: 1, PutItem: 2 });
    expect(cost.storeRequestsPerEventTotal).toBe(3);
    expect(cost.requestCeiling).toBe(0.33);
    expect(cost.ops).toBe(4);
    expect(describeCost(cost)).toMatch(/^GetItem 1, PutItem 2/);
  });

  it('leaves out operations the phase did not use, and a batch counts its events, not its requests', async () => {
    const counts: Record<string, number> = { QueryCommand: 5 };
    const cost = await withCost(counts, async () => {
      counts.PutItemCommand = 150;
      return figures([10, 12], 1, 200);
    });
    expect(cost.storeRequestsPerEvent).toEqual({ PutItem: 0.75 });
    expect(cost.requestCeiling).toBe(1.33);
  });
});
