// What every Lambda bundle leaves out, shared by infra and the cold-start benchmark (which must
// not load the CDK to know it).

/**
 * Left out of every bundle: the AWS SDK, which Lambda's Node.js runtime provides, and Powertools
 * Tracer, loaded only when SDK calls are traced (see functions/shared/tracer.ts).
 */
export const EXTERNAL_MODULES = ['@aws-sdk/*', '@aws-lambda-powertools/tracer'];

/** `-c traceSdkCalls=true`: an X-Ray subsegment for each SDK call, the tracer installed beside the bundle. */
export const TRACE_SDK_CALLS = 'traceSdkCalls';
