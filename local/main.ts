// `npm start`: the whole system on this machine, no AWS account needed.
import { parseArgs } from 'node:util';
import { DEMO_PORT, seedDemo } from './demo.ts';
import { type Runtime, startRuntime } from './runtime.ts';
import { type Settings, settingsFromEnv } from './settings.ts';

// `--demo`: fill the demo port with a realistic day when it has no calls yet (see local/demo.ts).
const { values: flags } = parseArgs({ options: { demo: { type: 'boolean', default: false } } });
const started = Date.now();
let settings: Settings;
let runtime: Runtime;
try {
  settings = settingsFromEnv();
  runtime = await startRuntime({
    port: settings.PORT,
    host: settings.HOST,
    dataDir: settings.STORE === 'memory' ? undefined : settings.DATA_DIR,
    tableName: settings.TABLE_NAME,
    maxBodyBytes: settings.MAX_BODY_BYTES,
    rateLimit: settings.RATE_LIMIT_PER_SECOND > 0 && {
      perSecond: settings.RATE_LIMIT_PER_SECOND,
      burst: settings.RATE_LIMIT_BURST,
    },
    ...(settings.PUBLIC_BASE_URL && { publicBaseUrl: settings.PUBLIC_BASE_URL }),
  });
} catch (error) {
  const e = error as NodeJS.ErrnoException;
  console.error(
    e.code === 'EADDRINUSE' ? 'The port is in use: stop the other server or set PORT' : `Could not start: ${e.message}`,
  );
  process.exit(1);
}

console.log(`Three Zeros is running at ${runtime.url} (ready in ${Date.now() - started} ms)
  data:      ${settings.STORE === 'memory' ? 'in memory (lost on exit)' : settings.DATA_DIR}${
    runtime.redriven
      ? `
  resumed:   ${runtime.redriven} clearances that were under way`
      : ''
  }
  contract:  ${runtime.url}/openapi.json
  a token:   npm run -s token -- --role agent --agent-id ACME-SHIPPING
             npm run -s token -- --role officer --port CNTXG
Press Ctrl-C to stop.`);

if (flags.demo) {
  try {
    const demo = await seedDemo(runtime);
    console.log(
      demo.seeded
        ? `Demo: ${demo.calls} calls at ${DEMO_PORT} seeded. Open ${runtime.url}/ and sign in as an officer of ${DEMO_PORT}.`
        : `Demo: ${DEMO_PORT} already has calls; nothing seeded.`,
    );
  } catch (error) {
    console.error(`Demo data could not be seeded: ${(error as Error).message}`);
  }
}

let exiting = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (exiting) process.exit(1);
    exiting = true;
    console.log(`\n${signal}: stopping…`);
    runtime.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Stopped with an error:', error);
        process.exit(1);
      },
    );
  });
}
