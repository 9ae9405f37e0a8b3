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
  /** Where the web app is served: a printed permit's QR code opens `<this>/verify/<code>`. */
  PUBLIC_BASE_URL: z.url().optional(),
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
