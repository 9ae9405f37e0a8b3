// Shipping agents known to the border: whether they are AEO-certified (trusted), which earns
// their calls the lighter risk path.
import * as z from 'zod';

export const AgentPath = z.object({ agentId: z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/, 'must be an agent id') });

export const AgentTrust = z
  .strictObject({
    aeo: z.boolean().describe('AEO advanced certification: minor risk findings do not open a review'),
    note: z.string().trim().max(300).optional(),
  })
  .meta({ id: 'AgentTrust' });

export const AgentProfile = z
  .object({
    agentId: z.string(),
    /** The port whose supervisors recorded it: trust counts at that port only. */
    port: z.string(),
    aeo: z.boolean(),
    note: z.string().optional(),
    updatedAt: z.string(),
    updatedBy: z.string(),
  })
  .meta({ id: 'AgentProfile' });
export type AgentProfile = z.infer<typeof AgentProfile>;
