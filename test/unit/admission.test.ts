// Admission control of the embedded gateway: a bounded number of requests per route at once, a
// bounded queue behind them, and 503 with Retry-After past both.
import { describe, expect, it } from 'vitest';
import { Admission } from '#local/admission.ts';
import { ServiceUnavailableError } from '#shared/errors.ts';

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('admission control', () => {
  it('runs up to the in-flight limit at once, queues the next ones and refuses the rest with 503', async () => {
    // Prepare
    const admission = new Admission({ inFlight: 2, queue: 1, retryAfterSeconds: 3 });
    const first = await admission.enter('POST /v1/gangway/events');
    const second = await admission.enter('POST /v1/gangway/events');
    let thirdIn = false;
    const third = admission.enter('POST /v1/gangway/events').then((release) => {
      thirdIn = true;
      return release;
    });

    // Act
    const fourth = admission.enter('POST /v1/gangway/events');

    // Assess
    await expect(fourth).rejects.toBeInstanceOf(ServiceUnavailableError);
    await expect(fourth).rejects.toMatchObject({ status: 503, retryAfterSeconds: 3 });
    await settle();
    expect(thirdIn).toBe(false);
    expect(admission.load('POST /v1/gangway/events')).toEqual({ running: 2, waiting: 1 });
    first();
    (await third)();
    second();
    expect(admission.load('POST /v1/gangway/events')).toEqual({ running: 0, waiting: 0 });
    expect(admission.refused.get('POST /v1/gangway/events')).toBe(1);
  });

  it('lets queued requests in in the order they came', async () => {
    const admission = new Admission({ inFlight: 1, queue: 3, retryAfterSeconds: 1 });
    const order: number[] = [];
    const holder = await admission.enter('r');
    const queued = [1, 2, 3].map((n) =>
      admission.enter('r').then((release) => {
        order.push(n);
        release();
      }),
    );
    holder();
    await Promise.all(queued);
    expect(order).toEqual([1, 2, 3]);
  });

  it('keeps one busy route from refusing another', async () => {
    const admission = new Admission({ inFlight: 1, queue: 0, retryAfterSeconds: 1 });
    await admission.enter('POST /v1/gangway/events');
    await expect(admission.enter('POST /v1/gangway/events')).rejects.toBeInstanceOf(ServiceUnavailableError);
    await expect(admission.enter('GET /v1/calls')).resolves.toBeTypeOf('function');
  });

  it('gives a slot back once however often its release is called', async () => {
    const admission = new Admission({ inFlight: 1, queue: 0, retryAfterSeconds: 1 });
    const release = await admission.enter('r');
    release();
    release();
    await admission.enter('r');
    await expect(admission.enter('r')).rejects.toBeInstanceOf(ServiceUnavailableError);
  });
});
