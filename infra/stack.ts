// The Three Zeros stack: it only wires the constructs; routes and workflows come from their
// registries, never from a second list kept here.
import { fileURLToPath } from 'node:url';
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { EventBus } from 'aws-cdk-lib/aws-events';
import type { Construct } from 'constructs';
import { routeList, type Route } from '../functions/routes.ts';
import { workflows as registry } from '../workflows/index.ts';
import type { WorkflowSpec } from '../workflows/registry.ts';
import { Api } from './constructs/http-api.ts';
import { ClearanceTable } from './constructs/clearance-table.ts';
import { Identity } from './constructs/identity.ts';
import { Workflows } from './constructs/workflows.ts';
import { AuditSigningKey } from './constructs/audit-key.ts';
import { DeviceKeySecret } from './constructs/device-key-secret.ts';
import { PageTokenSecret } from './constructs/page-token-secret.ts';
import { Schedules } from './constructs/schedules.ts';
import { Observability } from './constructs/observability.ts';
import { DashboardHosting } from './constructs/dashboard-hosting.ts';
import { schedules } from '../functions/schedules.ts';
import { WebhookDelivery } from './constructs/webhook-delivery.ts';

export interface ThreeZerosProps extends StackProps {
  routes?: readonly Route[];
  workflows?: readonly WorkflowSpec[];
  /** The dashboard's Vite build; `dashboard/dist` by default. */
  dashboardDir?: string;
  /** Prefix of the Cognito hosted sign-in domain; `three-zeros-<account>` by default. */
  signInDomainPrefix?: string;
}

export class ThreeZerosStack extends Stack {
  readonly data: ClearanceTable;
  readonly api: Api;
  readonly flows: Workflows;
  readonly observability: Observability;

  constructor(scope: Construct, id: string, props: ThreeZerosProps = {}) {
    super(scope, id, props);
    this.data = new ClearanceTable(this, 'Data');
    const bus = new EventBus(this, 'Events', { description: 'Three Zeros domain events' });
    const identity = new Identity(this, 'Identity');
    const dashboard = new DashboardHosting(this, 'Dashboard', {
      userPool: identity.userPool,
      dashboardDir: props.dashboardDir ?? fileURLToPath(new URL('../dashboard/dist/', import.meta.url)),
      signInDomainPrefix: props.signInDomainPrefix ?? `three-zeros-${this.account}`,
    });
    const shared = { EVENT_BUS_NAME: bus.eventBusName };
    const deviceKeySecret = new DeviceKeySecret(this, 'DeviceKeys', this.data.key);
    const pageTokenSecret = new PageTokenSecret(this, 'PageTokens', this.data.key);
    const auditKey = new AuditSigningKey(this, 'AuditKey');

    this.flows = new Workflows(this, 'Workflows', {
      specs: props.workflows ?? registry,
      data: this.data,
      bus,
      environment: shared,
    });
    const workflowArns = Object.fromEntries(
      [...this.flows.stateMachines].map(([name, machine]) => [name, machine.stateMachineArn]),
    );

    this.api = new Api(this, 'Api', {
      routes: props.routes ?? routeList,
      data: this.data,
      bus,
      userPool: identity.userPool,
      clients: [identity.client, dashboard.client],
      allowedOrigins: [dashboard.url],
      environment: { ...shared, WORKFLOW_ARNS: this.toJsonString(workflowArns), PUBLIC_BASE_URL: dashboard.url },
      deviceKeySecret: deviceKeySecret.secret,
      pageTokenSecret: pageTokenSecret.secret,
      auditKey,
    });
    dashboard.publish(this.api.httpApi.apiEndpoint);
    const timed = new Schedules(this, 'Schedules', {
      schedules,
      data: this.data,
      bus,
      environment: shared,
      auditKey,
    });
    const webhooks = new WebhookDelivery(this, 'Webhooks', { data: this.data, bus, environment: shared });
    this.observability = new Observability(this, 'Observability', {
      api: this.api.httpApi,
      functions: [
        ...this.api.functions.values(),
        ...this.flows.steps.values(),
        ...timed.functions.values(),
        webhooks.function,
      ],
      stateMachines: [...this.flows.stateMachines.values()],
      deadLetterQueues: [timed.deadLetters, webhooks.deadLetters],
      key: this.data.key,
    });
    // Each route gets exactly the workflow rights its table entry declares.
    for (const route of props.routes ?? routeList) {
      const fn = this.api.functions.get(route.name)!;
      for (const machine of this.flows.stateMachines.values()) {
        if (route.workflows?.includes('start')) machine.grantStartExecution(fn);
        if (route.workflows?.includes('answer')) machine.grantTaskResponse(fn);
      }
    }

    new CfnOutput(this, 'ApiUrl', { value: this.api.httpApi.apiEndpoint });
    new CfnOutput(this, 'UserPoolId', { value: identity.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: identity.client.userPoolClientId });
    new CfnOutput(this, 'DashboardUrl', { value: dashboard.url });
    new CfnOutput(this, 'DashboardClientId', { value: dashboard.client.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
  }
}
