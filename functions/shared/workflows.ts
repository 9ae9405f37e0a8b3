// The small surface handlers use to drive workflows: Step Functions on AWS, the embedded runner
// behind the same API locally.
// The Step Functions client module is loaded on first use (see aws.ts).
const sdk = () => import('@aws-sdk/client-sfn');
import { stepFunctionsClient } from './aws.ts';
import { config } from './config.ts';
import { ConflictError } from './errors.ts';

export interface StartedExecution {
  executionArn: string;
}

export interface WorkflowClient {
  start(workflow: string, executionName: string, input: unknown): Promise<StartedExecution>;
  succeed(taskToken: string, output: unknown): Promise<void>;
  fail(taskToken: string, error: string, cause: string): Promise<void>;
}

function stateMachineArn(workflow: string): string {
  const arn = config().WORKFLOW_ARNS[workflow];
  if (!arn) throw new Error(`No state machine ARN configured for workflow "${workflow}"`);
  return arn;
}

/** Execution names allow 80 characters of [A-Za-z0-9-_]. */
export function executionName(...parts: (string | number)[]): string {
  return parts
    .join('-')
    .replace(/[^A-Za-z0-9_-]/g, '_')
    .slice(0, 80);
}

export const stepFunctions: WorkflowClient = {
  async start(workflow, name, input) {
    const arn = stateMachineArn(workflow);
    const { ExecutionAlreadyExists, StartExecutionCommand } = await sdk();
    try {
      // Step Functions answers a repeated name with the same input with the existing execution.
      const out = await (await stepFunctionsClient()).send(
        new StartExecutionCommand({ stateMachineArn: arn, name, input: JSON.stringify(input) }),
      );
      return { executionArn: out.executionArn! };
    } catch (error) {
      if (error instanceof ExecutionAlreadyExists) {
        throw new ConflictError(`Workflow ${workflow} already ran as ${name} with other input`);
      }
      throw error;
    }
  },
  async succeed(taskToken, output) {
    const { SendTaskSuccessCommand } = await sdk();
    try {
      await (await stepFunctionsClient()).send(
        new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }),
      );
    } catch (error) {
      throw await closedTask(error);
    }
  },
  async fail(taskToken, error, cause) {
    const { SendTaskFailureCommand } = await sdk();
    try {
      await (await stepFunctionsClient()).send(new SendTaskFailureCommand({ taskToken, error, cause }));
    } catch (err) {
      throw await closedTask(err);
    }
  },
};

async function closedTask(error: unknown): Promise<unknown> {
  const { TaskDoesNotExist, TaskTimedOut } = await sdk();
  if (error instanceof TaskDoesNotExist || error instanceof TaskTimedOut) {
    return new ConflictError('The workflow task is no longer waiting for an answer');
  }
  return error;
}
