// Vitest global setup: builds the dashboard once, before any test file runs, so the browser tests
// (several files, in parallel) serve the same finished build instead of racing to write it.
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export default async function setup() {
  await build({
    configFile: fileURLToPath(new URL('../../dashboard/vite.config.ts', import.meta.url)),
    logLevel: 'error',
  });
}
