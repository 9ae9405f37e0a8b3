// Settings of the embedded runtime, from the environment (see the README's configuration table).
import * as z from 'zod';

const Settings = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('.data'),
  /** `memory` keeps nothing on disk. */
  STORE: z.enum(['disk', 'memory']).default('disk'),
  TABLE_NAME: z.string().default('three-zeros'),
  MAX_BODY_BYTES: z.coerce.number().int().positive().default(5_242_880),
  /** Requests per second each caller (token subject, device, address) may send; 0 turns it off. */
  RATE_LIMIT_PER_SECOND: z.coerce.number().min(0).default(50),
  RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(100),
  /** Where printed permits' QR codes point, when phones reach this machine by another name. */
  PUBLIC_BASE_URL: z.url().optional(),
});
export type Settings = z.infer<typeof Settings>;

export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): Settings {
  const parsed = Settings.safeParse(env);
  if (!parsed.success) {
    throw new Error(
      `Invalid settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}
