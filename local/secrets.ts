// Secrets of the embedded runtime, kept in the data folder (mode 600) so they survive restarts;
// random per run when the store is in memory. On AWS they live in Secrets Manager.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function localSecret(dataDir: string | undefined, name: string): string {
  const file = dataDir && join(dataDir, name);
  if (file && existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  if (file) {
    mkdirSync(dataDir!, { recursive: true });
    writeFileSync(file, secret, { mode: 0o600 });
  }
  return secret;
}
