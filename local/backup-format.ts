// The embedded store's backup: one JSON line saying what it is, with the data folder's keys (the
// development signing key, the device-key and page-token secrets: without them device keys and
// tokens would not verify after a restore), then every LevelDB entry as base64 [key, value], then
// a last line with the count, so a cut-off file is refused. Entries are read from one LevelDB
// snapshot (an iterator reads the database as it was when it was opened): consistent while the
// system keeps writing.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { KEY_FILE } from './dev-auth.ts';

export const BACKUP_FORMAT = 'three-zeros-backup';
/** Files of the data folder a backup carries besides the store. */
export const KEPT_FILES = [KEY_FILE, 'device-key-secret', 'page-token-secret'] as const;

export const BackupHeader = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  takenAt: z.string(),
  files: z.record(z.string(), z.string()),
});
export const BackupEnd = z.object({ end: z.literal(true), entries: z.number().int().min(0) });

export type Entry = [key: string, value: string];

/** What reads a LevelDB from one snapshot: classic-level's iterator over raw buffers. */
export interface SnapshotSource {
  iterator(options: { keyEncoding: 'buffer'; valueEncoding: 'buffer' }): AsyncIterable<[Buffer, Buffer]>;
}

/** The store's entries in batches, from one snapshot. */
export async function* snapshotEntries(db: SnapshotSource, batchSize = 500): AsyncGenerator<Entry[]> {
  let batch: Entry[] = [];
  for await (const [key, value] of db.iterator({ keyEncoding: 'buffer', valueEncoding: 'buffer' })) {
    batch.push([key.toString('base64'), value.toString('base64')]);
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/** The backup as lines of text: header, entries, end. */
export async function* backupLines(dataDir: string, batches: AsyncIterable<Entry[]>): AsyncGenerator<string> {
  const files: Record<string, string> = {};
  for (const name of KEPT_FILES) {
    const file = join(dataDir, name);
    if (existsSync(file)) files[name] = readFileSync(file, 'utf8');
  }
  yield `${JSON.stringify({ format: BACKUP_FORMAT, version: 1, takenAt: new Date().toISOString(), files })}\n`;
  let entries = 0;
  for await (const batch of batches) {
    entries += batch.length;
    yield batch.map((entry) => `${JSON.stringify(entry)}\n`).join('');
  }
  yield `${JSON.stringify({ end: true, entries })}\n`;
}
