// AWS Control Tower's proactive controls, run on every synth by CDK's policy-validation plugin
// (cfn-guard ships inside @cdklabs/cdk-validator-cfnguard: nothing is downloaded). A finding fails
// the synth unless it is acknowledged below, for named resources, with the reason it stands.
import type {
  IPolicyValidationContextBeta1,
  IPolicyValidationPluginBeta1,
  PolicyValidationPluginReportBeta1,
} from 'aws-cdk-lib';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';
import { routeList } from '../functions/routes.ts';
import { inlineNestedStacks } from './whole-template.ts';

export interface GuardAcknowledgement {
  /** The guard rule's name, e.g. `lambda_inside_vpc_check`. */
  rule: string;
  /** Logical ids of the resources it holds for. */
  resources: RegExp;
  reason: string;
}

const DASHBOARD_BUCKETS = /^Dashboard(Site|Logs)/;

/** The routes without the JWT authoriser (in their capabilities' stacks): public, or device-signed. */
const UNAUTHORISED_ROUTES = new RegExp(
  `^(Route(${routeList
    .filter((r) => r.roles === 'public' || r.roles.includes('device'))
    .map((r) => r.name)
    .join('|')})|DefaultRoute)[0-9A-F]{8}$`,
);

export const GUARD_ACKNOWLEDGEMENTS: readonly GuardAcknowledgement[] = [
  {
    rule: 'api_gw_v2_authorization_type_configured_check',
    resources: UNAUTHORISED_ROUTES,
    reason:
      'Public by design (liveness, the contract, permit verification, the $default route that answers 404), or signed by the device with an HMAC over the raw body, which an API Gateway authoriser cannot see; the handler verifies it',
  },
  {
    rule: 'lambda_function_public_access_prohibited_check',
    resources: /Permission/,
    reason:
      "Each permission names API Gateway or EventBridge and a SourceArn of this stack's API or rule; the rule reads SourceArn only as a string or Fn::GetAtt, and CDK builds it with Fn::Join",
  },
  {
    rule: 'lambda_inside_vpc_check',
    resources: /./,
    reason:
      'The functions reach only AWS service endpoints (DynamoDB, Step Functions, EventBridge, Secrets Manager) and no private network resource; a VPC would add NAT or endpoint cost and cold-start time for no isolation gained',
  },
  ...[
    'cloudfront_origin_failover_enabled_check',
    'cloudfront_custom_ssl_certificate_check',
    'cloudfront_sni_enabled_check',
    'cloudfront_security_policy_check',
  ].map((rule) => ({
    rule,
    resources: /^DashboardCdn/,
    reason:
      'The dashboard is served on its *.cloudfront.net name with CloudFront’s own certificate (no custom domain, so no custom certificate, SNI setting or TLS policy of ours applies); one S3 origin, whose only failover would be a second copy of the same static build',
  })),
  ...[
    's3_bucket_default_encryption_kms_check',
    's3_bucket_versioning_enabled_check',
    's3_version_lifecycle_policy_check',
    's3_event_notifications_enabled_check',
    's3_lifecycle_policy_check',
    's3_bucket_object_lock_enabled_check',
  ].map((rule) => ({
    rule,
    resources: DASHBOARD_BUCKETS,
    reason:
      'The dashboard buckets hold the static build (redeployed whole from the repository on every deploy) and CloudFront’s access logs: no personal data, encrypted with S3-managed keys, nothing to version, lock or notify about',
  })),
  {
    rule: 's3_bucket_logging_enabled_check',
    resources: /^DashboardLogs/,
    reason: 'This bucket is itself the access-log bucket; logging it to itself would loop',
  },
  {
    rule: 's3_bucket_acl_prohibited_check',
    resources: /^DashboardLogs/,
    reason: 'CloudFront standard logging writes through the log-delivery ACL; the bucket blocks all public access',
  },
  {
    rule: 'sqs_dlq_check',
    resources: /^(Schedules|Webhooks)DeadLetters/,
    reason: 'This queue is itself the dead-letter queue of the scheduled jobs, or of the webhook deliveries',
  },
];

export type Violation = PolicyValidationPluginReportBeta1['violations'][number];

/** The acknowledgement that covers a finding on a resource, if any. */
export function acknowledgementOf(rule: string, logicalId: string): GuardAcknowledgement | undefined {
  return GUARD_ACKNOWLEDGEMENTS.find((a) => a.rule === rule && a.resources.test(logicalId));
}

/** The Control Tower rules, with the acknowledged findings taken out of the report. */
export class ControlTowerGuard implements IPolicyValidationPluginBeta1 {
  readonly name = 'control-tower-guard';
  readonly #guard = new CfnGuardValidator();

  /**
   * Every finding, acknowledged or not. Each app stack is checked as one template with its nested
   * stacks inlined: cfn-guard's report parser fails on a nested template alone (references to
   * its parameters), and inlined, a resource is judged with what its parent really passes it.
   */
  findings(context: IPolicyValidationContextBeta1): Violation[] {
    const dir = mkdtempSync(join(tmpdir(), 'guard-'));
    try {
      const templatePaths = context.templatePaths
        .filter((path) => !path.endsWith('.nested.template.json'))
        .map((path) => {
          const whole = join(dir, basename(path));
          writeFileSync(whole, JSON.stringify(inlineNestedStacks(path)));
          return whole;
        });
      return this.#guard.validate({ ...context, templatePaths }).violations;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  validate(context: IPolicyValidationContextBeta1): PolicyValidationPluginReportBeta1 {
    const violations = unacknowledged(this.findings(context));
    return { success: violations.length === 0, violations };
  }
}

/** The findings, less the resources an acknowledgement covers. */
export function unacknowledged(findings: readonly Violation[]): Violation[] {
  return findings.flatMap((v) => {
    const open = v.violatingResources.filter((r) => !acknowledgementOf(v.ruleName, r.resourceLogicalId));
    return open.length ? [{ ...v, violatingResources: open }] : [];
  });
}

/** The policy-validation plugins every synth of the app runs. */
export function policyValidation(): IPolicyValidationPluginBeta1[] {
  return [new ControlTowerGuard()];
}
