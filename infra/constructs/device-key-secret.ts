// The secret every gangway device key is derived from. Only the routes that issue or check device
// keys may read it; it never leaves AWS.
import { RemovalPolicy } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { generatedSecret } from './generated-secret.ts';

export class DeviceKeySecret extends Construct {
  readonly secret: Secret;

  constructor(scope: Construct, id: string, key: IKey) {
    super(scope, id);
    this.secret = generatedSecret(this, 'Secret', {
      key,
      description: 'Three Zeros: master secret from which gangway device keys are derived',
      removalPolicy: RemovalPolicy.RETAIN,
      notRotatedBecause:
        'Rotating the master secret would invalidate every device key at once; keys are rotated per device through POST /v1/devices/{id}/rotate-key with a grace period',
    });
  }
}
