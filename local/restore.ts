// `npm run restore -- FILE`: brings a backup (npm run backup) back into an empty DATA_DIR: the
// store's entries and the keys that make its device keys and tokens verify. The whole file is read
// and found complete before anything is written.
import { createReadStream, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { Level } from 'level';
import type * as z from 'zod';
import { BackupEnd, BackupHeader, type Entry, KEPT_FILES } from './backup-format.ts';
import { preparePrivateDataDir } from './data-dir.ts';
import { lookedAt } from './running.ts';

const { positionals } = parseArgs({ allowPositionals: true });
const [file] = positionals;
if (!file) {
  console.error('Usage: DATA_DIR=/empty/folder npm run restore -- FILE');
  process.exit(2);
}
const { dataDir } = lookedAt();

const lines = () => createInterface({ input: createReadStream(resolve(file!)), crlfDelay: Infinity });

/** The backup's header, once the whole file is read and found complete. */
async function verified() {
  let header: z.infer<typeof BackupHeader> | undefined;
  let entries = 0;
  let end: z.infer<typeof BackupEnd> | undefined;
  for await (const line of lines()) {
    if (!line) continue;
    const value: unknown = JSON.parse(line);
    if (!header) header = BackupHeader.parse(value);
    else if (end) throw new Error('lines after the end of the backup');
    else if (Array.isArray(value)) entries += 1;
    else end = BackupEnd.parse(value);
  }
  if (!header) throw new Error(`${file} is not a Three Zeros backup`);
  if (!end || end.entries !== entries) {
    throw new Error(`${file} is cut short (${entries} entries, the backup says ${end?.entries ?? 'nothing'})`);
  }
  return header;
}

async function restore() {
  if (existsSync(dataDir) && readdirSync(dataDir).length) {
    throw new Error(`${dataDir} is not empty: restore into a new DATA_DIR (e.g. DATA_DIR=.data-restored)`);
  }
  const header = await verified();
  preparePrivateDataDir(dataDir);
  const db = new Level<Buffer, Buffer>(join(dataDir, 'store'), { keyEncoding: 'buffer', valueEncoding: 'buffer' });
  await db.open();
  let written = 0;
  try {
    let batch: Entry[] = [];
    const flush = async () => {
      await db.batch(
        batch.map(([k, v]) => ({ type: 'put', key: Buffer.from(k, 'base64'), value: Buffer.from(v, 'base64') })),
      );
      written += batch.length;
      batch = [];
    };
    for await (const line of lines()) {
      // The header and the end are objects; every entry is an array.
      if (!line.startsWith('[')) continue;
      batch.push(JSON.parse(line) as Entry);
      if (batch.length >= 500) await flush();
    }
    await flush();
  } finally {
    await db.close();
  }
  for (const name of KEPT_FILES) {
    const content = header.files[name];
    if (content !== undefined) writeFileSync(join(dataDir, name), content, { mode: 0o600 });
  }
  return { written, takenAt: header.takenAt };
}

try {
  const { written, takenAt } = await restore();
  console.log(
    `Restored ${written} store entries from the backup of ${takenAt} into ${dataDir}; start it with npm start`,
  );
} catch (error) {
  console.error(`Restore failed: ${(error as Error).message}`);
  process.exit(1);
}
