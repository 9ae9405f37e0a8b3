// Cold start: every Lambda bundle built as infra/ builds it (esbuild, ESM, minified, AWS SDK left
// to the runtime, the data infra puts beside it), its size, and the time a fresh node process takes
// to import it and handle one event — as a ratio to a fresh node process importing an empty module. Beside them, the same for a
// module that only loads and builds the DynamoDB clients every handler builds at init: what the SDK
// alone takes of the budget.
import { execSync, spawnSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { routeList } from '#functions/routes.ts';
import { schedules } from '#functions/schedules.ts';
import { workflows } from '#workflows/index.ts';
import { besideBundle, bundleOptions } from '#infra/bundling.ts';
import { round } from './stats.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT = `${ROOT}bench/.build/`;

interface Entry {
  name: string;
  module: string;
  handler: string;
  event: unknown;
}

function entries(): Entry[] {
  const httpEvent = {
    version: '2.0',
    rawPath: '/',
    headers: {},
    requestContext: { http: { method: 'GET' }, authorizer: { jwt: { claims: {} } } },
    isBase64Encoded: false,
  };
  return [
    ...routeList.map((r) => ({ name: r.name, module: r.module, handler: r.name, event: httpEvent })),
    ...workflows.flatMap((w) =>
      Object.values(w.steps).map((s) => ({
        name: `${w.name}.${s.export}`,
        module: s.module,
        handler: s.export,
        event: {},
      })),
    ),
    ...schedules.map((s) => ({ name: s.name, module: s.module, handler: s.export, event: {} })),
  ];
}

function timeNode(file: string, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [file], {
      env: {
        PATH: process.env.PATH,
        // As the Lambda runtime sets it (without TRACE_SDK_CALLS, as infra deploys by default).
        AWS_LAMBDA_FUNCTION_NAME: 'bench',
        TABLE_NAME: 'bench',
        AWS_REGION: 'us-east-1',
        DYNAMODB_ENDPOINT: 'http://127.0.0.1:9',
        LOG_LEVEL: 'SILENT',
        POWERTOOLS_LOG_LEVEL: 'SILENT',
      },
      stdio: 'ignore',
    });
    if (r.status !== 0) throw new Error(`${file} exited with ${r.status}`);
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

export async function coldStart(runs = 5) {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(`${OUT}empty.mjs`, 'export {};\n');
  const empty = timeNode(`${OUT}empty.mjs`, runs);
  writeFileSync(
    `${OUT}sdk-only.mjs`,
    "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\n" +
      "import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';\n" +
      "DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' }));\n",
  );
  const sdkOnly = timeNode(`${OUT}sdk-only.mjs`, runs);
  // What infra puts beside every bundle (the reference tables) and beside some (the contract's
  // document), so a bundle finds it as on Lambda; the bundles share a folder.
  const modules = new Set(entries().map((e) => e.module));
  const commands = [...modules].flatMap((m) => besideBundle(ROOT.replace(/\/$/, ''), OUT.replace(/\/$/, ''), [], m));
  for (const command of new Set(commands)) execSync(command);
  const results = [];
  for (const e of entries()) {
    const bundle = `${OUT}${e.name}.mjs`;
    await build({ ...bundleOptions(`${ROOT}functions/${e.module}`), outfile: bundle });
    const runner = `${OUT}${e.name}.run.mjs`;
    writeFileSync(
      runner,
      `import { ${e.handler} as handler } from './${e.name}.mjs';\n` +
        `const context = { functionName: 'bench', awsRequestId: 'cold', getRemainingTimeInMillis: () => 3000 };\n` +
        `await Promise.resolve(handler(${JSON.stringify(e.event)}, context)).catch(() => undefined);\n`,
    );
    const ms = timeNode(runner, runs);
    results.push({
      bundle: e.name,
      bytes: statSync(bundle).size,
      kb: round(statSync(bundle).size / 1024, 1),
      coldMs: round(ms, 1),
      ratioToEmpty: round(ms / empty, 2),
    });
  }
  return {
    emptyModuleMs: round(empty, 1),
    sdkOnly: { coldMs: round(sdkOnly, 1), ratioToEmpty: round(sdkOnly / empty, 2) },
    bundles: results,
  };
}
