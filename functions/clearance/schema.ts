// What arrival and departure clearance share: where a declaration version's clearance stands, and
// the reasons that keep it from clearing by itself.
import * as z from 'zod';
import { CallId } from '#shared/values.ts';

export const ClearanceKind = z.enum(['arrival', 'departure']);
export type ClearanceKind = z.infer<typeof ClearanceKind>;

/** Where the clearance of one declaration version stands, kept on the call for everyone to see. */
export const ClearanceState = z.enum([
  'RUNNING',
  'IN_REVIEW',
  /** Arrival: an officer ordered an on-board inspection; its result decides. */
  'INSPECTION',
  'CLEARED',
  /** Arrival refused by an officer; for departure, held. */
  'REJECTED',
  'AMENDMENT_REQUESTED',
  'SUPERSEDED',
  'FAILED',
]);

export const RiskReason = z.object({
  code: z.string(),
  severity: z.enum(['MAJOR', 'MINOR']),
  detail: z.string(),
  personRef: z.string().optional(),
});
export type RiskReason = z.infer<typeof RiskReason>;

/** A condition a clearance was given subject to, as decided: who decided it and when. */
export const ClearanceCondition = z
  .object({
    kind: z
      .enum(['HELD_ON_BOARD', 'ENTRY_REFUSED', 'OTHER'])
      .describe('HELD_ON_BOARD: the named persons may not land; ENTRY_REFUSED: they are refused entry'),
    personRefs: z.array(z.string()).optional(),
    note: z.string(),
    decidedBy: z.string(),
    decidedAt: z.string(),
  })
  .meta({ id: 'ClearanceCondition' });
export type ClearanceCondition = z.infer<typeof ClearanceCondition>;

export const Clearance = z.object({
  version: z.number().int(),
  state: ClearanceState,
  reasons: z.array(RiskReason),
  updatedAt: z.string(),
  /** SHA-256 of the declaration as submitted: a resubmission of the same text is a retry. */
  contentHash: z.string(),
  reviewId: z.string().optional(),
  /** How many times the clearance re-ran for the same version (departure re-checks). */
  round: z.number().int().optional(),
  clearedAt: z.string().optional(),
  /** What the clearance is subject to: persons held on board or refused entry, other conditions. */
  conditions: z.array(ClearanceCondition).optional(),
  /** Set once the checks' findings are in `reasons`: an amendment may then carry them over. */
  assessedAt: z.string().optional(),
  error: z.string().optional(),
  /** An amendment that changed only these persons screens only them (refs); absent: everyone. */
  screen: z.array(z.string()).optional(),
  /** Findings carried over from the version this one amends (persons not screened again). */
  carried: z.array(RiskReason).optional(),
  /** How the newest version was taken: checked from the start, persons only, or a schedule change. */
  amendment: z.enum(['FULL', 'PERSONS', 'SCHEDULE_ONLY']).optional(),
});
export type Clearance = z.infer<typeof Clearance>;

export const ClearancePath = z.object({
  callId: CallId,
  kind: ClearanceKind,
});

export const RedriveClearance = z
  .strictObject({ reason: z.string().trim().min(1).max(500).describe('what was wrong and has been put right') })
  .meta({ id: 'RedriveClearance' });

export const ClearanceRedriven = z
  .object({
    callId: z.string(),
    kind: ClearanceKind,
    version: z.number().int(),
    round: z.number().int(),
    state: z.literal('RUNNING'),
  })
  .meta({ id: 'ClearanceRedriven' });

/** A declaration of a call that sailed long ago, reduced to what the statistics need (persons/). */
export const ReducedDeclaration = z
  .object({
    callId: z.string(),
    version: z.number().int(),
    submittedAt: z.string(),
    submittedBy: z.string(),
    declaration: z.record(z.string(), z.unknown()).describe('what is left once the persons are taken out'),
    statistics: z.record(z.string(), z.unknown()),
    reducedAt: z.string(),
  })
  .meta({ id: 'ReducedDeclaration' });
