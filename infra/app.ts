// The CDK app: `npx cdk synth` / `npx cdk deploy`. cdk-nag's AwsSolutions and Serverless packs
// and AWS Control Tower's guard rules check every synth.
import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { policyValidation } from './policy-as-code.ts';
import { ThreeZerosStack } from './stack.ts';

const app = new App();
const stack = new ThreeZerosStack(app, app.node.tryGetContext('stackName') ?? 'ThreeZeros', {
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  // `-c signInDomainPrefix=tianjin-border`: the hosted sign-in's domain (globally unique).
  signInDomainPrefix: app.node.tryGetContext('signInDomainPrefix'),
});
Tags.of(stack).add('project', 'three-zeros');
Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app), ...policyValidation());
