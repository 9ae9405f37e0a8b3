// `npm run dead-letters`: the scheduled runs that failed after Lambda's two retries, kept in the
// data folder of the embedded runtime (on AWS: the Schedules dead-letter queue, see docs/operations.md).
import { settingsFromEnv } from './settings.ts';
import { readDeadLetters } from './scheduled-jobs.ts';

const settings = settingsFromEnv();
if (settings.STORE === 'memory') {
  console.log('STORE=memory keeps dead letters in memory only: nothing to read from another process.');
  process.exit(0);
}
const letters = readDeadLetters(settings.DATA_DIR);
if (!letters.length) {
  console.log(`No dead letters in ${settings.DATA_DIR}: every scheduled run succeeded, at the latest on a retry.`);
} else {
  console.log(`${letters.length} scheduled run(s) failed after ${letters[0]!.approximateInvokeCount} attempts:`);
  for (const l of letters) console.log(`${l.time}  ${l.job}  ${l.errorType}: ${l.errorMessage}`);
}
