// The officers' dashboard on AWS: the Vite build in a private S3 bucket, served by CloudFront
// through an origin access control, and a Cognito app client for its sign-in (authorisation code
// with PKCE on the user pool's hosted sign-in page). The dashboard reads `config.json` beside its
// files to find the API and the sign-in; the API allows this origin, and only this one, by CORS.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Duration, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import {
  AllowedMethods,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  Function as ViewerFunction,
  Distribution,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import {
  OAuthScope,
  type UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
} from 'aws-cdk-lib/aws-cognito';
import { BlockPublicAccess, Bucket, BucketEncryption, type CfnBucket, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import type { DashboardConfig } from '../../dashboard/src/config.ts';

/** A value as cdk-nag prints it: itself when known at synth, else the pseudo-parameter's name. */
const known = (value: string, pseudo: string) => (Token.isUnresolved(value) ? pseudo : value);

export interface DashboardHostingProps {
  userPool: UserPool;
  /** The Vite build (`npm run build:dashboard`). */
  dashboardDir: string;
  /** Prefix of the hosted sign-in domain (`<prefix>.auth.<region>.amazoncognito.com`); globally unique. */
  signInDomainPrefix: string;
}

export class DashboardHosting extends Construct {
  readonly distribution: Distribution;
  readonly client: UserPoolClient;
  /** `https://<distribution>`: where officers open the dashboard. */
  readonly url: string;
  private readonly bucket: Bucket;
  private readonly signInDomain: string;
  private readonly dashboardDir: string;
  private readonly userPoolId: string;

  constructor(scope: Construct, id: string, props: DashboardHostingProps) {
    super(scope, id);
    if (!existsSync(join(props.dashboardDir, 'index.html'))) {
      throw new Error(`${props.dashboardDir} has no build of the dashboard: run npm run build:dashboard first`);
    }
    this.dashboardDir = props.dashboardDir;
    this.userPoolId = props.userPool.userPoolId;
    const logs = new Bucket(this, 'Logs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront standard logging writes with ACLs.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(logs).acknowledge({ id: 'AwsSolutions-S1', reason: 'this is the access-log bucket itself' });
    this.bucket = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'site/',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.distribution = new Distribution(this, 'Cdn', {
      comment: 'Three Zeros officers dashboard',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        responseHeadersPolicy: ResponseHeadersPolicy.SECURITY_HEADERS,
        compress: true,
        // The public permit check (a printed permit's QR code) is a page of the app: its index.html.
        functionAssociations: [
          {
            eventType: FunctionEventType.VIEWER_REQUEST,
            function: new ViewerFunction(this, 'AppPages', {
              runtime: FunctionRuntime.JS_2_0,
              code: FunctionCode.fromInline(
                "function handler(event) { var r = event.request; if (r.uri.indexOf('/verify/') === 0) r.uri = '/index.html'; return r; }",
              ),
            }),
          },
        ],
      },
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_ALL,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cdn/',
    });
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason: 'officers sign in from wherever their port is; access is by Cognito sign-in, not by country',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'the site is static files; a WAF web ACL for CloudFront lives in us-east-1 and is attached per port (docs/operations.md)',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          "the default *.cloudfront.net certificate; a port's own domain and certificate (TLS 1.2+) is set per deployment",
      },
    );
    this.url = `https://${this.distribution.distributionDomainName}`;

    const region = Stack.of(this).region;
    props.userPool.addDomain('SignIn', { cognitoDomain: { domainPrefix: props.signInDomainPrefix } });
    this.signInDomain = `https://${props.signInDomainPrefix}.auth.${region}.amazoncognito.com`;
    this.client = props.userPool.addClient('Dashboard', {
      generateSecret: false,
      authFlows: {},
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [`${this.url}/`],
        logoutUrls: [`${this.url}/`],
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      preventUserExistenceErrors: true,
    });
  }

  /** Uploads the build and its `config.json`, once the API's address is known. */
  publish(apiUrl: string): BucketDeployment {
    const stack = Stack.of(this);
    const config: DashboardConfig = {
      apiUrl,
      live: 'poll',
      auth: {
        kind: 'cognito',
        authority: `https://cognito-idp.${stack.region}.amazonaws.com/${this.userPoolId}`,
        clientId: this.client.userPoolClientId,
        signInDomain: this.signInDomain,
      },
    };
    const deployment = new BucketDeployment(this, 'Publish', {
      destinationBucket: this.bucket,
      sources: [Source.asset(this.dashboardDir), Source.jsonData('config.json', config)],
      distribution: this.distribution,
      distributionPaths: ['/index.html', '/config.json'],
      memoryLimit: 512,
    });
    // The copying function is aws-cdk-lib's own, shared by the stack, and runs only while
    // CloudFormation deploys; its grants are the library's (the asset bucket and the site bucket).
    const copier = stack.node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
    if (copier) {
      const why = "aws-cdk-lib's BucketDeployment handler, run by CloudFormation at deploy time only";
      Validations.of(copier).acknowledge(
        ...[
          'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
          'AwsSolutions-IAM5[Action::s3:GetObject*]',
          'AwsSolutions-IAM5[Action::s3:GetBucket*]',
          'AwsSolutions-IAM5[Action::s3:List*]',
          'AwsSolutions-IAM5[Action::s3:DeleteObject*]',
          'AwsSolutions-IAM5[Action::s3:Abort*]',
          'AwsSolutions-IAM5[Resource::*]',
          `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-${known(stack.account, '<AWS::AccountId>')}-${known(stack.region, '<AWS::Region>')}/*]`,
          `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(this.bucket.node.defaultChild as CfnBucket)}.Arn>/*]`,
          'AwsSolutions-L1',
          'Serverless-LambdaDLQ',
          'Serverless-LambdaLatestVersion',
          'Serverless-LambdaTracing',
        ].map((id) => ({ id, reason: why })),
      );
    }
    return deployment;
  }
}
