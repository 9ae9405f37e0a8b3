// One Lambda function with the project's defaults baked in: Node 24 on ARM64, ESM bundle built by
// the local esbuild, tracing, bounded timeout, its own log group and a role that grants only what
// `bindTable` and the stack add.
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { TABLE } from '../../functions/shared/table.ts';
import { BUNDLE, besideBundle, EXTERNAL_MODULES, TRACE_SDK_CALLS } from '../bundling.ts';
import type { ClearanceTable } from './clearance-table.ts';
import { logKeyOf } from './log-key.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

const READ = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'];
const WRITE = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

export interface ServiceFunctionProps {
  /** Module under functions/, e.g. `calls/api.ts`. */
  module: string;
  /** Exported handler name. */
  handler: string;
  description: string;
  timeout?: Duration;
  memorySize?: number;
  environment?: Record<string, string>;
  /** Files under node_modules read at run time (a font), copied to the same path beside the bundle. */
  files?: readonly string[];
}

export class ServiceFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: ServiceFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: RetentionDays.ONE_YEAR,
      encryptionKey: logKeyOf(scope),
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Our own role instead of AWSLambdaBasicExecutionRole: logs go to this function's group only.
    const role = new Role(scope, `${id}Role`, { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    role.addToPolicy(
      new PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logGroup.logGroupArn],
      }),
    );
    const traceSdkCalls = String(scope.node.tryGetContext(TRACE_SDK_CALLS)) === 'true';
    super(scope, id, {
      role,
      entry: `${PROJECT_ROOT}functions/${props.module}`,
      handler: props.handler,
      description: props.description,
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: `${PROJECT_ROOT}package-lock.json`,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: Tracing.ACTIVE,
      loggingFormat: LoggingFormat.JSON,
      logGroup,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: 'three-zeros',
        ...(traceSdkCalls && { TRACE_SDK_CALLS: 'true' }),
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        target: BUNDLE.target,
        minify: BUNDLE.minify,
        sourceMap: true,
        mainFields: BUNDLE.mainFields,
        externalModules: EXTERNAL_MODULES,
        // Installed from the lock file beside the bundle, where the tracer's dynamic import finds it.
        ...(traceSdkCalls && { nodeModules: ['@aws-lambda-powertools/tracer'] }),
        banner: BUNDLE.banner,
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir: string, outputDir: string) =>
            besideBundle(inputDir, outputDir, props.files, props.module),
        },
      },
    });
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'X-Ray PutTraceSegments/PutTelemetryRecords support no resource-level permissions',
    });
    Validations.of(this).acknowledge({
      id: 'Serverless-LambdaDLQ',
      reason:
        'Invoked synchronously only (API Gateway, Step Functions): errors return to the caller or the state machine Catch; a DLQ applies to asynchronous invocations',
    });
  }

  /**
   * Least privilege on the table: the named actions on the table and each of its indexes (no
   * wildcard), the key for exactly those, and the table's name in the environment.
   */
  bindTable(data: ClearanceTable, access: 'RO' | 'RW'): this {
    const { table, key } = data;
    const indexArns = TABLE.indexes.map((index) =>
      Stack.of(this).formatArn({
        service: 'dynamodb',
        resource: 'table',
        resourceName: `${table.tableName}/index/${index.name}`,
      }),
    );
    this.addToRolePolicy(
      new PolicyStatement({
        actions: access === 'RO' ? READ : [...READ, ...WRITE],
        resources: [table.tableArn, ...indexArns],
      }),
    );
    this.addToRolePolicy(
      new PolicyStatement({
        actions:
          access === 'RO'
            ? ['kms:Decrypt', 'kms:DescribeKey']
            : ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'],
        resources: [key.keyArn],
      }),
    );
    this.addEnvironment('TABLE_NAME', table.tableName);
    return this;
  }
}
