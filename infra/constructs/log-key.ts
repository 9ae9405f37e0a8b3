// One KMS key for every log group of the stack (Control Tower CT.CLOUDWATCH.PR.3): logs carry ids
// and codes only, but they are the operators' record and stay encrypted with a key the account owns.
import { Stack } from 'aws-cdk-lib';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import { limitGrantsToAwsServices } from './key-policy.ts';

const ID = 'LogKey';

/** The app stack's log key, created on first use: one for the nested stacks too. */
export function logKeyOf(scope: Construct): Key {
  let stack = Stack.of(scope);
  while (stack.nestedStackParent) stack = stack.nestedStackParent;
  const existing = stack.node.tryFindChild(ID);
  if (existing) return existing as Key;
  const key = new Key(stack, ID, { description: 'Three Zeros: CloudWatch Logs encryption', enableKeyRotation: true });
  // CloudWatch Logs uses the key for this account's log groups only.
  key.grantEncryptDecrypt(
    new ServicePrincipal(`logs.${stack.region}.amazonaws.com`, {
      conditions: {
        ArnLike: {
          'kms:EncryptionContext:aws:logs:arn': `arn:${stack.partition}:logs:${stack.region}:${stack.account}:*`,
        },
      },
    }),
  );
  return limitGrantsToAwsServices(key);
}
