// The CDK app, asserted on the properties that matter: every route has its function and
// authoriser, the table keeps data safe, workflow placeholders resolve, and cdk-nag is clean.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, NestedStack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { routeList } from '#functions/routes.ts';
import { placeholders, readDefinition, type WorkflowSpec } from '#workflows/registry.ts';
import { ThreeZerosStack } from '#infra/stack.ts';
import { wholeTemplate } from '../support/whole-template.ts';
import { workflows as registry } from '#workflows/index.ts';

// A workflow kept with the tests, bound to real step handlers, stands in until the clearance
// workflows are registered.
const drill: WorkflowSpec = {
  name: 'inspection-drill',
  definitionPath: fileURLToPath(new URL('../fixtures/inspection-drill.asl.json', import.meta.url)),
  steps: {
    ScreenPersonFunction: { module: 'platform/health.ts', export: 'health' },
    CheckVesselFunction: { module: 'platform/health.ts', export: 'health' },
    OpenReviewFunction: { module: 'platform/health.ts', export: 'health' },
  },
};

let stack: ThreeZerosStack;
let template: Template;

beforeAll(() => {
  // Skip esbuild bundling: the assertions are about the template.
  const app = new App({
    context: { 'aws:cdk:bundling-stacks': [], '@aws-cdk/core:validateAgainstDefaultRules': true },
  });
  // A stand-in for the dashboard's build: the assertions are about where it goes, not what it is.
  const dashboardDir = mkdtempSync(join(tmpdir(), 'dashboard-'));
  writeFileSync(join(dashboardDir, 'index.html'), '<!doctype html><title>Three Zeros</title>');
  stack = new ThreeZerosStack(app, 'Test', {
    workflows: [drill],
    dashboardDir,
    env: { account: '123456789012', region: 'ap-southeast-1' },
  });
  template = wholeTemplate(stack);
});

describe('HTTP API', () => {
  it('has one Node 24 ARM function per route, with tracing and a bounded timeout', () => {
    const functions = template.findResources('AWS::Lambda::Function', {
      Properties: { Handler: Match.anyValue(), Runtime: 'nodejs24.x' },
    });
    const handlers = Object.values(functions).map((f) => f.Properties.Handler as string);
    for (const route of routeList) expect(handlers).toContain(`index.${route.name}`);
    for (const fn of Object.values(functions)) {
      expect(fn.Properties).toMatchObject({ Architectures: ['arm64'], TracingConfig: { Mode: 'Active' } });
      expect(fn.Properties.Timeout).toBeLessThanOrEqual(60);
    }
  });

  it('puts the JWT authoriser on every route but the public ones', () => {
    const routes = template.findResources('AWS::ApiGatewayV2::Route');
    const byKey = new Map(Object.values(routes).map((r) => [r.Properties.RouteKey as string, r.Properties]));
    for (const route of routeList) {
      const props = byKey.get(`${route.method} ${route.path}`);
      expect(props, `${route.method} ${route.path}`).toBeDefined();
      // Devices sign their requests; the handler checks the HMAC over the raw body.
      if (route.roles === 'public' || route.roles.includes('device')) expect(props!.AuthorizationType).toBe('NONE');
      else expect(props!.AuthorizationType).toBe('JWT');
    }
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      // ID tokens of the agents' app client and of the dashboard's.
      JwtConfiguration: {
        Audience: [{ Ref: Match.stringLikeRegexp('UsersApi') }, { Ref: Match.stringLikeRegexp('UsersDashboard') }],
        Issuer: Match.anyValue(),
      },
    });
  });

  it('throttles and writes access logs on the stage', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: { ThrottlingRateLimit: 200, ThrottlingBurstLimit: 400 },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
    });
  });

  it('gives every route its own throttle under the stage limit: devices most, the public least', () => {
    const [stage] = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'));
    const settings = stage!.Properties.RouteSettings as Record<
      string,
      { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }
    >;
    expect(Object.keys(settings).sort()).toEqual(routeList.map((r) => `${r.method} ${r.path}`).sort());
    expect(settings['POST /v1/gangway/events']).toEqual({ ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 });
    expect(settings['GET /v1/permits/verify/{code}']).toEqual({ ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 });
    expect(settings['PUT /v1/calls/{callId}/arrival']).toEqual({ ThrottlingRateLimit: 25, ThrottlingBurstLimit: 50 });
    for (const s of Object.values(settings)) expect(s.ThrottlingRateLimit).toBeLessThanOrEqual(200);
  });

  it('gives GET handlers read-only access to the table, without wildcard actions', () => {
    const policies = Object.values(template.findResources('AWS::IAM::Policy'));
    const actions = policies.flatMap((p) =>
      (p.Properties.PolicyDocument.Statement as { Action: string | string[] }[]).flatMap((s) => s.Action),
    );
    expect(actions.filter((a) => a.startsWith('dynamodb:') && a.includes('*'))).toEqual([]);
    const getCallPolicy = policies.find((p) => JSON.stringify(p.Properties.Roles).includes('FngetCall'))!;
    const getActions = JSON.stringify(getCallPolicy.Properties.PolicyDocument);
    expect(getActions).toContain('dynamodb:Query');
    expect(getActions).not.toContain('dynamodb:PutItem');
  });
});

describe('gangway devices and timed jobs', () => {
  it('gives the spreadsheet import, which stores nothing, neither the table nor the bus', () => {
    const policies = Object.values(template.findResources('AWS::IAM::Policy'));
    const importPolicy = JSON.stringify(
      policies.filter((p) => JSON.stringify(p.Properties.Roles).includes('FnimportPersonsRole')),
    );
    expect(importPolicy).toContain('logs:PutLogEvents');
    expect(importPolicy).not.toMatch(/dynamodb:|events:PutEvents|kms:/);
  });

  const readersOf = (secret: string) =>
    Object.values(template.findResources('AWS::IAM::Policy'))
      .filter((p) => {
        const document = JSON.stringify(p.Properties.PolicyDocument);
        return document.includes('secretsmanager:GetSecretValue') && document.includes(secret);
      })
      .map((p) => JSON.stringify(p.Properties.Roles).match(/Fn(\w+?)Role/)?.[1])
      .sort();

  it('lets only the key-issuing and event routes read the device key secret', () => {
    expect(readersOf('DeviceKeysSecret')).toEqual(['createDevice', 'postGangwayEvents', 'rotateDeviceKey']);
  });

  it('lets only the listing routes read the key that signs page tokens', () => {
    expect(readersOf('PageTokensSecret')).toEqual(['listAlerts', 'listCalls', 'listReviews', 'listWatchList']);
  });

  it('signs the daily audit root with a KMS P-256 key only the hourly job and the supervisors’ publish route may sign with', () => {
    const keys = template.findResources('AWS::KMS::Key', {
      Properties: { KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' },
    });
    expect(Object.keys(keys)).toHaveLength(1);
    const [keyId] = Object.keys(keys);
    const policies = Object.values(template.findResources('AWS::IAM::Policy'));
    const statements = (action: string) =>
      policies.flatMap((p) =>
        (p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[])
          .filter((st) => [st.Action].flat().includes(action))
          .map((st) => ({ role: JSON.stringify(p.Properties.Roles), resource: st.Resource })),
      );
    const signers = statements('kms:Sign');
    const who = (st: { role: string }) => st.role.match(/Fn(\w+?)Role/)?.[1] ?? 'schedule';
    expect(signers.map(who).sort()).toEqual(['publishAuditRoot', 'schedule']);
    expect(signers.find((st) => who(st) === 'schedule')!.role).toMatch(/auditdailyroot/i);
    for (const st of signers) expect(st.resource).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
    const readers = statements('kms:GetPublicKey').map(who).sort();
    expect(readers).toEqual(['auditExport', 'auditKey', 'auditVerify', 'publishAuditRoot', 'schedule']);
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(1 hour)' });
  });

  it('runs the shore-leave sweep on a schedule with a dead-letter queue', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(5 minutes)',
      Targets: [
        Match.objectLike({ DeadLetterConfig: { Arn: Match.anyValue() }, RetryPolicy: { MaximumRetryAttempts: 2 } }),
      ],
    });
    // A run that was delivered and failed lands in the same queue, after Lambda's own retries.
    const [queue] = Object.keys(template.findResources('AWS::SQS::Queue'));
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queue, 'Arn'] } } },
    });
  });
});

describe('operations', () => {
  it('alarms on server errors, throttles, failed clearances, late reviews and dead letters, to one topic', () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
    const described = alarms.map((a) => a.Properties.AlarmDescription as string).join('\n');
    for (const what of ['server errors', 'throttled', 'execution failed', 'passed its deadline', 'dead-letter queue']) {
      expect(described).toContain(what);
    }
    for (const a of alarms) expect(a.Properties.AlarmActions).toHaveLength(1);
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
  });
});

describe('data and identity', () => {
  it('keeps the table on demand, recoverable, encrypted with its own key, with TTL', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      BillingMode: 'PAY_PER_REQUEST',
      TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
      Replicas: [
        Match.objectLike({
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          DeletionProtectionEnabled: true,
        }),
      ],
      GlobalSecondaryIndexes: Match.arrayWith([Match.objectLike({ IndexName: 'byPort' })]),
    });
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  it('has the three user groups and no self sign-up', () => {
    for (const group of ['agents', 'officers', 'supervisors']) {
      template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: group });
    }
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
    });
  });
});

describe('workflows', () => {
  it('substitutes every placeholder of each registered definition with a step function', () => {
    const machines = Object.values(template.findResources('AWS::StepFunctions::StateMachine'));
    expect(machines).toHaveLength(1);
    const machine = machines[0]!.Properties;
    expect(machine.StateMachineType).toBe('STANDARD');
    expect(Object.keys(machine.DefinitionSubstitutions).sort()).toEqual(placeholders(readDefinition(drill)).sort());
    for (const value of Object.values(machine.DefinitionSubstitutions)) {
      expect(value).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^Workflows/), 'Arn'] });
    }
    expect(machine.TracingConfiguration).toEqual({ Enabled: true });
  });

  it('lets the state machine invoke its step functions, and only the routes that need it drive workflows', () => {
    const policies = Object.values(template.findResources('AWS::IAM::Policy'));
    const policyOf = (route: string) =>
      JSON.stringify(
        policies.find((p) => JSON.stringify(p.Properties.Roles).includes(`Fn${route}Role`))!.Properties.PolicyDocument,
      );
    expect(JSON.stringify(policies)).toContain('lambda:InvokeFunction');
    expect(policyOf('putArrival')).toContain('states:StartExecution');
    expect(policyOf('decideReview')).toContain('states:SendTaskSuccess');
    expect(policyOf('decideReview')).not.toContain('states:StartExecution');
    expect(policyOf('getCall')).not.toContain('states:');
  });

  it('builds the registered clearance workflows with every placeholder bound', () => {
    const app = new App({
      context: { 'aws:cdk:bundling-stacks': [], '@aws-cdk/core:validateAgainstDefaultRules': true },
    });
    const real = Template.fromStack(
      new ThreeZerosStack(app, 'Real', { env: { account: '123456789012', region: 'ap-southeast-1' } }),
    );
    const machines = Object.values(real.findResources('AWS::StepFunctions::StateMachine'));
    expect(machines).toHaveLength(registry.length);
    for (const spec of registry) {
      const machine = machines.find((m) => JSON.stringify(m).includes(placeholders(readDefinition(spec))[0]!))!;
      expect(Object.keys(machine.Properties.DefinitionSubstitutions).sort()).toEqual(
        placeholders(readDefinition(spec)).sort(),
      );
    }
  });
});

describe('stack size', () => {
  it('keeps every stack of the real app well under CloudFormation’s 500 resources, the routes in their capabilities’ stacks', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const real = new ThreeZerosStack(app, 'Sized', { env: { account: '123456789012', region: 'ap-southeast-1' } });
    const stacks = [real, ...real.node.findAll().filter(NestedStack.isNestedStack)];
    const sizes = Object.fromEntries(
      stacks.map((s) => [s.node.path, Object.keys(Template.fromStack(s).toJSON().Resources).length]),
    );
    // Room for the routes and steps to come: a stack at 400 is one capability away from the limit.
    for (const [path, size] of Object.entries(sizes)) expect(size, path).toBeLessThan(400);
    const routeStacks = Object.keys(sizes).filter((p) => p.includes('/Routes-'));
    expect(routeStacks).toHaveLength(new Set(routeList.map((r) => r.module.split('/')[0])).size);
    // A capability's routes (route, integration, permission, function, role, policy, log group) are in its stack.
    expect(Template.fromStack(real).findResources('AWS::ApiGatewayV2::Route')).toEqual({});
  });
});

describe('dashboard hosting', () => {
  it('keeps the site bucket private, reachable only by CloudFront through an origin access control', () => {
    const buckets = template.findResources('AWS::S3::Bucket');
    for (const bucket of Object.values(buckets)) {
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
    }
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https' }),
        Logging: Match.objectLike({ Bucket: Match.anyValue() }),
      }),
    });
  });

  it('signs officers in with the authorisation code flow, back to the distribution', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      GenerateSecret: false,
      CallbackURLs: [
        {
          'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [Match.stringLikeRegexp('DashboardCdn'), 'DomainName'] }, '/']],
        },
      ],
    });
    // The hosted sign-in page, on a prefix of this account unless the deployment names one.
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'three-zeros-123456789012' });
  });

  it('lets only the dashboard call the API from a browser', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({
        AllowOrigins: [
          { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [Match.stringLikeRegexp('DashboardCdn'), 'DomainName'] }]] },
        ],
      }),
    });
  });

  it('publishes the build with a config.json naming this API and this sign-in', () => {
    const [deployment] = Object.values(template.findResources('Custom::CDKBucketDeployment'));
    const markers = JSON.stringify(stack.resolve(deployment!.Properties.SourceMarkers));
    expect(markers).toMatch(/HttpApi/);
    expect(markers).toMatch(/UsersDashboard/);
    expect(deployment!.Properties.DistributionPaths).toEqual(['/index.html', '/config.json']);
  });
});

describe('printed permits', () => {
  it("points a printed permit's QR code at the dashboard's distribution", () => {
    const [fn] = Object.values(
      template.findResources('AWS::Lambda::Function', { Properties: { Handler: 'index.getPermitPdf' } }),
    );
    expect(JSON.stringify(fn!.Properties.Environment.Variables.PUBLIC_BASE_URL)).toMatch(
      /^\{"Fn::Join":\["",\["https:\/\/",\{"Fn::GetAtt":\["DashboardCdn\w+","DomainName"\]\}\]\]\}$/,
    );
  });

  it("answers the public permit check's page with the app's index.html", () => {
    const [viewerFunction] = Object.values(template.findResources('AWS::CloudFront::Function'));
    expect(viewerFunction!.Properties.FunctionCode).toMatch(/'\/verify\/'.*'\/index\.html'/);
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: Match.objectLike({
          FunctionAssociations: [{ EventType: 'viewer-request', FunctionARN: Match.anyValue() }],
        }),
      }),
    });
  });
});

describe('cdk-nag', () => {
  it.each([
    ['AwsSolutions', () => new AwsSolutionsChecks()],
    ['Serverless', () => new ServerlessChecks()],
  ])('finds nothing unacknowledged in the %s pack', (_name, pack) => {
    const report = pack().validateScope(stack);
    const findings = report.violations.flatMap((v) =>
      v.violatingResources.map((r) => `${v.ruleName} ${r.constructPath ?? r.resourceLogicalId}`),
    );
    expect(findings).toEqual([]);
  });
});
