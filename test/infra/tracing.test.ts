// SDK-call tracing is the deployment's choice: by default no bundle carries the X-Ray SDK and no
// function loads it; `-c traceSdkCalls=true` tells every function to (the tracer's install beside
// the bundle is CDK's `nodeModules`, not run here: bundling is skipped).
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { bundleOptions, TRACE_SDK_CALLS } from '#infra/bundling.ts';
import { PROJECT_ROOT, ServiceFunction } from '#infra/constructs/service-function.ts';

function functionEnvironment(context: Record<string, unknown>) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [], ...context } });
  const stack = new Stack(app, 'Tracing', { env: { account: '123456789012', region: 'ap-southeast-1' } });
  new ServiceFunction(stack, 'Health', { module: 'platform/health.ts', handler: 'health', description: 'health' });
  const [fn] = Object.values(Template.fromStack(stack).findResources('AWS::Lambda::Function'));
  return { tracing: fn!.Properties.TracingConfig, variables: fn!.Properties.Environment.Variables };
}

describe('tracing of SDK calls', () => {
  it('is off by default: Lambda active tracing only, and no TRACE_SDK_CALLS for the tracer to see', () => {
    const { tracing, variables } = functionEnvironment({});
    expect(tracing).toEqual({ Mode: 'Active' });
    expect(variables.TRACE_SDK_CALLS).toBeUndefined();
  });

  it('is on for a function built with the project defaults when the deployment passes the context flag', () => {
    const { tracing, variables } = functionEnvironment({ [TRACE_SDK_CALLS]: 'true' });
    expect(tracing).toEqual({ Mode: 'Active' });
    expect(variables.TRACE_SDK_CALLS).toBe('true');
  });

  it('leaves the tracer and the X-Ray SDK out of the bundle, as infra builds it', async () => {
    const result = await build({
      ...bundleOptions(`${PROJECT_ROOT}functions/agents/api.ts`),
      write: false,
      metafile: true,
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((path) => path.includes('functions/agents/api.ts'))).toBe(true);
    expect(inputs.filter((path) => /aws-xray-sdk|powertools\/tracer|cls-hooked/.test(path))).toEqual([]);
  });
});
