// What Lambda does to a function that overruns or keeps failing, done by the embedded runtime
// too: a route past its timeout answers what API Gateway answers, and a scheduled job that fails
// is retried twice and then kept as a dead letter an operator can list.
import { execFile } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { dynamoClient } from '#shared/aws.ts';
import { routeList } from '#functions/routes.ts';
import { createGateway } from '#local/gateway.ts';
import type { Schedule } from '#functions/schedules.ts';
import { flaky } from '../fixtures/flaky-job.ts';
import { type TestSystem, startTestSystem } from '../support/runtime.ts';

const job: Schedule = {
  name: 'flaky-probe',
  module: '../test/fixtures/flaky-job.ts',
  export: 'flakyJob',
  everyMinutes: 60,
};
const dataDir = mkdtempSync(join(tmpdir(), 'three-zeros-limits-'));
let sys: TestSystem;
let slowQueriesMs = 0;

beforeAll(async () => {
  // Route functions get 0.2 s instead of 10 s, so an overrun takes no real wait.
  sys = await startTestSystem({ dataDir, schedules: [job], timeouts: { route: 0.2 }, jobs: { retryDelaysMs: [5, 5] } });
  dynamoClient().middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'QueryCommand' && slowQueriesMs)
        await new Promise((r) => setTimeout(r, slowQueriesMs));
      return next(args);
    },
    { step: 'initialize', name: 'slowQueries' },
  );
});
afterAll(() => sys.stop());
beforeEach(() => {
  slowQueriesMs = 0;
  flaky.attempts = 0;
});

describe('a route function near its timeout', () => {
  it('answers 503 in the error envelope, as the same middy chain does on AWS before Lambda stops it', async () => {
    // Prepare
    const agent = await sys.token({ role: 'agent', agentId: 'ACME-SHIPPING' });
    slowQueriesMs = 600;
    // Act
    const res = await sys.request('GET', '/v1/calls', { token: agent });
    // Assess
    expect(res.status, JSON.stringify(res.body)).toBe(503);
    expect(res.body.error.code).toBe('SERVICE_UNAVAILABLE');
    slowQueriesMs = 0;
    expect((await sys.request('GET', '/v1/calls', { token: agent })).status).toBe(200);
  });
});

describe('a route function that never answers', () => {
  it('is cut off at its timeout with 500 {"message":"Internal Server Error"}, as API Gateway answers a timed-out function', async () => {
    // Prepare: a handler outside the middy chain, so nothing answers early.
    const stuck = {
      ...routeList.find((r) => r.name === 'health')!,
      path: '/v1/stuck',
      module: '../test/fixtures/stuck-handler.ts',
    };
    const gateway = await createGateway({
      routes: [{ ...stuck, name: 'stuck' as never }],
      identity: sys.runtime.identity,
      maxBodyBytes: 1024,
      timeoutMs: 50,
    });
    await new Promise<void>((ok) => gateway.listen(0, '127.0.0.1', ok));
    try {
      // Act
      const res = await fetch(`http://127.0.0.1:${(gateway.address() as AddressInfo).port}/v1/stuck`);
      // Assess
      expect(res.status).toBe(500);
      expect(await res.json()).toEqual({ message: 'Internal Server Error' });
    } finally {
      gateway.closeAllConnections();
      gateway.close();
    }
  });
});

describe('a scheduled job', () => {
  it('that fails once is retried and leaves no dead letter', async () => {
    flaky.failuresLeft = 1;
    expect(await sys.runtime.jobs.runOnce(job)).toBeUndefined();
    expect(flaky.attempts).toBe(2);
  });

  it('that fails three times is kept as a dead letter, in the data folder, readable by npm run dead-letters', async () => {
    // Prepare
    flaky.failuresLeft = 3;
    // Act
    const letter = await sys.runtime.jobs.runOnce(job);
    // Assess
    expect(flaky.attempts).toBe(3);
    expect(letter).toMatchObject({
      job: 'flaky-probe',
      condition: 'RetriesExhausted',
      approximateInvokeCount: 3,
      errorType: 'TimeoutError',
    });
    expect(sys.runtime.jobs.deadLetters()).toContainEqual(letter);
    expect(statSync(join(dataDir, 'dead-letters.jsonl')).mode & 0o077).toBe(0);
    const { stdout } = await promisify(execFile)(process.execPath, ['local/dead-letters.ts'], {
      env: { ...process.env, DATA_DIR: dataDir, STORE: 'disk' },
    });
    expect(stdout).toContain('1 scheduled run(s) failed after 3 attempts');
    expect(stdout).toContain('flaky-probe  TimeoutError: the store did not answer');
  });
});
