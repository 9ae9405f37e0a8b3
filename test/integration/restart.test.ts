// The embedded runtime keeps its data across a restart, whether it was stopped or killed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { devIdentity } from '#local/dev-auth.ts';
import { announcement, declaration } from '../support/fixtures.ts';
import { call, startProcess } from '../support/process.ts';
import { until } from '../support/wait.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'three-zeros-restart-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// Each case starts and stops processes: on a busy machine that takes longer than the default.
describe('restart', { timeout: 60_000 }, () => {
  it('keeps calls and the dev signing key across SIGTERM and SIGKILL', async () => {
    // Prepare: a system with one call, stopped cleanly.
    const first = await startProcess({ DATA_DIR: dataDir });
    // `npm run token` signs with the key kept in the data folder, as the running system does.
    const token = await (await devIdentity(dataDir)).mint({ role: 'agent', agentId: 'ACME-SHIPPING' });
    const created = await call(first.url, token, 'POST', '/v1/calls', announcement());
    expect(created.status).toBe(201);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    // Act: restart, add a second call, then kill without warning.
    const second = await startProcess({ DATA_DIR: dataDir });
    expect((await call(second.url, token, 'GET', `/v1/calls/${created.body.callId}`)).status).toBe(200);
    const cancelled = await call(second.url, token, 'POST', `/v1/calls/${created.body.callId}/cancel`, {});
    expect(cancelled.body.status).toBe('CANCELLED');
    second.child.kill('SIGKILL');
    await second.exited;

    // Assess: everything acknowledged before the kill is there.
    const third = await startProcess({ DATA_DIR: dataDir });
    const read = await call(third.url, token, 'GET', `/v1/calls/${created.body.callId}`);
    expect(read.body).toMatchObject({ status: 'CANCELLED', version: 2 });
    expect(read.body.timeline).toHaveLength(2);
    third.child.kill('SIGTERM');
    expect(await third.exited).toBe(0);
  });

  it('resumes a clearance waiting for an officer after a kill, so the decision still clears the call', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'three-zeros-resume-'));
    try {
      const identity = await devIdentity(dir);
      const agent = await identity.mint({ role: 'agent', agentId: 'ACME-SHIPPING' });
      const officer = await identity.mint({ role: 'officer', port: 'CNTXG' });
      const supervisor = await identity.mint({ role: 'supervisor', port: 'CNTXG' });
      const first = await startProcess({ DATA_DIR: dir });
      await call(first.url, supervisor, 'PUT', '/v1/watchlist', {
        entries: [{ kind: 'DOCUMENT', issuingState: 'PHL', number: 'SID0045521', reason: 'reported stolen' }],
      });
      const a = announcement();
      const callId = (await call(first.url, agent, 'POST', '/v1/calls', a)).body.callId;
      await call(first.url, agent, 'PUT', `/v1/calls/${callId}/arrival`, declaration(a.eta));
      const reviews: any[] = await until(
        async () => (await call(first.url, officer, 'GET', '/v1/reviews')).body.items,
        (items) => items.length > 0,
        'an open review',
      );
      expect(reviews).toHaveLength(1);
      first.child.kill('SIGKILL');
      await first.exited;

      const second = await startProcess({ DATA_DIR: dir });
      expect(second.output()).toMatch(/resumed: +1 clearances/);
      const decided = await call(second.url, officer, 'POST', `/v1/reviews/${reviews[0].reviewId}/decision`, {
        decision: 'APPROVE',
      });
      expect(decided.status).toBe(200);
      // The resumed clearance screens the papers again before it reaches the decided review.
      const status = await until(
        async () => (await call(second.url, agent, 'GET', `/v1/calls/${callId}`)).body.status,
        (s) => s === 'ARRIVAL_CLEARED',
        'the call cleared',
      );
      expect(status).toBe('ARRIVAL_CLEARED');
      second.child.kill('SIGTERM');
      await second.exited;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to start a second system on the same data folder, saying why', async () => {
    const running = await startProcess({ DATA_DIR: dataDir });
    await expect(startProcess({ DATA_DIR: dataDir })).rejects.toThrow(/in use by another Three Zeros process/);
    running.child.kill('SIGTERM');
    await running.exited;
  });
});
