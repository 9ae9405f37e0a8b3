// `npm run -s token -- --role agent --agent-id ACME-SHIPPING`: prints a development JWT that the
// embedded gateway accepts (same claims as Cognito would issue), signed with the key of the system
// running on DATA_DIR or at PORT (see running.ts).
import { parseArgs } from 'node:util';
import { JwtRole } from '#shared/auth.ts';
import { devIdentity } from './dev-auth.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { KEY_FILE } from './dev-auth.ts';
import { findRunning, lookedAt, nothingRunning } from './running.ts';

const { values } = parseArgs({
  options: {
    role: { type: 'string' },
    'agent-id': { type: 'string' },
    port: { type: 'string' },
    sub: { type: 'string' },
    ttl: { type: 'string', default: '43200' },
    help: { type: 'boolean', short: 'h' },
  },
});

const usage = `Usage: npm run -s token -- --role agent --agent-id ACME-SHIPPING
       npm run -s token -- --role officer --port CNTXG
       npm run -s token -- --role supervisor --port CNTXG
Options: --sub <id> (default derived from the role), --ttl <seconds> (default 43200)`;

const role = JwtRole.safeParse(values.role);
if (values.help || !role.success) {
  console.error(values.help ? usage : `--role must be agent, officer or supervisor\n${usage}`);
  process.exit(values.help ? 0 : 2);
}

const running = await findRunning();
const dataDir = running?.dataDir ?? lookedAt().dataDir;
if (!running) {
  // A key without a system may be one a later npm start trusts; no key at all is a token nobody will.
  if (!existsSync(join(dataDir, KEY_FILE))) {
    console.error(nothingRunning());
    process.exit(2);
  }
  console.error(`(No system is running on ${dataDir} now: the token is signed with the key kept there.)`);
}

try {
  const identity = await devIdentity(dataDir);
  const token = await identity.mint({
    role: role.data,
    agentId: values['agent-id'],
    port: values.port,
    sub: values.sub,
    ttlSeconds: Number(values.ttl),
  });
  process.stdout.write(`${token}\n`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
