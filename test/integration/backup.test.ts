// Backups of the embedded store: taken while devices and agents keep writing, restored into an
// empty data folder, they hold every call and every gangway event acknowledged before the backup
// began, and the restored system verifies the same tokens and device keys.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { postSigned, scan } from '#local/device-client.ts';
import { announcement } from '../support/fixtures.ts';
import { clearedCall, deviceAt } from '../support/flows.ts';
import { startTestSystem } from '../support/runtime.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'three-zeros-backup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = (script: string, args: string[], env: Record<string, string>) =>
  promisify(execFile)(process.execPath, [script, ...args], { cwd: ROOT, env: { ...process.env, ...env } });

describe('backup and restore', () => {
  it('backs up under load and restores every acknowledged call and event into an empty folder', async () => {
    // Prepare: a running system with a call in port and its gangway device.
    const original = join(work, 'original');
    let sys = await startTestSystem({ dataDir: original });
    const agent = await sys.token({ role: 'agent', agentId: 'ACME-SHIPPING' });
    const supervisor = await sys.token({ role: 'supervisor', port: 'CNTXG' });
    const callId = await clearedCall(sys, agent);
    const device = await deviceAt(sys, supervisor, callId);
    const calls: { id: string; at: number }[] = [];
    const events: { event: ReturnType<typeof scan>; at: number }[] = [];
    let loading = true;
    const lanes = [
      (async () => {
        while (loading) {
          const res = await sys.request('POST', '/v1/calls', { token: agent, body: announcement() });
          if (res.status === 201) calls.push({ id: res.body.callId, at: performance.now() });
        }
      })(),
      ...[0, 1, 2].map(async (lane) => {
        while (loading) {
          const batch = ['C01', 'C02', 'C03'].map((ref, i) =>
            scan({ callId, personRef: ref, direction: (lane + i) % 2 ? 'BOARD' : 'DISEMBARK', method: 'CARD' }),
          );
          const res = await postSigned(sys.url, device, { events: batch });
          const at = performance.now();
          res.body.results?.forEach((r: { status: string }, i: number) => {
            if (r.status === 'accepted') events.push({ event: batch[i]!, at });
          });
        }
      }),
    ];

    // Act: a backup while the lanes write, then restore it into a new folder.
    while (calls.length < 5 || events.length < 20) await new Promise((r) => setTimeout(r, 50));
    const started = performance.now();
    const file = join(work, 'backup.ndjson');
    const backup = await run('local/backup.ts', ['--to', file], { DATA_DIR: original });
    await new Promise((r) => setTimeout(r, 200));
    loading = false;
    await Promise.all(lanes);
    await sys.stop();
    const restored = join(work, 'restored');
    const restore = await run('local/restore.ts', [file], { DATA_DIR: restored });

    // Assess: every write acknowledged before the backup began is in the restored system.
    expect(backup.stdout).toContain('Backed up the system running at');
    expect(restore.stdout).toContain('Restored');
    expect((statSync(file).mode & 0o777).toString(8)).toBe('600');
    const before = { calls: calls.filter((c) => c.at < started), events: events.filter((e) => e.at < started) };
    expect(before.calls.length).toBeGreaterThan(3);
    expect(before.events.length).toBeGreaterThan(10);
    sys = await startTestSystem({ dataDir: restored });
    try {
      for (const { id } of before.calls) {
        expect((await sys.request('GET', `/v1/calls/${id}`, { token: agent })).status).toBe(200);
      }
      // The device's key still verifies, and each acknowledged event is already there.
      for (let i = 0; i < before.events.length; i += 100) {
        const res = await postSigned(sys.url, device, { events: before.events.slice(i, i + 100).map((e) => e.event) });
        expect(res.status).toBe(202);
        expect(res.body.duplicates).toBe(res.body.results.length);
      }
    } finally {
      await sys.stop();
    }
  }, 60_000);

  it('refuses to restore into a folder that is not empty, and refuses a file cut short', async () => {
    const file = join(work, 'backup.ndjson');
    const notEmpty = join(work, 'original');
    await expect(run('local/restore.ts', [file], { DATA_DIR: notEmpty })).rejects.toMatchObject({
      stderr: expect.stringContaining('is not empty'),
    });
    const cut = join(work, 'cut.ndjson');
    writeFileSync(cut, readFileSync(file, 'utf8').split('\n').slice(0, -3).join('\n'));
    const target = join(work, 'from-cut');
    await expect(run('local/restore.ts', [cut], { DATA_DIR: target })).rejects.toMatchObject({
      stderr: expect.stringContaining('cut short'),
    });
    expect(() => statSync(target)).toThrow();
  });
});
