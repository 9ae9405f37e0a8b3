// `npm run -s example -- call.json [--days 2]`: prints an example payload of examples/ with its dates
// made current, so the README's walk-throughs work whenever they are run.
import { parseArgs } from 'node:util';
import { currentExample } from './examples.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { days: { type: 'string', default: '2' } },
});
try {
  const [name] = positionals;
  if (!name) throw new Error('Say which example: call.json, arrival-declaration.json or gangway-event.json');
  process.stdout.write(`${JSON.stringify(currentExample(name, Number(values.days)), null, 2)}\n`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
