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
