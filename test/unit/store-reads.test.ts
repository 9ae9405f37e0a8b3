// The embedded store reads items from LevelDB on its own thread, at once, instead of through
// libuv's pool; what a read answers must not change.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { ClassicLevel } from 'classic-level';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { withSynchronousReads } from '../../local/store-reads.ts';

// The LevelDB the store opens: the one dynalite depends on, not a copy of our own.
const fromDynalite = createRequire(createRequire(import.meta.url).resolve('dynalite'));
const { Level } = fromDynalite('level') as { Level: typeof ClassicLevel };

const Database = withSynchronousReads(Level as never) as unknown as typeof ClassicLevel;
const dirs: string[] = [];
function database() {
  const dir = mkdtempSync(join(tmpdir(), 'three-zeros-reads-'));
  dirs.push(dir);
  return new Database<string, unknown>(join(dir, 'db'), { valueEncoding: 'json' });
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('reads in the embedded store', () => {
  it('answers a read without the thread pool once the database is open', async () => {
    // Prepare
    const db = database();
    await db.open();
    await db.put('CALL#1', { port: 'CNTXG', crew: ['Ivan', 'Łukasz'] });
    const pooled = vi.spyOn(Level.prototype as never as { _get: () => unknown }, '_get');

    // Act
    const [found, missing] = await Promise.all([db.get('CALL#1'), db.get('CALL#2')]);

    // Assess: the same answers, and none of them went through the asynchronous read.
    expect(found).toEqual({ port: 'CNTXG', crew: ['Ivan', 'Łukasz'] });
    expect(missing).toBeUndefined();
    expect(pooled).not.toHaveBeenCalled();
    pooled.mockRestore();
    await db.close();
  });

  it('reads what a snapshot saw, not what was written after it', async () => {
    const db = database();
    await db.open();
    await db.put('CALL#1', { version: 1 });
    const snapshot = db.snapshot();
    await db.put('CALL#1', { version: 2 });

    expect(await db.get('CALL#1', { snapshot })).toEqual({ version: 1 });
    expect(await db.get('CALL#1')).toEqual({ version: 2 });
    await snapshot.close();
    await db.close();
  });

  it('waits for a database still opening, and refuses one that is closed', async () => {
    // Prepare: a value written before; the reopened database is not open yet when read.
    const first = database();
    await first.open();
    await first.put('CALL#1', { version: 1 });
    await first.close();

    // Act: read while it is still opening.
    const reopened = new Database<string, unknown>(first.location, { valueEncoding: 'json' });
    const read = reopened.get('CALL#1');

    // Assess
    expect(reopened.status).toBe('opening');
    await expect(read).resolves.toEqual({ version: 1 });
    await reopened.close();
    await expect(reopened.get('CALL#1')).rejects.toMatchObject({ code: 'LEVEL_DATABASE_NOT_OPEN' });
  });
});
