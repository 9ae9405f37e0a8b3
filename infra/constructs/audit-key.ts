// The key the daily audit roots are signed with: a KMS asymmetric key (ECC_NIST_P256,
// ECDSA_SHA_256) whose private half never leaves KMS. The scheduled job that publishes the roots
// may sign; the routes that hand out the public key may read it; nothing else touches it.
import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

export class AuditSigningKey extends Construct {
  readonly key: Key;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.key = new Key(this, 'Key', {
      description: 'Three Zeros: signs the daily Merkle root of the audit chains',
      keySpec: KeySpec.ECC_NIST_P256,
      keyUsage: KeyUsage.SIGN_VERIFY,
      // Published roots are verified with this key for years: it is never deleted with the stack.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.key).acknowledge({
      id: 'AwsSolutions-KMS5',
      reason: 'KMS does not rotate asymmetric keys; a new key would need a new published public key',
    });
  }

  /** Lets `fn` sign (`sign`) or only read the public key (`read`), and tells it which key. */
  bind(fn: IGrantable & Pick<LambdaFunction, 'addEnvironment'>, mode: 'sign' | 'read'): void {
    // The function's role only (the key policy trusts the account's IAM): `Key.grant` would also
    // name a role of another (nested) stack in the key policy, a dependency cycle between stacks.
    Grant.addToPrincipal({
      grantee: fn,
      actions: mode === 'sign' ? ['kms:Sign', 'kms:GetPublicKey'] : ['kms:GetPublicKey'],
      resourceArns: [this.key.keyArn],
    });
    fn.addEnvironment('AUDIT_KMS_KEY_ID', this.key.keyArn);
  }
}
