// The README's walk-throughs run as written: each shell block of the "Walk-through" sections, in
// order, against a fresh system started as `npm start` starts it (in a data folder and on a port
// of its own), carrying its variables from block to block as one terminal would.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, type AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSystem, startProcess } from '../support/process.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'three-zeros-readme-'));
const state = join(work, 'state.sh');

/** The shell blocks of the walk-through sections, each with the heading it is under. */
function walkThroughBlocks(): { section: string; code: string }[] {
  const blocks: { section: string; code: string }[] = [];
  let section = '';
  for (const part of readFileSync(join(ROOT, 'README.md'), 'utf8').split(/^(## .*)$/m)) {
    if (part.startsWith('## ')) section = part.slice(3);
    else if (section.startsWith('Walk-through')) {
      for (const m of part.matchAll(/^```sh\n([\s\S]*?)^```$/gm)) blocks.push({ section, code: m[1]! });
    }
  }
  return blocks;
}
const blocks = walkThroughBlocks();
/** Variables the blocks set, carried to the next block as the same terminal would keep them. */
const names = [
  ...new Set(blocks.flatMap((b) => [...b.code.matchAll(/^\s*(?:export\s+)?([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!))),
];

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  await new Promise((ok) => server.close(ok));
  return port;
}

let system: RunningSystem;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  const dataDir = join(work, 'data');
  system = await startProcess({ DATA_DIR: dataDir });
  // As a newcomer's terminal: the same DATA_DIR and PORT, the API's address, Node on the PATH.
  env = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: new URL(system.url).port,
    API: system.url,
    // The webhook walk-through's receiver, on a port nobody else on this machine holds.
    HOOK_PORT: String(await freePort()),
    PATH: `${dirname(process.execPath)}:${process.env.PATH}`,
  };
  writeFileSync(state, '');
}, 30_000);
afterAll(async () => {
  system.child.kill('SIGTERM');
  await system.exited;
  rmSync(work, { recursive: true, force: true });
});

describe('the README walk-throughs', () => {
  it('has the six walk-throughs', () => {
    expect([...new Set(blocks.map((b) => b.section))]).toHaveLength(6);
  });

  it.each(blocks.map((b, i) => [i + 1, b.section, b] as const))(
    'block %i (%s) runs as written',
    async (_i, _section, block) => {
      const script = `set -euo pipefail
source ${JSON.stringify(state)}
${block.code}
{ ${names.map((n) => `[ -n "\${${n}+x}" ] && declare -p ${n}`).join('; ')}; } > ${JSON.stringify(state)} || true
`;
      const { stdout } = await promisify(execFile)('bash', ['-c', script], { cwd: ROOT, env, timeout: 40_000 });
      expect(stdout).not.toMatch(/"code":"INTERNAL|"status":5\d\d/);
      if (block.section.includes('a port call with curl')) {
        expect(stdout).toContain('"status":"DRAFT"');
        expect(stdout).toContain('"path":"vessel.imo"');
        expect(stdout).toContain('"status":"CANCELLED"');
      }
      if (block.section.includes('zero waiting')) {
        expect(stdout).toContain('"status":"VALID"');
        expect(stdout).toContain('"reviewId"');
      }
      if (block.section.includes('webhooks')) {
        // ReviewOpened here: the zero-waiting walk-through's watch-list entry sends this crew to an officer.
        expect(stdout).toMatch(/^msg_\w+ (ArrivalCleared|ReviewOpened) \{"callId":"C/m);
        expect(stdout).not.toMatch(/WATCH_LIST|reasons/);
        expect(stdout).toContain('"redelivery":true');
        expect(stdout).toMatch(/^404$/m);
        expect(stdout).toMatch(/^400$/m);
      }
      if (block.section.includes('zero contact')) expect(stdout).toContain('"rule":"NOT_ON_LIST"');
      if (block.section.includes('zero delay') && block.code.includes('/departed')) {
        expect(stdout).toContain('"status":"DEPARTED"');
        expect(stdout).toMatch(/rank,tied,agentId,/);
      }
    },
    45_000,
  );
});
