// What every KMS key of the stack adds to its policy (Control Tower CT.KMS.PR.3): grants on the
// key may be made only by and for AWS services (DynamoDB, CloudWatch Logs…), never by a person.
import { AnyPrincipal, Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Key } from 'aws-cdk-lib/aws-kms';

export function limitGrantsToAwsServices(key: Key): Key {
  key.addToResourcePolicy(
    new PolicyStatement({
      effect: Effect.DENY,
      principals: [new AnyPrincipal()],
      actions: ['kms:CreateGrant'],
      resources: ['*'],
      conditions: { BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' } },
    }),
  );
  return key;
}
