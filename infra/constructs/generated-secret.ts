// A secret Secrets Manager generates (64 characters, encrypted with the data key), with the reason
// it is not rotated automatically acknowledged where it is made.
import { type RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
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
