// The key page tokens are signed with (functions/shared/pagination.ts). Only the listing routes,
// those whose query takes a nextToken, may read it.
import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

export class PageTokenSecret extends Construct {
  readonly secret: Secret;

  constructor(scope: Construct, id: string, key: IKey) {
    super(scope, id);
    this.secret = new Secret(this, 'Secret', {
      description: 'Three Zeros: key that signs the page tokens of listings',
      encryptionKey: key,
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Validations.of(this.secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotating it only makes page tokens already handed out answer 400 (the client starts its listing again); it guards no data, so it is replaced by hand if ever exposed',
    });
  }
}
