// `npm run device -- <post|batch|replay> …`: a gangway terminal on the command line. It signs and
// posts events exactly as a real device would, for demos and load.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { postSigned, scan } from './device-client.ts';
import { findRunning, nothingRunning } from './running.ts';

const usage = `Usage:
  npm run device -- post   --call <callId> --person C02 --direction DISEMBARK [--method FACE|CARD] [--score 0.97] [--liveness true|false]
  npm run device -- batch  --call <callId> --persons C01,C02,C03 --direction BOARD
  npm run device -- replay --file buffered.json        (a JSON array of events, sent in batches of 100)
Device: --device <deviceId> --key <key> (or DEVICE_ID / DEVICE_KEY); server: --url (or THREE_ZEROS_URL; by default the system running on DATA_DIR or at PORT, as npm start was given)`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    device: { type: 'string', default: process.env.DEVICE_ID },
    key: { type: 'string', default: process.env.DEVICE_KEY },
    url: { type: 'string', default: process.env.THREE_ZEROS_URL },
    call: { type: 'string' },
    person: { type: 'string' },
    persons: { type: 'string' },
    direction: { type: 'string', default: 'DISEMBARK' },
    method: { type: 'string', default: 'FACE' },
    score: { type: 'string' },
    liveness: { type: 'string' },
    file: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

function fail(message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}

const [command] = positionals;
if (values.help || !command) fail('Say what to do: post, batch or replay');
if (!values.device || !values.key) fail('Give the device id and key (--device, --key)');
const device = { deviceId: values.device, key: values.key };
const direction =
  values.direction === 'BOARD'
    ? 'BOARD'
    : values.direction === 'DISEMBARK'
      ? 'DISEMBARK'
      : fail('--direction is BOARD or DISEMBARK');
const method = values.method === 'CARD' ? 'CARD' : 'FACE';
const common = {
  direction,
  method,
  ...(values.score !== undefined && { matchScore: Number(values.score) }),
  ...(values.liveness !== undefined && { livenessPassed: values.liveness !== 'false' }),
} as const;

let batches: unknown[];
switch (command) {
  case 'post':
    if (!values.call || !values.person) fail('post needs --call and --person');
    batches = [scan({ callId: values.call, personRef: values.person, ...common })];
    break;
  case 'batch':
    if (!values.call || !values.persons) fail('batch needs --call and --persons');
    batches = [
      {
        events: values.persons
          .split(',')
          .map((ref) => scan({ callId: values.call!, personRef: ref.trim(), ...common })),
      },
    ];
    break;
  case 'replay': {
    if (!values.file) fail('replay needs --file');
    const events = JSON.parse(readFileSync(values.file, 'utf8')) as unknown[];
    if (!Array.isArray(events)) fail('the file must hold a JSON array of events');
    batches = [];
    for (let i = 0; i < events.length; i += 100) batches.push({ events: events.slice(i, i + 100) });
    break;
  }
  default:
    fail(`Unknown command ${command}`);
}

const url = values.url || (await findRunning())?.url;
if (!url) {
  console.error(nothingRunning());
  process.exit(2);
}
let failed = false;
for (const payload of batches) {
  const res = await postSigned(url, device, payload).catch((error: Error & { cause?: { code?: string } }) => {
    console.error(
      `Nothing answers at ${url} (${error.cause?.code ?? error.message}): is npm start running there? Give --url, or the DATA_DIR or PORT it runs with.`,
    );
    process.exit(2);
  });
  console.log(JSON.stringify({ status: res.status, ...res.body }));
  if (res.status >= 400) failed = true;
}
process.exit(failed ? 1 : 0);
