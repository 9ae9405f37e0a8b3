// The data folder holds crew lists and signing keys: no other user of the machine may read it.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { announcement } from '../support/fixtures.ts';
import { startTestSystem } from '../support/runtime.ts';

const parent = mkdtempSync(join(tmpdir(), 'three-zeros-data-dir-'));
afterAll(() => rmSync(parent, { recursive: true, force: true }));

function modes(dir: string): { path: string; mode: string; directory: boolean }[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true }).map((entry) => {
    const path = join(entry.parentPath, entry.name);
    return { path, mode: (statSync(path).mode & 0o777).toString(8), directory: entry.isDirectory() };
  });
}

describe('the data folder', () => {
  it('is created readable by its owner only, and so is every file the system writes into it', async () => {
    // Prepare: a folder that does not exist yet.
    const dataDir = join(parent, 'fresh');
    const sys = await startTestSystem({ dataDir });
    try {
      // Act: a write, so the store has files of its own.
      const agent = await sys.token({ role: 'agent', agentId: 'ACME-SHIPPING' });
      expect((await sys.request('POST', '/v1/calls', { token: agent, body: announcement() })).status).toBe(201);
    } finally {
      await sys.stop();
    }

    // Assess
    expect((statSync(dataDir).mode & 0o777).toString(8)).toBe('700');
    const entries = modes(dataDir);
    expect(entries.filter((e) => !e.directory).length).toBeGreaterThan(3);
    expect(entries.filter((e) => e.directory && e.mode !== '700')).toEqual([]);
    expect(entries.filter((e) => !e.directory && e.mode !== '600')).toEqual([]);
  });

  it('refuses to start on a folder other users can read, saying how to fix it', async () => {
    const dataDir = join(parent, 'shared');
    mkdirSync(dataDir);
    chmodSync(dataDir, 0o755);
    await expect(startTestSystem({ dataDir })).rejects.toThrow(/can be read by other users.*chmod -R go-rwx/);
    expect(readdirSync(dataDir)).toEqual([]);
  });
});
