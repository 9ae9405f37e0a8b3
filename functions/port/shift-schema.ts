// The officers' shift board: what needs an officer of the port now and over the next hours, in one
// read — reviews by deadline, ships coming and going, ships in port with their persons' dangers,
// open alerts by severity, and the three-zeros figures with what they are counted over.
import * as z from 'zod';
import { RiskReason } from '#clearance/schema.ts';
import { Danger } from '#gangway/danger.ts';
import { UnLocode } from '#shared/port-code.ts';

export const SHIFT_HOURS = [6, 12, 24, 72] as const;
export const PERIOD_DAYS = [1, 7, 30] as const;

const oneOf = (allowed: readonly number[], what: string) =>
  z.coerce
    .number()
    .int()
    .refine((v) => allowed.includes(v), `must be ${allowed.join(', ')} ${what}`);

export const ShiftBoardPath = z.object({ port: UnLocode });
export const ShiftBoardQuery = z.strictObject({
  hours: oneOf(SHIFT_HOURS, 'hours').default(12).describe('how far ahead to look: 6, 12, 24 or 72 hours'),
  days: oneOf(PERIOD_DAYS, 'days').default(7).describe('the period of the figures: the last 1, 7 or 30 days'),
});

const Ship = { callId: z.string(), vesselName: z.string(), imo: z.string(), agentId: z.string() };

export const ShiftReview = z.object({
  reviewId: z.string(),
  ...Ship,
  kind: z.enum(['ARRIVAL', 'DEPARTURE']),
  openedAt: z.string(),
  deadline: z.string(),
  escalated: z.boolean(),
  reasons: z.array(RiskReason),
});

export const Movement = z.object({
  ...Ship,
  kind: z.enum(['ARRIVAL', 'DEPARTURE']),
  /** ETA of an arrival, ETD of a departure. */
  at: z.string(),
  status: z.string(),
  berth: z.string().optional(),
  /** The time has passed and the ship has not arrived, or not sailed. */
  late: z.boolean(),
  /** Arrival: declared and cleared; departure: permit out. */
  cleared: z.boolean(),
});

export const ShipInPort = z.object({
  ...Ship,
  status: z.string(),
  berth: z.string().optional(),
  ata: z.string().optional(),
  etd: z.string(),
  counts: z.object({
    onBoard: z.number().int(),
    ashore: z.number().int(),
    unknown: z.number().int(),
    undeclared: z.number().int(),
    overdue: z.number().int(),
    missing: z.number().int(),
  }),
  /** The persons to look at, with what is wrong; never their names. */
  flagged: z.array(z.object({ ref: z.string(), danger: Danger, since: z.string().optional() })),
});

export const ShiftAlert = z.object({
  alertId: z.string(),
  ...Ship,
  rule: z.string(),
  severity: z.enum(['HIGH', 'MEDIUM', 'LOW']),
  status: z.enum(['OPEN', 'ACKNOWLEDGED', 'RESOLVED']),
  personRef: z.string().optional(),
  raisedAt: z.string(),
  owner: z.string().optional(),
});

const Count = z.object({
  share: z.number().min(0).max(1).nullable().describe('part / of; null when nothing was measured'),
  part: z.number().int(),
  of: z.number().int(),
});

export const ShiftFigures = z.object({
  zeroWaiting: Count.describe('arrivals cleared no later than the ship berthed, of all ships that berthed'),
  zeroDelay: Count.describe('departures cleared no later than ETD, of all departures cleared or overdue'),
  contactless: Count.describe('gangway passes that raised no alert, of all passes'),
  medianMinutesInReview: z.number().nullable(),
  reviewsDecided: z.number().int(),
});

export const DayFigures = z.object({
  day: z.string().describe("the date in the port's time zone, YYYY-MM-DD"),
  arrivalsWithoutWaiting: z.number().int(),
  arrivalsThatWaited: z.number().int(),
  departuresOnTime: z.number().int(),
  departuresLate: z.number().int(),
});

export const ShiftBoard = z
  .object({
    port: z.string(),
    timeZone: z.string().describe("the port's IANA time zone, for showing times as the port's clocks do"),
    now: z.string(),
    hours: z.number().int(),
    days: z.number().int(),
    shoreLeaveHours: z.number(),
    reviews: z.array(ShiftReview).describe('open reviews, soonest deadline first'),
    movements: z.array(Movement).describe('arrivals and departures due within the window, or late, soonest first'),
    inPort: z.array(ShipInPort).describe('ships alongside, those with dangers first'),
    alerts: z.object({
      counts: z.object({ HIGH: z.number().int(), MEDIUM: z.number().int(), LOW: z.number().int() }),
      items: z.array(ShiftAlert).describe('open and acknowledged alerts, highest severity first, newest first'),
    }),
    figures: ShiftFigures,
    perDay: z.array(DayFigures).describe('the figures day by day over the period, oldest first'),
  })
  .meta({ id: 'ShiftBoard' });
export type ShiftBoard = z.infer<typeof ShiftBoard>;
export type ShipInPort = z.infer<typeof ShipInPort>;
