// The helper commands find the running system the way a newcomer starts it (their own data folder
// and port), and say what to do when none runs instead of failing with a stack trace.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestSystem, startTestSystem } from '../support/runtime.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'three-zeros-helpers-'));
const dataDir = join(work, 'somewhere');
let sys: TestSystem;
beforeAll(async () => {
  sys = await startTestSystem({ dataDir });
});
afterAll(async () => {
  await sys.stop();
  rmSync(work, { recursive: true, force: true });
});

const helper = (script: string, args: string[], env: Record<string, string>) =>
  promisify(execFile)(process.execPath, [script, ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: '', PORT: '', THREE_ZEROS_URL: '', ...env },
  });

/** A port nothing listens on. */
async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  await new Promise((ok) => server.close(ok));
  return String(port);
}

const agentToken = ['--role', 'agent', '--agent-id', 'ACME-SHIPPING'];

describe('npm run token', () => {
  it('signs with the key of the system running on DATA_DIR', async () => {
    const { stdout } = await helper('local/token.ts', agentToken, { DATA_DIR: dataDir });
    expect((await sys.request('GET', '/v1/calls', { token: stdout.trim() })).status).toBe(200);
  });

  it('finds the key of the system running at PORT, whatever data folder it was started with', async () => {
    const { stdout } = await helper('local/token.ts', agentToken, {
      DATA_DIR: join(work, 'empty'),
      PORT: new URL(sys.url).port,
    });
    expect((await sys.request('GET', '/v1/calls', { token: stdout.trim() })).status).toBe(200);
  });

  it('says how to start or point at the system when none runs', async () => {
    const failed = await helper('local/token.ts', agentToken, {
      DATA_DIR: join(work, 'nothing'),
      PORT: await closedPort(),
    }).catch((e: { code: number; stderr: string; stdout: string }) => e);
    expect(failed).toMatchObject({ code: 2, stdout: '' });
    expect((failed as { stderr: string }).stderr).toContain('No Three Zeros is running');
    expect((failed as { stderr: string }).stderr).toContain('npm start');
  });
});

describe('npm run device', () => {
  const post = ['post', '--device', 'D01', '--key', 'k', '--call', 'C01', '--person', 'C01'];

  it('posts to the system running at PORT', async () => {
    const failed = await helper('local/device.ts', post, { PORT: new URL(sys.url).port }).catch(
      (e: { stdout: string }) => e,
    );
    // An unknown device is refused by the system itself: it was found and asked.
    expect((failed as { stdout: string }).stdout, JSON.stringify(failed)).toContain('"status":401');
  });

  it('says what to do, not a raw ECONNREFUSED stack, when nothing answers', async () => {
    const failed = (await helper(
      'local/device.ts',
      [...post, '--url', `http://127.0.0.1:${await closedPort()}`],
      {},
    ).catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain('Nothing answers at');
    expect(failed.stderr).not.toMatch(/\n\s+at /);
  });
});
