// The embedded gateway's token buckets: refill over time, and bounded memory whatever keys arrive.
import { describe, expect, it } from 'vitest';
import { TokenBuckets } from '#local/rate-limit.ts';

describe('token buckets', () => {
  it('lets a burst through, then one request per refill, and says how long to wait', () => {
    const buckets = new TokenBuckets({ perSecond: 2, burst: 3 });
    expect([0, 0, 0, 0].map((t) => buckets.take('a', t).ok)).toEqual([true, true, true, false]);
    expect(buckets.take('a', 0)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(buckets.take('a', 500).ok).toBe(true);
  });

  it('keeps at most its bound of callers under a flood of made-up keys, and forgets the oldest first', () => {
    const buckets = new TokenBuckets({ perSecond: 1, burst: 2 }, 1_000);
    // Prepare: a busy caller with its burst used up.
    buckets.take('busy', 0);
    buckets.take('busy', 0);
    // Act: 100,000 invented callers, the busy one coming back now and then.
    for (let i = 0; i < 100_000; i++) {
      buckets.take(`random-${i}`, 0);
      if (i % 500 === 0) expect(buckets.take('busy', 0).ok).toBe(false);
    }
    // Assess: memory bounded, and the busy caller was never reset to a fresh burst.
    expect(buckets.size).toBe(1_000);
    expect(buckets.take('busy', 0).ok).toBe(false);
  });
});
