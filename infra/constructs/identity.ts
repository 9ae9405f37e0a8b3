// Who may sign in: a Cognito user pool with the three groups and the claims the handlers read.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  ClientAttributes,
  CfnUserPoolGroup,
  FeaturePlan,
  Mfa,
  StringAttribute,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { GROUP_OF_ROLE } from '../../functions/shared/auth.ts';

export class Identity extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.userPool = new UserPool(this, 'Users', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      featurePlan: FeaturePlan.PLUS,
      passwordPolicy: {
        minLength: 12,
        requireDigits: true,
        requireLowercase: true,
        requireUppercase: true,
        requireSymbols: true,
      },
      // Set by administrators only: which agency an agent works for, which port an officer serves.
      customAttributes: {
        agent_id: new StringAttribute({ mutable: true, maxLen: 40 }),
        port: new StringAttribute({ mutable: true, minLen: 5, maxLen: 5 }),
      },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const [role, group] of Object.entries(GROUP_OF_ROLE)) {
      new CfnUserPoolGroup(this, `Group-${role}`, {
        userPoolId: this.userPool.userPoolId,
        groupName: group,
        description: `Three Zeros ${role}s`,
      });
    }
    this.client = this.userPool.addClient('Api', {
      authFlows: { userSrp: true },
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(1),
      preventUserExistenceErrors: true,
      // Users may not change the attributes that scope what they can see.
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
    });
  }
}
