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
  /**
   * Gangway events are crossing records, kept as a border station keeps them: deleted (TTL) this
   * many days after capture; three years unless the port sets otherwise.
   */
  EVENT_RETENTION_DAYS: z.coerce.number().int().positive().default(1_095),
  /** Gangway: how long before the ship's arrival (actual, else expected) a scan may be captured. */
  ARRIVAL_MARGIN_HOURS: z.coerce.number().min(0).max(72).default(6),
  /**
   * Landing permission of a listed person once the arrival is cleared and no officer has decided:
   * SHORE_PASS for the ship's stay, or NONE (every landing needs an officer's shore pass).
   */
  LANDING_DEFAULT: z.enum(['SHORE_PASS', 'NONE']).default('SHORE_PASS'),
  /**
   * Declarations of a call that sailed this many days ago are reduced to what the statistics need:
   * counts by list, nationality and gender, the ports; no names, documents or birth dates.
   */
  DECLARATION_REDUCE_AFTER_DAYS: z.coerce.number().int().positive().default(90),
  /** How long a rotated-out device key keeps working. */
  DEVICE_KEY_GRACE_SECONDS: z.coerce.number().int().min(0).default(3_600),
  /** The audit's signing key: a KMS asymmetric key (ECC_NIST_P256) where one is configured… */
  AUDIT_KMS_KEY_ID: z.string().min(1).optional(),
  /** …otherwise a P-256 private key in PEM (the embedded runtime keeps one in its data folder). */
  AUDIT_SIGNING_KEY: z.string().min(1).optional(),
  /** Rankings: an agent is ranked only with at least this many measured calls. */
  RANKING_MIN_CALLS: z.coerce.number().int().min(1).default(5),
  /** The ports the quarterly clearance-time report and its public page cover (UN/LOCODEs). */
  REPORT_PORTS: z
    .string()
    .default('CNTXG')
    .transform((raw) =>
      raw
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[A-Z]{2}[A-Z2-9]{3}$/, 'must be UN/LOCODEs, comma-separated')).min(1)),
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
