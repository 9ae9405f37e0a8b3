// The HTTP API, built from the route table: one function per route, Cognito JWT authoriser on
// every route that is not public, throttling and access logs on the stage. The routes' functions
// live in one nested stack per capability (the folder under functions/ their module is in): a
// function brings its role, policy, log group and invoke permission, and one stack of them all
// would pass CloudFormation's 500 resources per stack.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnStage,
  CorsHttpMethod,
  HttpApi,
  HttpAuthorizer,
  HttpAuthorizerType,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  type IHttpRouteAuthorizer,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { NestedStack, Stack, Validations } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { type Route, STAGE_THROTTLE, pagesOf, throttleOf } from '../../functions/routes.ts';
import type { AuditSigningKey } from './audit-key.ts';
import type { ClearanceTable } from './clearance-table.ts';
import { grantSecretRead } from './generated-secret.ts';
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
    // Made here, not by the first route that binds it: the routes live in the capabilities' stacks.
    const cognito = new HttpAuthorizer(this, 'Cognito', {
      httpApi: this.httpApi,
      type: HttpAuthorizerType.JWT,
      identitySource: ['$request.header.Authorization'],
      jwtIssuer: `https://cognito-idp.${region}.amazonaws.com/${props.userPool.userPoolId}`,
      jwtAudience: props.clients.map((c) => c.userPoolClientId),
    });
    const authorizer: IHttpRouteAuthorizer = {
      bind: () => ({ authorizerId: cognito.authorizerId, authorizationType: 'JWT' }),
    };
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
    const capabilities = new Map<string, NestedStack>();
    const capabilityOf = (route: Route): NestedStack => {
      const name = route.module.split('/')[0]!;
      let capability = capabilities.get(name);
      if (!capability) {
        capability = new NestedStack(this, `Routes-${name}`, { description: `Three Zeros: the ${name} routes` });
        capabilities.set(name, capability);
      }
      return capability;
    };
    for (const route of props.routes) {
      const fn = new ServiceFunction(capabilityOf(route), `Fn-${route.name}`, {
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
        grantSecretRead(props.deviceKeySecret, props.data.key, fn);
        fn.addEnvironment('DEVICE_KEY_SECRET_ARN', props.deviceKeySecret.secretArn);
      }
      if (pagesOf(route)) {
        grantSecretRead(props.pageTokenSecret, props.data.key, fn);
        fn.addEnvironment('PAGE_TOKEN_SECRET_ARN', props.pageTokenSecret.secretArn);
      }
      this.functions.set(route.name, fn);
      const signedByDevice = route.roles !== 'public' && route.roles.includes('device');

      // In the function's stack, so its integration and invoke permission are there too.
      const httpRoute = new HttpRoute(fn.stack, `Route-${route.name}`, {
        httpApi: this.httpApi,
        routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
        integration: new HttpLambdaIntegration(`Int-${route.name}`, fn),
        authorizer: route.roles === 'public' || signedByDevice ? new HttpNoneAuthorizer() : authorizer,
      });
      if (route.roles === 'public') {
        Validations.of(httpRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${route.path} is public by design: liveness, the API contract or permit verification, no personal data`,
        });
      }
      if (signedByDevice) {
        Validations.of(httpRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${route.path} is authenticated in the handler by the device's HMAC signature over the raw body, which an API Gateway authoriser cannot see`,
        });
      }
    }
  }
}
