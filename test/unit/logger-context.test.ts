// Each invocation logs with its own context, as on Lambda (one invocation per process at a time),
// also when the embedded runtime runs a workflow step and an HTTP handler at the same moment.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { NotFoundError } from '#shared/errors.ts';
import { httpHandler } from '#shared/http.ts';
import { logger } from '#shared/logger.ts';
import { stepHandler } from '#shared/steps.ts';
import { lambdaContext } from '#local/lambda-context.ts';
import { httpEvent } from '../support/http-event.ts';

let lines: Record<string, unknown>[];
beforeEach(() => {
  lines = [];
  logger.setLogLevel('INFO');
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
    return true;
  });
});
afterEach(() => logger.setLogLevel('SILENT'));

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('logger context per invocation', () => {
  it('logs a 404 of an HTTP handler under its own function, while a workflow step runs alongside', async () => {
    // Prepare: a step that sets its context, then logs after the HTTP handler has set its own.
    const step = stepHandler('assessDeparture', z.object({}), async () => {
      await pause(30);
      logger.info('step finished');
      return {};
    });
    const getPermit = httpHandler({ name: 'getPermit', roles: 'public' }).handler(async () => {
      await pause(10);
      throw new NotFoundError('No departure permit yet');
    });

    // Act: both at once, as the embedded runtime runs them.
    await Promise.all([
      step({}, lambdaContext('AssessDepartureFunction', 10_000)),
      getPermit(
        httpEvent({ method: 'GET', path: '/v1/calls/C1/permits/departure' }),
        lambdaContext('getPermit', 10_000),
      ),
    ]);

    // Assess
    const refused = lines.find((l) => l.message === 'request refused');
    const finished = lines.find((l) => l.message === 'step finished');
    expect(refused).toMatchObject({ function_name: 'getPermit' });
    expect(finished).toMatchObject({ function_name: 'AssessDepartureFunction' });
  });
});
