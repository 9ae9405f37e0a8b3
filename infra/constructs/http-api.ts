// The HTTP API, built from the route table: one function per route, Cognito JWT authoriser on
// every route that is not public, throttling and access logs on the stage.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnStage,
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { Stack, Validations } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { type Route, STAGE_THROTTLE, pagesOf, throttleOf } from '../../functions/routes.ts';
import type { AuditSigningKey } from './audit-key.ts';
import type { ClearanceTable } from './clearance-table.ts';
import { ServiceFunction } from './service-function.ts';

export interface ApiProps {
  routes: readonly Route[];
  data: ClearanceTable;
  bus: IEventBus;
  userPool: UserPool;
  /** App clients whose ID tokens the API accepts (the API's own and the dashboard's). */
  clients: UserPoolClient[];
  /** Web origins allowed by CORS: the dashboard's. */
  allowedOrigins: string[];
  /** Environment every function gets (workflow ARNs, bus name…). */
  environment: Record<string, string>;
  /** The secret device keys are derived from, for the routes that declare `deviceKeys`. */
  deviceKeySecret: ISecret;
  /** The key page tokens are signed with, for the routes that list (see `pagesOf`). */
  pageTokenSecret: ISecret;
  /** The audit signing key, for the routes that declare `auditKey`. */
  auditKey: AuditSigningKey;
}

export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly functions = new Map<string, ServiceFunction>();

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const region = Stack.of(this).region;
    const authorizer = new HttpJwtAuthorizer(
      'Cognito',
      `https://cognito-idp.${region}.amazonaws.com/${props.userPool.userPoolId}`,
      { jwtAudience: props.clients.map((c) => c.userPoolClientId) },
    );

    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'Three Zeros border clearance API',
      createDefaultStage: false,
      corsPreflight: {
        // Browsers: the dashboard only. Agents' systems and devices call server to server.
        allowOrigins: props.allowedOrigins,
        allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.PUT, CorsHttpMethod.DELETE],
        allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'accept-language'],
        maxAge: Duration.hours(1),
      },
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: STAGE_THROTTLE.rate, burstLimit: STAGE_THROTTLE.burst },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latency: '$context.responseLatency',
            sourceIp: '$context.identity.sourceIp',
            authorizerError: '$context.authorizer.error',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });

    // Each route its own limit under the stage's, so one busy route cannot starve the others
    // (a JSON map: written as CloudFormation spells it).
    (stage.node.defaultChild as CfnStage).routeSettings = Object.fromEntries(
      props.routes.map((route) => {
        const { rate, burst } = throttleOf(route);
        return [`${route.method} ${route.path}`, { ThrottlingRateLimit: rate, ThrottlingBurstLimit: burst }];
      }),
    );
    for (const route of props.routes) {
      const fn = new ServiceFunction(this, `Fn-${route.name}`, {
        module: route.module,
        handler: route.name,
        description: `${route.method} ${route.path}: ${route.summary}`,
        environment: props.environment,
        ...(route.files && { files: route.files }),
      });
      // Reads only for GET; writes announce themselves on the bus.
      if (!route.stateless) {
        fn.bindTable(props.data, route.method === 'GET' ? 'RO' : 'RW');
        if (route.method !== 'GET') props.bus.grantPutEventsTo(fn);
      }
      if (route.auditKey) props.auditKey.bind(fn, route.auditKey);
      if (route.deviceKeys) {
        props.deviceKeySecret.grantRead(fn);
        fn.addEnvironment('DEVICE_KEY_SECRET_ARN', props.deviceKeySecret.secretArn);
      }
      if (pagesOf(route)) {
        props.pageTokenSecret.grantRead(fn);
        fn.addEnvironment('PAGE_TOKEN_SECRET_ARN', props.pageTokenSecret.secretArn);
      }
      this.functions.set(route.name, fn);
      const signedByDevice = route.roles !== 'public' && route.roles.includes('device');

      const [httpRoute] = this.httpApi.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(`Int-${route.name}`, fn),
        authorizer: route.roles === 'public' || signedByDevice ? new HttpNoneAuthorizer() : authorizer,
      });
      if (route.roles === 'public') {
        Validations.of(httpRoute!).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${route.path} is public by design: liveness, the API contract or permit verification, no personal data`,
        });
      }
      if (signedByDevice) {
        Validations.of(httpRoute!).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${route.path} is authenticated in the handler by the device's HMAC signature over the raw body, which an API Gateway authoriser cannot see`,
        });
      }
    }
  }
}
