// `npm run backup -- --to FILE`: a consistent snapshot of the embedded store and the data folder's
// keys. While the system runs it is asked for the snapshot (it reads one LevelDB snapshot while
// requests go on); when none runs the folder is read directly, under its lock.
import { createWriteStream, existsSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { Level } from 'level';
import { backupLines, snapshotEntries } from './backup-format.ts';
import { lockDataDir } from './data-lock.ts';
import { findRunning, lookedAt } from './running.ts';

const { values } = parseArgs({ options: { to: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
if (values.help || !values.to) {
  console.error('Usage: npm run backup -- --to FILE   (DATA_DIR or PORT say which system, as for npm start)');
  process.exit(values.help ? 0 : 2);
}
const target = resolve(values.to);
const partial = `${target}.partial`;

async function lines(): Promise<{ from: string; lines: AsyncIterable<string | Buffer> }> {
  const running = await findRunning();
  if (running) {
    const res = await fetch(`${running.url}/_local/backup`, { headers: { 'x-operator-key': running.operatorKey } });
    if (!res.ok || !res.body) throw new Error(`${running.url} refused the backup (${res.status}): ${await res.text()}`);
    return { from: `the system running at ${running.url}`, lines: Readable.fromWeb(res.body) };
  }
  const { dataDir } = lookedAt();
  if (!existsSync(join(dataDir, 'store'))) {
    throw new Error(`Nothing to back up: no system is running and ${dataDir} holds no store. Set DATA_DIR or PORT.`);
  }
  const unlock = lockDataDir(dataDir);
  const db = new Level(join(dataDir, 'store'));
  await db.open();
  return {
    from: dataDir,
    lines: (async function* () {
      try {
        yield* backupLines(dataDir, snapshotEntries(db));
      } finally {
        await db.close();
        unlock();
      }
    })(),
  };
}

try {
  const { from, lines: source } = await lines();
  // Written aside and renamed when complete: a FILE that exists is a whole backup. It holds crew
  // lists and keys: readable by its owner only.
  await pipeline(source, createWriteStream(partial, { mode: 0o600 }));
  renameSync(partial, target);
  console.log(`Backed up ${from} to ${target}`);
} catch (error) {
  rmSync(partial, { force: true });
  console.error(`Backup failed: ${(error as Error).message}`);
  process.exit(1);
}
