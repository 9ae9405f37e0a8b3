// How every Lambda bundle is built and what it leaves out, shared by infra, the cold-start
// benchmark (which must not load the CDK to know it) and the bundle tests.
import type { BuildOptions } from 'esbuild';

/**
 * Left out of every bundle: the AWS SDK, which Lambda's Node.js runtime provides, and Powertools
 * Tracer, loaded only when SDK calls are traced (see functions/shared/tracer.ts).
 */
export const EXTERNAL_MODULES = ['@aws-sdk/*', '@aws-lambda-powertools/tracer'];

/** `-c traceSdkCalls=true`: an X-Ray subsegment for each SDK call, the tracer installed beside the bundle. */
export const TRACE_SDK_CALLS = 'traceSdkCalls';

/** ESM bundles of CommonJS dependencies still call require(). */
export const REQUIRE_BANNER =
  "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

/** esbuild's settings for a function's bundle, as infra's NodejsFunction passes them (without its source map). */
export function bundleOptions(entryPoint: string): BuildOptions {
  return {
    entryPoints: [entryPoint],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    minify: true,
    mainFields: ['module', 'main'],
    external: EXTERNAL_MODULES,
    banner: { js: REQUIRE_BANNER },
    logLevel: 'silent',
  };
}
