// What a function's bundle carries, built as infra builds it: the large reference tables go only
// where they are used. The UN/LOCODE list (80 KB) and the MID table (14 KB) are in no bundle:
// infra puts them beside each one, and a bundle that checks a port or an MMSI reads them from there
// on first use. The transliteration table (185 KB) is for screening names against the watch list
// (the screening steps have modules of their own) and for what moves people. Every other function
// loads neither at its cold start.
import { execFileSync, execSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { routeList } from '#functions/routes.ts';
import { schedules } from '#functions/schedules.ts';
import { workflows } from '#workflows/index.ts';
import { besideBundle, bundleOptions } from '#infra/bundling.ts';
import { locodeEdition } from '#reference/un-locode.ts';
import { PROJECT_ROOT } from '#infra/constructs/service-function.ts';
import { functionsOf } from '../support/declared-rights.ts';

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

const BESIDE_THE_BUNDLE = /functions\/reference\/un-locode\.json$|mmsi-country-lookup/;
const TRANSLITERATION = /node_modules\/transliteration\//;

describe('the UN/LOCODE list and the MID table beside a bundle', () => {
  it.each(['createCall', 'putArrival', 'putDeparture', 'portOverview', 'health', 'postGangwayEvents'])(
    'is not carried in %s',
    async (name) => {
      expect((await bundledFiles(name)).filter((f) => BESIDE_THE_BUNDLE.test(f))).toEqual([]);
    },
  );

  it('is read from where infra puts it, the first time a port code or an MMSI is checked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bundle-'));
    // A bundle of the port code's schema and the MID lookup alone, run from a folder of its own, as on Lambda.
    await build({
      ...bundleOptions(''),
      entryPoints: [],
      stdin: {
        contents:
          "import { UnLocode } from '#shared/port-code.ts';\n" +
          "import { midOf } from '#reference/mid.ts';\n" +
          "const ports = ['CNTXG', 'CNTXH'].map((c) => UnLocode.safeParse(c).error?.issues[0]?.message ?? 'ok');\n" +
          "console.log(JSON.stringify([...ports, midOf('477123456')?.country ?? 'none']));",
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
    expect(JSON.parse(run())).toEqual(['ok', `CNTXH is not in UN/LOCODE (${locodeEdition()})`, 'HK']);
  });
});

describe('the transliteration table in a bundle', () => {
  it.each([
    'recordShipDeparture',
    'listWatchList',
    'arrival-clearance/ScreenPersonsFunction',
    'departure-clearance/ScreenSignOnsFunction',
  ])('is in %s, which screens or moves people', async (name) => {
    expect((await bundledFiles(name)).some((f) => TRANSLITERATION.test(f))).toBe(true);
  });

  it.each([
    'createCall',
    'listCalls',
    'getCall',
    'cancelCall',
    'arrival-clearance/AssessRiskFunction',
    'departure-clearance/CheckOpenAlertsFunction',
  ])('is not in %s', async (name) => {
    expect((await bundledFiles(name)).filter((f) => TRANSLITERATION.test(f))).toEqual([]);
  });
});
