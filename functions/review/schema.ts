// Officers' reviews: why a call was sent to an officer, by when, and what was decided.
import * as z from 'zod';
import { RiskReason } from '#clearance/schema.ts';

export const ReviewId = z.string().regex(/^C[0-9A-HJKMNP-TV-Z]{26}-[AD]\d{1,6}(r\d{1,4})?i?$/, 'must be a review id');

/**
 * What an officer may decide. On arrival: clear, clear with conditions, refuse entry of named
 * persons, order an on-board inspection (its result is a second decision), ask for an amendment,
 * and — a supervisor only — refuse the whole ship. On departure: clear, hold, ask for an amendment.
 */
export const Decision = z.enum([
  'APPROVE',
  'APPROVE_WITH_CONDITIONS',
  'REFUSE_ENTRY',
  'ORDER_INSPECTION',
  'REQUEST_AMENDMENT',
  'REJECT',
]);
export type Decision = z.infer<typeof Decision>;

const PersonRef = z.string().regex(/^[A-Za-z0-9_-]{1,20}$/, 'must be a person reference');

/** A condition the clearance carries; persons named here are for the persons' border decisions. */
export const Condition = z
  .strictObject({
    kind: z.enum(['HELD_ON_BOARD', 'OTHER']).describe('HELD_ON_BOARD: the named persons may not land'),
    personRefs: z.array(PersonRef).max(500).optional(),
    note: z.string().trim().min(1).max(500),
  })
  .meta({ id: 'Condition' });
export type Condition = z.infer<typeof Condition>;

const NEEDS_REASON: readonly Decision[] = ['REJECT', 'REQUEST_AMENDMENT', 'REFUSE_ENTRY', 'ORDER_INSPECTION'];

export const ReviewDecision = z
  .strictObject({
    decision: Decision,
    reason: z.string().trim().min(1).max(1000).optional(),
    /** APPROVE_WITH_CONDITIONS: what the clearance is subject to. */
    conditions: z.array(Condition).min(1).max(20).optional(),
    /** REFUSE_ENTRY: the persons refused entry (references from the crew and passenger lists). */
    persons: z.array(PersonRef).min(1).max(500).optional(),
  })
  .superRefine((d, ctx) => {
    if (NEEDS_REASON.includes(d.decision) && !d.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: `a reason is required for ${d.decision}` });
    if (d.decision === 'APPROVE_WITH_CONDITIONS' && !d.conditions)
      ctx.addIssue({ code: 'custom', path: ['conditions'], message: 'name at least one condition' });
    if (d.decision !== 'APPROVE_WITH_CONDITIONS' && d.conditions)
      ctx.addIssue({ code: 'custom', path: ['conditions'], message: 'only with APPROVE_WITH_CONDITIONS' });
    if (d.decision === 'REFUSE_ENTRY' && !d.persons)
      ctx.addIssue({ code: 'custom', path: ['persons'], message: 'name the persons refused entry' });
    if (d.decision !== 'REFUSE_ENTRY' && d.persons)
      ctx.addIssue({ code: 'custom', path: ['persons'], message: 'only with REFUSE_ENTRY' });
  })
  .meta({ id: 'ReviewDecision' });
export type ReviewDecision = z.infer<typeof ReviewDecision>;

export const Review = z
  .object({
    reviewId: z.string(),
    callId: z.string(),
    kind: z.enum(['ARRIVAL', 'DEPARTURE']),
    /** REVIEW: the papers; INSPECTION: on board, ordered by an officer's review decision. */
    purpose: z.enum(['REVIEW', 'INSPECTION']).optional(),
    version: z.number().int(),
    port: z.string(),
    status: z.enum(['OPEN', 'DECIDED', 'SUPERSEDED']),
    reasons: z.array(RiskReason),
    openedAt: z.string(),
    deadline: z.string(),
    escalated: z.boolean(),
    call: z.object({ vesselName: z.string(), imo: z.string(), eta: z.string(), etd: z.string(), agentId: z.string() }),
    decision: Decision.optional(),
    decisionReason: z.string().optional(),
    conditions: z.array(Condition).optional(),
    persons: z.array(z.string()).optional(),
    decidedBy: z.string().optional(),
    decidedRole: z.enum(['officer', 'supervisor']).optional(),
    decidedAt: z.string().optional(),
  })
  .meta({ id: 'Review' });
export type Review = z.infer<typeof Review>;

export const ReviewPage = z
  .object({ items: z.array(Review), nextToken: z.string().optional() })
  .meta({ id: 'ReviewPage' });
export const ReviewPath = z.object({ reviewId: ReviewId });
export const ReviewQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  nextToken: z.string().max(2048).optional(),
});

/** What the workflow receives when an officer decides. */
export const DecisionOutput = z.object({
  decision: Decision,
  reason: z.string().optional(),
  conditions: z.array(Condition).optional(),
  persons: z.array(z.string()).optional(),
  officer: z.string(),
  /** Older decisions carry no role: they were an officer's. */
  role: z.enum(['officer', 'supervisor']).optional(),
  decidedAt: z.string(),
});
export type DecisionOutput = z.infer<typeof DecisionOutput>;
