// What a function's bundle carries, built as infra builds it: the large reference tables go only
// where they are used. The UN/LOCODE list (80 KB) is for payloads that name a port; the
// transliteration table (185 KB) is for screening names against the watch list (the screening
// steps have modules of their own) and for what moves people. Every other function loads neither
// at its cold start.
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { routeList } from '#functions/routes.ts';
import { workflows } from '#workflows/index.ts';
import { bundleOptions } from '#infra/bundling.ts';
import { PROJECT_ROOT } from '#infra/constructs/service-function.ts';

/** The module of a route, or of a workflow step (`arrival-clearance.screenPersons`). */
function moduleOf(name: string): string {
  const route = routeList.find((r) => r.name === name);
  const step = workflows
    .flatMap((w) => Object.values(w.steps).map((s) => ({ name: `${w.name}.${s.export}`, module: s.module })))
    .find((s) => s.name === name);
  const module = route?.module ?? step?.module;
  if (!module) throw new Error(`no route or step ${name}`);
  return module;
}

async function bundledFiles(name: string): Promise<string[]> {
  const result = await build({
    ...bundleOptions(`${PROJECT_ROOT}functions/${moduleOf(name)}`),
    write: false,
    metafile: true,
  });
  return Object.keys(result.metafile.inputs);
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
    'arrival-clearance.screenPersons',
    'departure-clearance.screenSignOns',
  ])('is in %s, which screens or moves people', async (name) => {
    expect((await bundledFiles(name)).some((f) => TRANSLITERATION.test(f))).toBe(true);
  });

  it.each([
    'createCall',
    'listCalls',
    'getCall',
    'cancelCall',
    'arrival-clearance.assessRisk',
    'departure-clearance.checkOpenAlerts',
  ])('is not in %s', async (name) => {
    expect((await bundledFiles(name)).filter((f) => TRANSLITERATION.test(f))).toEqual([]);
  });
});
