// The key page tokens are signed with (functions/shared/pagination.ts). Only the listing routes,
// those whose query takes a nextToken, may read it.
import { RemovalPolicy } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { generatedSecret } from './generated-secret.ts';

export class PageTokenSecret extends Construct {
  readonly secret: Secret;

  constructor(scope: Construct, id: string, key: IKey) {
    super(scope, id);
    this.secret = generatedSecret(this, 'Secret', {
      key,
      description: 'Three Zeros: key that signs the page tokens of listings',
      removalPolicy: RemovalPolicy.DESTROY,
      notRotatedBecause:
        'Rotating it only makes page tokens already handed out answer 400 (the client starts its listing again); it guards no data, so it is replaced by hand if ever exposed',
    });
  }
}
