// The port overview: calls by status and the three-zeros figures, for officers and for the
// published clearance-time rankings.
import * as z from 'zod';
import { UnLocode } from '#shared/port-code.ts';
import { Instant } from '#shared/values.ts';

export const OverviewPath = z.object({ port: UnLocode });
export const OverviewQuery = z.strictObject({
  from: Instant.optional().describe('Calls with ETA from (default: 30 days ago)'),
  to: Instant.optional().describe('Calls with ETA up to (default: 14 days ahead)'),
  format: z.enum(['json', 'csv']).default('json'),
});

const Share = z.number().min(0).max(1).nullable().describe('null when nothing was measured');

export const Figures = z.object({
  calls: z.number().int(),
  zeroWaitingShare: Share.describe('arrival cleared no later than the confirmed ATA, among calls with one'),
  zeroDelayShare: Share.describe('departure cleared no later than ETD, among calls cleared to depart'),
  contactlessShare: Share.describe('gangway passes that needed no officer (raised no alert), among all passes'),
  reviewsOpened: z.number().int(),
  medianMinutesInReview: z.number().nullable(),
  medianLeadHours: z.number().nullable().describe('ETA minus arrival clearance: how early calls are cleared'),
  meanWaitingMinutes: z.number().nullable(),
  meanDelayMinutes: z.number().nullable(),
});
export type Figures = z.infer<typeof Figures>;

export const CallFigures = z.object({
  callId: z.string(),
  agentId: z.string(),
  vesselName: z.string(),
  status: z.string(),
  eta: z.string(),
  etd: z.string(),
  waitingMinutes: z.number().nullable(),
  delayMinutes: z.number().nullable(),
  atRiskOfDelay: z.boolean().describe('ETD has passed and the departure permit is not out'),
});
export type CallFigures = z.infer<typeof CallFigures>;

export const Overview = z
  .object({
    port: z.string(),
    from: z.string(),
    to: z.string(),
    countsByStatus: z.record(z.string(), z.number().int()),
    figures: Figures,
    byAgent: z.array(
      Figures.extend({
        agentId: z.string(),
        measuredCalls: z.number().int(),
        rank: z.number().int().nullable().describe('1 is best; null: not ranked (see unranked)'),
        tied: z.boolean().describe('another agent has exactly the same figure'),
        unranked: z.string().optional(),
      }),
    ),
    byDay: z.array(Figures.extend({ day: z.string().describe('day of arrival (ETA), UTC') })),
    calls: z.array(CallFigures).describe('calls of the period not yet closed (departed, rejected or cancelled)'),
  })
  .meta({ id: 'PortOverview' });
export type Overview = z.infer<typeof Overview>;
