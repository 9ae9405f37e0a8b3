// How the helper commands (token, device, backup) find the running system: it writes where it
// answers and where its keys are into its data folder (readable by its owner only), and answers
// loopback callers who ask it at its port. Without one running, they say what to do.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as z from 'zod';
import { alive } from './data-lock.ts';
import { KEY_FILE } from './dev-auth.ts';

export const RUNNING_FILE = 'runtime.json';

export const Running = z.object({
  url: z.string(),
  pid: z.number().int(),
  dataDir: z.string(),
  /** The key development tokens are signed with. */
  signingKey: z.string(),
  /** Sent by operator commands (backup) to the running system; as secret as the folder. */
  operatorKey: z.string(),
});
export type Running = z.infer<typeof Running>;

/** Writes the data folder's note of this running system; returns what removes it. */
export function announceRunning(
  dataDir: string,
  url: string,
  operatorKey: string,
): { running: Running; remove: () => void } {
  const running: Running = { url, pid: process.pid, dataDir, signingKey: join(dataDir, KEY_FILE), operatorKey };
  const file = join(dataDir, RUNNING_FILE);
  writeFileSync(file, `${JSON.stringify(running, null, 2)}\n`, { mode: 0o600 });
  return { running, remove: () => rmSync(file, { force: true }) };
}

/** The note in `dataDir` of a system still running there, if any. */
export function runningIn(dataDir: string): Running | undefined {
  const file = join(dataDir, RUNNING_FILE);
  if (!existsSync(file)) return undefined;
  const parsed = Running.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  return parsed.success && alive(parsed.data.pid) ? parsed.data : undefined;
}

/** Where the helpers look: DATA_DIR (default .data), then the system answering at PORT (default 3000). */
export function lookedAt(env: NodeJS.ProcessEnv = process.env): { dataDir: string; url: string } {
  return {
    dataDir: resolve(env.DATA_DIR || '.data'),
    url: env.THREE_ZEROS_URL || `http://127.0.0.1:${env.PORT || '3000'}`,
  };
}

/** The running system the environment points at, or undefined. */
export async function findRunning(env: NodeJS.ProcessEnv = process.env): Promise<Running | undefined> {
  const { dataDir, url } = lookedAt(env);
  const here = runningIn(dataDir);
  if (here) return here;
  // Started with another DATA_DIR: the system at the port says which (to this machine only).
  try {
    const res = await fetch(`${url}/_local/runtime`, { signal: AbortSignal.timeout(2_000) });
    if (!res.ok) return undefined;
    const { dataDir: theirs } = (await res.json()) as { dataDir?: string };
    return theirs ? runningIn(theirs) : undefined;
  } catch {
    return undefined;
  }
}

/** What to tell someone whose helper found no running system. */
export function nothingRunning(env: NodeJS.ProcessEnv = process.env): string {
  const { dataDir, url } = lookedAt(env);
  return `No Three Zeros is running where this command looked (data folder ${dataDir}, ${url}).
Start it with npm start in another terminal, or run this command with the DATA_DIR or PORT
you started it with, e.g. DATA_DIR=/srv/three-zeros npm run -s token -- …`;
}
