// Secrets of the embedded runtime, kept in the data folder (mode 600) so they survive restarts;
// random per run when the store is in memory. On AWS they live in Secrets Manager.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
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

/** A P-256 private key in PEM, kept like the secrets above: the embedded runtime's audit signing key. */
export function localSigningKey(dataDir: string | undefined, name: string): string {
  const file = dataDir && join(dataDir, name);
  if (file && existsSync(file)) return readFileSync(file, 'utf8');
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  if (file) {
    mkdirSync(dataDir!, { recursive: true });
    writeFileSync(file, pem, { mode: 0o600 });
  }
  return pem;
}
