// `npm run seed`: fills DATA_DIR with the demo port's day (see local/demo.ts), then stops; the next
// `npm start` shows it. Refuses while `npm start` holds the folder: use `npm start -- --demo` then.
import { DEMO_AGENTS, DEMO_PORT, seedDemo } from './demo.ts';
import { startRuntime } from './runtime.ts';
import { settingsFromEnv } from './settings.ts';

const settings = settingsFromEnv();
try {
  const runtime = await startRuntime({
    port: 0,
    dataDir: settings.DATA_DIR,
    tableName: settings.TABLE_NAME,
    rateLimit: false,
  });
  const started = Date.now();
  const result = await seedDemo(runtime);
  await runtime.stop();
  console.log(
    result.seeded
      ? `Seeded ${result.calls} calls at ${DEMO_PORT} (agents ${DEMO_AGENTS.join(', ')}) into ${settings.DATA_DIR} in ${((Date.now() - started) / 1000).toFixed(1)} s.`
      : `${DEMO_PORT} already has calls in ${settings.DATA_DIR}: nothing seeded.`,
  );
  process.exit(0);
} catch (error) {
  console.error(`Could not seed: ${(error as Error).message}`);
  process.exit(1);
}
