// The webhook rules: when a failed delivery is tried again, which URLs may be endpoints, and what
// of a bus event an agent gets to see.
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY, agentPayload, retryDelayMs, shouldDisable, urlProblem } from '#webhooks/rules.ts';

const s = 1_000;
const h = 3_600_000;

describe('the retry schedule', () => {
  // Ceilings from 5 s to 10 h over the seven retries of eight attempts (random = 1 is the ceiling).
  it.each([
    [1, 5 * s],
    [2, 22 * s],
    [3, 97 * s],
    [4, 7 * 60 * s + 4 * s],
    [5, 31 * 60 * s + 4 * s],
    [6, 2 * h + 16 * 60 * s + 32 * s],
    [7, 10 * h],
  ])('after %i failed attempts waits at most %i ms (to the second)', (failed, ceiling) => {
    expect(Math.abs(retryDelayMs(failed, DEFAULT_RETRY, 0.999_999_99)! - ceiling)).toBeLessThan(s);
  });

  it.each([
    [0, 0],
    [0.5, 0.5],
    [0.25, 0.25],
  ])('draws the wait uniformly below the ceiling (random %d gives %d of it)', (random, share) => {
    expect(retryDelayMs(3, DEFAULT_RETRY, random)).toBe(Math.floor(96_548.938 * share));
  });

  it.each([0, 8, 9])('has no further attempt after %i failed attempts', (failed) => {
    expect(retryDelayMs(failed, DEFAULT_RETRY, 0.5)).toBeUndefined();
  });

  it('spans hours in all: the ceilings add up to nearly 13 hours', () => {
    const total = [1, 2, 3, 4, 5, 6, 7].reduce((sum, n) => sum + retryDelayMs(n, DEFAULT_RETRY, 0.999_999_99)!, 0);
    expect(total / h).toBeGreaterThan(12.9);
  });

  it.each([
    [undefined, '2026-12-02T08:00:00Z', false],
    ['2026-12-01T08:00:00Z', '2026-12-02T07:59:59Z', false],
    ['2026-12-01T08:00:00Z', '2026-12-02T08:00:00Z', true],
  ])('failing since %s, at %s, is disabled: %s', (since, now, disabled) => {
    expect(shouldDisable(since, new Date(now), 24 * h)).toBe(disabled);
  });
});

describe('endpoint URLs', () => {
  it.each([
    ['https://agent.example.com/hooks', false, undefined],
    ['http://agent.example.com/hooks', false, 'must be https'],
    ['http://127.0.0.1:8080/hooks', false, 'must be https'],
    ['http://127.0.0.1:8080/hooks', true, undefined],
    ['http://localhost:8080/hooks', true, undefined],
    ['http://agent.example.com/hooks', true, 'must be https (or http on a loopback address)'],
    ['https://127.0.0.1/hooks', false, 'must not be a loopback or private address'],
    ['https://10.0.0.5/hooks', false, 'must not be a loopback or private address'],
    ['https://192.168.1.1/hooks', true, 'must not be a loopback or private address'],
    ['https://169.254.169.254/latest', false, 'must not be a loopback or private address'],
    ['https://user:pw@agent.example.com/', false, 'must not carry credentials'],
    ['ftp://agent.example.com/', false, 'must be https'],
  ])('%s (loopback http allowed: %s): %s', (url, loopback, problem) => {
    expect(urlProblem(url, loopback)).toBe(problem);
  });
});

describe('what agents are sent', () => {
  const time = '2026-12-01T08:00:00.000Z';

  it('names a review ReviewOpened and leaves its reasons and deadline out', () => {
    const detail = {
      callId: 'C1',
      port: 'CNTXG',
      kind: 'arrival',
      reviewId: 'R1',
      version: 2,
      deadline: time,
      reasons: ['WATCHLIST_DOCUMENT'],
    };
    expect(agentPayload('ReviewRequested', detail, time)).toEqual({
      type: 'ReviewOpened',
      timestamp: time,
      data: { callId: 'C1', port: 'CNTXG', kind: 'arrival', version: 2 },
    });
  });

  it.each([
    ['ArrivalCleared', 'ArrivalCleared', 'arrival'],
    ['AmendmentRequested', 'AmendmentRequested', 'arrival'],
    ['DepartureAmendmentRequested', 'AmendmentRequested', 'departure'],
    ['ArrivalRejected', 'ArrivalRejected', 'arrival'],
    ['DepartureCleared', 'DepartureCleared', 'departure'],
    ['DepartureHeld', 'DepartureHeld', 'departure'],
    ['DeparturePermitSuspended', 'PermitSuspended', 'departure'],
  ])('sends %s as %s of the %s, without the officer’s reason', (busType, type, kind) => {
    const payload = agentPayload(busType, { callId: 'C1', version: 1, reason: 'internal note', why: 'alert' }, time);
    expect(payload).toEqual({ type, timestamp: time, data: { callId: 'C1', kind, version: 1 } });
  });

  it.each(['ReviewEscalated', 'AlertRaised', 'ShipArrived', 'ArrivalClearanceFailed'])(
    'sends agents nothing of %s',
    (busType) => {
      expect(agentPayload(busType, { callId: 'C1' }, time)).toBeUndefined();
    },
  );

  it('sends nothing for an event without a call', () => {
    expect(agentPayload('ArrivalCleared', {}, time)).toBeUndefined();
  });
});
