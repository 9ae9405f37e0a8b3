// Runs dynalite in a worker thread, so the store has a core of its own instead of sharing the
// handlers' event loop. The parent learns the port from the first message.
import { parentPort, workerData } from 'node:worker_threads';
import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';

const { dataDir } = workerData as { dataDir?: string };
const server = dynalite({ ...(dataDir && { path: dataDir }), createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.listen(0, '127.0.0.1', () => parentPort!.postMessage({ port: (server.address() as AddressInfo).port }));
server.on('error', (error) => parentPort!.postMessage({ error: String(error) }));
parentPort!.on('message', (message: { close?: boolean }) => {
  if (!message.close) return;
  server.closeAllConnections?.();
  server.close(() => parentPort!.postMessage({ closed: true }));
});
