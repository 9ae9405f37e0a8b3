// The agencies a port's departure waits for besides the border station itself, as configuration:
// who they are, what they decide, and how the system learns their answer.
import * as z from 'zod';

/** What an agency decides at the port; one agency may hold several roles (customs incl. quarantine). */
export const AgencyRole = z.enum(['CUSTOMS', 'QUARANTINE', 'MARITIME_SAFETY', 'PORT_AUTHORITY', 'OTHER']);
export type AgencyRole = z.infer<typeof AgencyRole>;

export const AgencyId = z.string().regex(/^[a-z][a-z0-9-]{1,30}$/, 'must be an agency name such as customs');

export const Agency = z
  .object({
    agency: AgencyId,
    name: z.string().min(1).max(200),
    roles: z.array(AgencyRole).min(1),
    decides: z.string().min(1).max(500).describe('What this agency decides, in the words of the port'),
    /** `recorded`: an answer put on record through the API; a URL: the agency's own system is asked. */
    check: z.union([z.literal('recorded'), z.url()]),
  })
  .meta({ id: 'Agency' });
export type Agency = z.infer<typeof Agency>;

/** One agency's entry in AGENCY_CHECKS: the short form `"recorded"` / `"<url>"`, or the full form. */
export const AgencySetting = z.union([
  z.literal('recorded'),
  z.url(),
  Agency.omit({ agency: true }).partial({ name: true, roles: true, decides: true, check: true }),
]);

/** AGENCY_CHECKS: `{ "<port or *>": { "<agency>": <setting> } }`. */
export const AgencySettings = z.record(z.string(), z.record(AgencyId, AgencySetting));
