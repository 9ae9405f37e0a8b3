// What a function's bundle carries, built as infra builds it: the large reference tables go only
// where they are used. The UN/LOCODE list (80 KB) is for payloads that name a port; the
// transliteration table (185 KB) is for screening names against the watch list (the screening
// steps have modules of their own) and for what moves people. Every other function loads neither
// at its cold start.
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { routeList } from '#functions/routes.ts';
import { schedules } from '#functions/schedules.ts';
import { workflows } from '#workflows/index.ts';
import { bundleOptions } from '#infra/bundling.ts';
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

const LOCODE_LIST = /functions\/reference\/un-locode\.json$/;
const TRANSLITERATION = /node_modules\/transliteration\//;

describe('the UN/LOCODE list in a bundle', () => {
  it.each(['createCall', 'putArrival', 'putDeparture', 'portOverview'])(
    'is in %s, which checks a port code',
    async (name) => {
      expect((await bundledFiles(name)).some((f) => LOCODE_LIST.test(f))).toBe(true);
    },
  );

  it.each([
    'health',
    'listReviews',
    'listAlerts',
    'getDevices',
    'listWebhooks',
    'auditRoot',
    'postGangwayEvents',
    'listPersons',
  ])('is not in %s, which reads no port code', async (name) => {
    expect((await bundledFiles(name)).filter((f) => LOCODE_LIST.test(f))).toEqual([]);
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
