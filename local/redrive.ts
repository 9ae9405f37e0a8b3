// Executions of the embedded runner live in memory. On start, every clearance the store says is
// still under way (running, or waiting for an officer) is started again from stored state; the
// steps are idempotent, and a review still open gets a fresh task token.
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { StoredCall } from '#calls/store.ts';
import { CLEARANCE_WORKFLOWS } from '#clearance/workflows.ts';
import { clearanceExecutionName } from '#clearance/submit.ts';
import { documentClient, tableName } from '#shared/aws.ts';
import type { LocalStepFunctions } from './workflows/runner.ts';

const UNDER_WAY = new Set(['RUNNING', 'IN_REVIEW']);

export async function redriveClearances(sfn: LocalStepFunctions, arns: Record<string, string>): Promise<number> {
  let started = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    // A scan is fine here: one machine's store, once per start.
    const page = await documentClient().send(
      new ScanCommand({
        TableName: tableName(),
        FilterExpression: 'sk = :call',
        ExpressionAttributeValues: { ':call': 'CALL' },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const call of (page.Items ?? []) as StoredCall[]) {
      for (const [kind, workflow] of Object.entries(CLEARANCE_WORKFLOWS) as [
        keyof typeof CLEARANCE_WORKFLOWS,
        string,
      ][]) {
        const clearance = call[kind];
        if (!clearance || !UNDER_WAY.has(clearance.state) || !arns[workflow]) continue;
        const round = clearance.round ?? 0;
        sfn.startExecution(
          arns[workflow],
          clearanceExecutionName(kind, call.callId, clearance.version, round),
          JSON.stringify({ callId: call.callId, version: clearance.version, round }),
        );
        started += 1;
      }
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return started;
}
