// The state machines of the workflow registry: each definition file as written, its placeholders
// substituted with the ARNs of the step functions built for them.
import { readFileSync } from 'node:fs';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { WorkflowSpec } from '../../workflows/registry.ts';
import { TIMEOUT_SECONDS, taskGrants } from '../../functions/shared/grants.ts';
import type { ClearanceTable } from './clearance-table.ts';
import { logKeyOf } from './log-key.ts';
import { ServiceFunction } from './service-function.ts';

export interface WorkflowsProps {
  specs: readonly WorkflowSpec[];
  data: ClearanceTable;
  bus: IEventBus;
  environment: Record<string, string>;
}

export class Workflows extends Construct {
  readonly stateMachines = new Map<string, StateMachine>();
  readonly steps = new Map<string, ServiceFunction>();

  constructor(scope: Construct, id: string, props: WorkflowsProps) {
    super(scope, id);
    for (const spec of props.specs) {
      const substitutions: Record<string, string> = {};
      const functions: ServiceFunction[] = [];
      const answering: ServiceFunction[] = [];
      for (const [placeholder, ref] of Object.entries(spec.steps)) {
        const grants = taskGrants(ref);
        const fn = new ServiceFunction(this, `${spec.name}-${placeholder}`, {
          module: ref.module,
          handler: ref.export,
          description: `${spec.name}: ${placeholder}`,
          timeout: Duration.seconds(TIMEOUT_SECONDS.step),
          environment: props.environment,
        });
        fn.bindTable(props.data, grants.table);
        if (grants.events) props.bus.grantPutEventsTo(fn);
        if (grants.workflows.includes('answer')) answering.push(fn);
        substitutions[placeholder] = fn.functionArn;
        functions.push(fn);
        this.steps.set(`${spec.name}/${placeholder}`, fn);
      }
      const logs = new LogGroup(this, `${spec.name}-logs`, {
        logGroupName: `/aws/vendedlogs/states/three-zeros-${spec.name}`,
        retention: RetentionDays.ONE_YEAR,
        encryptionKey: logKeyOf(this),
        removalPolicy: RemovalPolicy.RETAIN,
      });
      const machine = new StateMachine(this, spec.name, {
        stateMachineType: StateMachineType.STANDARD,
        // Inlined, so the synthesised template carries the definition as written.
        definitionBody: DefinitionBody.fromString(readFileSync(spec.definitionPath, 'utf8')),
        definitionSubstitutions: substitutions,
        tracingEnabled: true,
        logs: { destination: logs, level: LogLevel.ALL, includeExecutionData: false },
      });
      // The unqualified ARNs only: the definitions never invoke a version or alias.
      machine.addToRolePolicy(
        new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: functions.map((fn) => fn.functionArn) }),
      );
      // The review step answers its own task when a decision arrived while it was being resumed.
      // A separate policy, not the functions' default one, avoids a machine ↔ function cycle.
      if (answering.length) {
        new Policy(this, `${spec.name}-answers`, {
          roles: answering.map((fn) => fn.role!),
          statements: [
            new PolicyStatement({
              actions: ['states:SendTaskSuccess', 'states:SendTaskFailure'],
              resources: [machine.stateMachineArn],
            }),
          ],
        });
      }
      Validations.of(machine.role).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'X-Ray tracing and CloudWatch Logs delivery actions support no resource-level permissions',
      });
      this.stateMachines.set(spec.name, machine);
    }
  }
}
