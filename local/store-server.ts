// Runs dynalite in a worker thread, so the store has a core of its own instead of sharing the
// handlers' event loop. The parent learns the port from the first message.
import { parentPort, workerData } from 'node:worker_threads';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';
import { accessDenied, allows, invokerOf } from './grants.ts';

const { dataDir } = workerData as { dataDir?: string };
const server = dynalite({ ...(dataDir && { path: dataDir }), createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
// IAM before dynalite: a function with read-only rights is refused a write, as DynamoDB would.
const [serve] = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
server.removeAllListeners('request');
server.on('request', (req: IncomingMessage, res: ServerResponse) => {
  const invoker = invokerOf(req);
  const action = `dynamodb:${String(req.headers['x-amz-target'] ?? '').split('.')[1]}`;
  if (invoker && !allows(invoker.grants, action)) {
    res.writeHead(400, { 'content-type': 'application/x-amz-json-1.0' });
    res.end(JSON.stringify(accessDenied(invoker, action, 'arn:aws:dynamodb:local:000000000000:table/*')));
    return;
  }
  serve!(req, res);
});
server.listen(0, '127.0.0.1', () => parentPort!.postMessage({ port: (server.address() as AddressInfo).port }));
server.on('error', (error) => parentPort!.postMessage({ error: String(error) }));
parentPort!.on('message', (message: { close?: boolean }) => {
  if (!message.close) return;
  server.closeAllConnections?.();
  server.close(() => parentPort!.postMessage({ closed: true }));
});
