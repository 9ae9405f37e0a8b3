// Typed configuration, read once from the environment. Both runtimes set the same variables:
// infra/ on each Lambda, local/ before it loads a handler.
import * as z from 'zod';

const Env = z.object({
  TABLE_NAME: z.string().min(3),
  EVENT_BUS_NAME: z.string().min(1).default('default'),
  AWS_REGION: z.string().min(1).default('us-east-1'),
  /** Set only in the embedded runtime: the loopback endpoints that stand in for AWS services. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  STEPFUNCTIONS_ENDPOINT: z.url().optional(),
  EVENTBRIDGE_ENDPOINT: z.url().optional(),
  /** JSON map of workflow name → state machine ARN, e.g. {"arrival-clearance":"arn:…"}. */
  WORKFLOW_ARNS: z
    .string()
    .default('{}')
    .transform((raw, ctx) => {
      try {
        return z.record(z.string(), z.string()).parse(JSON.parse(raw));
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be a JSON object of workflow name to ARN' });
        return z.NEVER;
      }
    }),
  IDEMPOTENCY_TTL_SECONDS: z.coerce.number().int().positive().default(86_400),
  /** Gangway: a face match below this raises an alert. */
  MATCH_THRESHOLD: z.coerce.number().min(0).max(1).default(0.8),
  /** Gangway: hours someone may stay ashore before an alert. */
  SHORE_LEAVE_HOURS: z.coerce.number().positive().default(12),
  /** Gangway events are deleted (TTL) this many days after capture. */
  EVENT_RETENTION_DAYS: z.coerce.number().int().positive().default(30),
  /** How long a rotated-out device key keeps working. */
  DEVICE_KEY_GRACE_SECONDS: z.coerce.number().int().min(0).default(3_600),
  /** Webhooks: ceilings of the first and the last retry's delay (full jitter below each), attempts in all. */
  WEBHOOK_RETRY_MIN_MS: z.coerce.number().int().positive().default(5_000),
  WEBHOOK_RETRY_MAX_MS: z.coerce.number().int().positive().default(36_000_000),
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(8),
  /** Webhooks: an endpoint failing for this long without one success is disabled. */
  WEBHOOK_DISABLE_AFTER_MS: z.coerce.number().int().positive().default(86_400_000),
  /** Webhooks: how long an endpoint may take to answer. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** Webhooks: accept http:// endpoints on a loopback address (the embedded runtime, for tests). */
  WEBHOOK_ALLOW_LOOPBACK_HTTP: z.stringbool().default(false),
});
export type Config = z.infer<typeof Env>;

let cached: Config | undefined;

/** The validated configuration; throws naming every missing or malformed variable. */
export function config(): Config {
  if (cached) return cached;
  const parsed = Env.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  cached = parsed.data;
  return cached;
}

/** For tests and the embedded runtime, which set variables after modules are loaded. */
export function resetConfig(): void {
  cached = undefined;
}
