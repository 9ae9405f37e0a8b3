// An officer's decision reaches the task that is waiting for it, even when a resumed clearance
// handed the review a fresh task token between the officer's read and the decision's write.
import { describe, expect, it } from 'vitest';
import type { Principal } from '#shared/auth.ts';
import { decide, supersede } from '#review/service.ts';
import type { StoredReview } from '#review/store.ts';
import { memoryReviews, recordingWorkflows, testClock } from '../support/fakes.ts';

const officer: Principal = { role: 'officer', sub: 'officer-wang', port: 'CNTXG' };

const review = (taskToken: string): StoredReview => ({
  reviewId: 'C01JD0000000000000000000000-A1',
  callId: 'C01JD0000000000000000000000',
  kind: 'ARRIVAL',
  version: 1,
  port: 'CNTXG',
  status: 'OPEN',
  reasons: [],
  openedAt: '2026-12-01T07:00:00.000Z',
  deadline: '2026-12-01T09:00:00.000Z',
  escalated: false,
  call: { vesselName: 'EVER GIVEN', imo: '9811000', eta: '2026-12-02T08:00:00Z', etd: '', agentId: 'ACME-SHIPPING' },
  taskToken,
});

/** A review store whose first read is followed by a resumed clearance re-opening the review. */
function reopenedAfterRead() {
  const reviews = memoryReviews();
  const get = reviews.get.bind(reviews);
  let reads = 0;
  reviews.get = async (reviewId) => {
    const read = await get(reviewId);
    if (reads++ === 0) await reviews.open(review('token-of-the-resumed-clearance'));
    return read;
  };
  return reviews;
}

describe('a decision on a review a resumed clearance re-opened', () => {
  it('is delivered to the token the review holds when it closes, not the one read before', async () => {
    const reviews = reopenedAfterRead();
    await reviews.open(review('token-of-the-killed-execution'));
    const workflows = recordingWorkflows();

    const decided = await decide({ reviews, workflows, clock: testClock() }, officer, review('').reviewId, {
      decision: 'APPROVE',
    });

    expect(decided.status).toBe('DECIDED');
    expect(workflows.succeeded.map((s) => s.token)).toEqual(['token-of-the-resumed-clearance']);
    expect(decided).not.toHaveProperty('taskToken');
  });

  it('ends the wait of the token the review holds when a newer declaration supersedes it', async () => {
    const reviews = reopenedAfterRead();
    await reviews.open(review('token-of-the-killed-execution'));
    const failed: string[] = [];
    const workflows = { ...recordingWorkflows(), fail: async (token: string) => void failed.push(token) };

    await supersede({ reviews, workflows, clock: testClock() }, review('').reviewId);

    expect(failed).toEqual(['token-of-the-resumed-clearance']);
    expect((await reviews.get(review('').reviewId))?.status).toBe('SUPERSEDED');
  });
});
