// Runs dynalite in a worker thread, so the store has a core of its own instead of sharing the
// handlers' event loop. The parent learns the port from the first message; it may ask for a
// backup, read from one snapshot of the LevelDB underneath while requests go on.
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
import { type SnapshotSource, snapshotEntries } from './backup-format.ts';

// dynalite does not hand out its LevelDB: note the one it opens (it opens one per store).
const fromDynalite = createRequire(createRequire(import.meta.url).resolve('dynalite'));
const level = fromDynalite('level') as { Level: new (...args: unknown[]) => SnapshotSource };
let opened: SnapshotSource | undefined;
const Level = level.Level;
level.Level = class extends Level {
  constructor(...args: unknown[]) {
    super(...args);
    opened = this;
  }
};
const { default: dynalite } = await import('dynalite');

const { dataDir } = workerData as { dataDir?: string };
const server = dynalite({ ...(dataDir && { path: dataDir }), createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.listen(0, '127.0.0.1', () => parentPort!.postMessage({ port: (server.address() as AddressInfo).port }));
server.on('error', (error) => parentPort!.postMessage({ error: String(error) }));
parentPort!.on('message', (message: { close?: boolean; backup?: number }) => {
  if (message.backup !== undefined) {
    void backup(message.backup);
    return;
  }
  if (!message.close) return;
  server.closeAllConnections?.();
  server.close(() => parentPort!.postMessage({ closed: true }));
});

async function backup(id: number) {
  try {
    if (!opened) throw new Error('The store is in memory: there is nothing on disk to back up');
    for await (const entries of snapshotEntries(opened)) parentPort!.postMessage({ backup: id, entries });
    parentPort!.postMessage({ backup: id, done: true });
  } catch (error) {
    parentPort!.postMessage({ backup: id, error: String(error) });
  }
}
