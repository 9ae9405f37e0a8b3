// Each invocation logs with its own context: on Lambda one invocation runs per environment at a
// time; the embedded runtime runs several at once, each in an invocation context of its own
// (local/invocations.ts), as Lambda Managed Instances do.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { NotFoundError } from '#shared/errors.ts';
import { httpHandler } from '#shared/http.ts';
import { logger } from '#shared/logger.ts';
import { stepHandler } from '#shared/steps.ts';
import { inInvocation } from '#local/invocations.ts';
import { lambdaContext } from '#local/lambda-context.ts';
import { agentClaims, httpEvent } from '../support/http-event.ts';

// Powertools sets each invocation's level from the one the logger started with: this file's is INFO.
vi.hoisted(() => {
  process.env.LOG_LEVEL = 'INFO';
  process.env.POWERTOOLS_LOG_LEVEL = 'INFO';
});

let lines: Record<string, unknown>[];
beforeEach(() => {
  lines = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
    return true;
  });
});

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

// A step that logs after the HTTP handler below has set its context, and an agent's request that
// is refused (404) while the step still runs.
const step = stepHandler('assessDeparture', z.object({}), async () => {
  await pause(30);
  logger.info('step finished');
  return {};
});
const getPermit = httpHandler({ name: 'getPermit', roles: ['agent'] }).handler(async () => {
  await pause(10);
  logger.info('permit looked up');
  throw new NotFoundError('No departure permit yet');
});
const agentAsks = () =>
  getPermit(
    httpEvent({ method: 'GET', path: '/v1/calls/C1/permits/departure', claims: agentClaims() }),
    lambdaContext('getPermit', 10_000),
  );
const stepRuns = () => step({}, lambdaContext('AssessDepartureFunction', 10_000));

describe('logger context per invocation', () => {
  it('keeps the function name and keys of two invocations apart when they run at once', async () => {
    // Act: both at once, each in an invocation of its own, as the embedded runtime runs them.
    await Promise.all([inInvocation(stepRuns), inInvocation(agentAsks)]);

    // Assess
    const looked = lines.find((l) => l.message === 'permit looked up');
    const refused = lines.find((l) => l.message === 'request refused');
    const finished = lines.find((l) => l.message === 'step finished');
    expect(looked).toMatchObject({ function_name: 'getPermit', role: 'agent' });
    expect(refused).toMatchObject({ function_name: 'getPermit', status: 404 });
    expect(finished).toMatchObject({ function_name: 'AssessDepartureFunction' });
    expect(finished).not.toHaveProperty('role');
  });

  it('leaves no key of one invocation to the next when they run one after another, as on Lambda', async () => {
    // Act: no invocation context, one after the other, as an on-demand environment runs them.
    await agentAsks();
    await stepRuns();

    // Assess
    const finished = lines.find((l) => l.message === 'step finished');
    expect(finished).toMatchObject({ function_name: 'AssessDepartureFunction' });
    expect(finished).not.toHaveProperty('role');
  });
});
