// A secret Secrets Manager generates (64 characters, encrypted with the data key), with the reason
// it is not rotated automatically acknowledged where it is made.
import { type RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Grant, type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { type ISecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';

export interface GeneratedSecretProps {
  key: IKey;
  description: string;
  removalPolicy: RemovalPolicy;
  /** Why no rotation Lambda (cdk-nag AwsSolutions-SMG4). */
  notRotatedBecause: string;
}

export function generatedSecret(scope: Construct, id: string, props: GeneratedSecretProps): Secret {
  const secret = new Secret(scope, id, {
    description: props.description,
    encryptionKey: props.key,
    generateSecretString: { passwordLength: 64, excludePunctuation: true },
    removalPolicy: props.removalPolicy,
  });
  Validations.of(secret).acknowledge({ id: 'AwsSolutions-SMG4', reason: props.notRotatedBecause });
  return secret;
}

/**
 * Lets `grantee` read the secret, through its own role only (the data key's policy trusts the
 * account's IAM). `Secret.grantRead` would also name the role in the key policy when the function
 * lives in another (nested) stack, and the key ↔ role references would make the stacks a cycle.
 */
export function grantSecretRead(secret: ISecret, key: IKey, grantee: IGrantable): void {
  Grant.addToPrincipal({
    grantee,
    actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
    resourceArns: [secret.secretArn],
  });
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      actions: ['kms:Decrypt'],
      resources: [key.keyArn],
      conditions: { StringEquals: { 'kms:ViaService': `secretsmanager.${Stack.of(secret).region}.amazonaws.com` } },
    }),
  );
}
