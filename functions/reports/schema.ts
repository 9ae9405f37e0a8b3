// The quarterly clearance-time report (measure 6): per port and across ports for officers, and
// the top agents' overall clearance time for the public, with nothing personal in it.
import * as z from 'zod';

export const Quarter = z
  .string()
  .regex(/^20\d\dQ[1-4]$/, 'must be a quarter such as 2026Q4')
  .describe('Calendar quarter, UTC: calls whose ETA falls in it');

export const ReportQuery = z.strictObject({ quarter: Quarter });
export const PublicReportQuery = z.strictObject({
  quarter: Quarter,
  format: z.enum(['json', 'csv', 'html']).default('json'),
});

const Minutes = z.number().nullable().describe('null when nothing was measured, never 0 for missing');

export const ClearanceSummary = z.object({
  calls: z.number().int(),
  measuredCalls: z
    .number()
    .int()
    .describe('Calls with a confirmed ATA and ATD (by an officer or the port feed) and both clearances'),
  meanClearanceMinutes: Minutes.describe('Overall clearance time: waiting on arrival plus delay on departure'),
  medianClearanceMinutes: Minutes,
  meanWaitingMinutes: Minutes,
  meanDelayMinutes: Minutes,
  confirmedBy: z.object({ OFFICER: z.number().int(), PORT_FEED: z.number().int() }),
});
export type ClearanceSummary = z.infer<typeof ClearanceSummary>;

const RankFields = {
  rank: z.number().int().nullable().describe('1 is the shortest overall clearance time; null: not ranked'),
  tied: z.boolean().describe('another agent has exactly the same mean'),
  unranked: z.string().optional().describe('why the agent is not ranked'),
};

export const AgentClearance = ClearanceSummary.extend({ agentId: z.string(), ...RankFields });

export const ClearanceReport = z
  .object({
    quarter: z.string(),
    from: z.string(),
    to: z.string(),
    minMeasuredCalls: z.number().int(),
    ports: z.array(ClearanceSummary.extend({ port: z.string() })),
    allPorts: ClearanceSummary,
    agents: z.array(AgentClearance),
  })
  .meta({ id: 'ClearanceReport' });
export type ClearanceReport = z.infer<typeof ClearanceReport>;

export const PublicAgentRow = z.object({
  rank: z.number().int(),
  tied: z.boolean(),
  agentId: z.string().describe("The agency's company code; no person is named"),
  measuredCalls: z.number().int(),
  meanClearanceMinutes: z.number(),
  medianClearanceMinutes: z.number(),
});
export type PublicAgentRow = z.infer<typeof PublicAgentRow>;

export const PublicClearanceReport = z
  .object({
    quarter: z.string(),
    ports: z.array(z.string()),
    minMeasuredCalls: z.number().int(),
    agents: z.array(PublicAgentRow).max(100),
  })
  .meta({ id: 'PublicClearanceReport' });
export type PublicClearanceReport = z.infer<typeof PublicClearanceReport>;
