// Policy as code on the synthesised template: AWS Control Tower's guard rules find nothing that is
// not acknowledged with its reason, and every function is granted what its entry declares.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { beforeAll, describe, expect, it } from 'vitest';
import { routeList } from '#functions/routes.ts';
import { TIMEOUT_SECONDS, routeGrants } from '#shared/grants.ts';
import {
  ControlTowerGuard,
  GUARD_ACKNOWLEDGEMENTS,
  type Violation,
  acknowledgementOf,
  policyValidation,
  unacknowledged,
} from '#infra/policy-as-code.ts';
import { ThreeZerosStack } from '#infra/stack.ts';
import { workflows } from '#workflows/index.ts';
import { wholeTemplate } from '../support/whole-template.ts';

let template: Template;
let findings: Violation[];

beforeAll(() => {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const dashboardDir = mkdtempSync(join(tmpdir(), 'dashboard-'));
  writeFileSync(join(dashboardDir, 'index.html'), '<!doctype html><title>Three Zeros</title>');
  const stack = new ThreeZerosStack(app, 'Policy', {
    dashboardDir,
    env: { account: '123456789012', region: 'ap-southeast-1' },
  });
  template = wholeTemplate(stack);
  const templatePath = app.synth().getStackByName('Policy').templateFullPath;
  // cfn-guard runs the 200-odd rules in a few seconds on an idle machine; once for all tests.
  findings = new ControlTowerGuard().findings({ templatePaths: [templatePath] } as never);
}, 180_000);

describe('Control Tower guard rules', () => {
  it('find nothing on the stack that is not acknowledged', () => {
    expect(findings.length).toBeGreaterThan(0);
    const open = unacknowledged(findings);
    expect(open.map((v) => `${v.ruleName}: ${v.violatingResources.map((r) => r.resourceLogicalId)}`)).toEqual([]);
  });

  it('have each acknowledgement give its reason and cover a finding on the stack', () => {
    for (const ack of GUARD_ACKNOWLEDGEMENTS) {
      expect(ack.reason.length, ack.rule).toBeGreaterThan(30);
      const covered = findings.some(
        (f) =>
          f.ruleName === ack.rule &&
          f.violatingResources.some((r) => acknowledgementOf(f.ruleName, r.resourceLogicalId) === ack),
      );
      expect(covered, `${ack.rule} ${ack.resources} acknowledges nothing`).toBe(true);
    }
  });

  it('fail the synth of a resource that breaks a rule', () => {
    // Prepare: a log group without a KMS key (CT.CLOUDWATCH.PR.3), in an app set up as infra/app.ts is.
    const app = new App();
    Validations.of(app).addPlugins(...policyValidation());
    new LogGroup(new Stack(app, 'Careless'), 'Plain');
    // Act + Assess
    expect(() => app.synth()).toThrow(/CT\.CLOUDWATCH\.PR\.3/);
  }, 180_000);
});

describe('grants', () => {
  const policies = () => Object.values(template.findResources('AWS::IAM::Policy'));
  /** Every statement of every policy attached to the role whose logical id starts with `prefix`. */
  const statementsOf = (prefix: string): { Action: string | string[]; Resource: unknown }[] =>
    policies()
      .filter((p) => JSON.stringify(p.Properties.Roles).includes(`"${prefix}`))
      .flatMap((p) => p.Properties.PolicyDocument.Statement);
  const actionsOf = (prefix: string) => statementsOf(prefix).flatMap((s) => s.Action);
  const readsDeviceKeys = (prefix: string) =>
    statementsOf(prefix).some(
      (s) =>
        [s.Action].flat().includes('secretsmanager:GetSecretValue') &&
        JSON.stringify(s.Resource).includes('DeviceKeys'),
    );

  it('give each route exactly the rights its table entry declares', () => {
    for (const route of routeList) {
      const grants = routeGrants(route);
      // In the route's capability stack, whose logical ids start at the function.
      const actions = actionsOf(`Fn${route.name}Role`);
      expect(actions.includes('events:PutEvents'), `${route.name} events`).toBe(grants.events);
      expect(readsDeviceKeys(`Fn${route.name}Role`), `${route.name} deviceKeys`).toBe(grants.deviceKeys);
      expect(actions.includes('dynamodb:PutItem'), `${route.name} writes`).toBe(
        grants.table === 'RW' && !route.stateless,
      );
      expect(actions.includes('states:StartExecution'), `${route.name} start`).toBe(grants.workflows.includes('start'));
      expect(actions.includes('states:SendTaskSuccess'), `${route.name} answer`).toBe(
        grants.workflows.includes('answer'),
      );
    }
  });

  it('let only the review steps answer workflow tasks', () => {
    for (const spec of workflows) {
      for (const [placeholder, step] of Object.entries(spec.steps)) {
        const actions = actionsOf(`Workflows${spec.name.replace(/-/g, '')}${placeholder}Role`);
        expect(actions.includes('states:SendTaskSuccess'), placeholder).toBe(
          step.workflows?.includes('answer') ?? false,
        );
        expect(actions.includes('events:PutEvents'), placeholder).toBe(step.events ?? false);
      }
    }
  });
});

describe('what API Gateway would answer by itself', () => {
  it('sends every request no route matches to the $default function, which answers the 404 envelope', () => {
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route'));
    const fallback = routes.find((r) => r.Properties.RouteKey === '$default');
    expect(fallback?.Properties.AuthorizationType).toBe('NONE');
    const integrations = template.findResources('AWS::ApiGatewayV2::Integration');
    const target = JSON.stringify(integrations[fallback!.Properties.Target['Fn::Join'][1][1].Ref]);
    const functions = template.findResources('AWS::Lambda::Function', { Properties: { Handler: 'index.notFound' } });
    expect(Object.keys(functions)).toHaveLength(1);
    expect(target).toContain(Object.keys(functions)[0]);
  });
});

describe('Lambda timeouts', () => {
  it('come from the one table the embedded runtime enforces too', () => {
    const functions = Object.values(template.findResources('AWS::Lambda::Function'));
    const timeoutOf = (handler: string, description: RegExp) =>
      functions.find((f) => f.Properties.Handler === `index.${handler}` && description.test(f.Properties.Description))
        ?.Properties.Timeout;
    for (const route of routeList)
      expect(timeoutOf(route.name, /^(GET|POST|PUT|DELETE) /), route.name).toBe(TIMEOUT_SECONDS.route);
    expect(timeoutOf('loadDeclaration', /^arrival-clearance/)).toBe(TIMEOUT_SECONDS.step);
    expect(timeoutOf('shoreLeaveSweep', /^every/)).toBe(TIMEOUT_SECONDS.schedule);
  });
});
