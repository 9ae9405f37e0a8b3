// Officers' reviews: why a call was sent to an officer, by when, and what was decided.
import * as z from 'zod';
import { RiskReason } from '#clearance/schema.ts';

export const ReviewId = z.string().regex(/^C[0-9A-HJKMNP-TV-Z]{26}-[AD]\d{1,6}(r\d{1,4})?$/, 'must be a review id');

export const Decision = z.enum(['APPROVE', 'REJECT', 'REQUEST_AMENDMENT']);
export type Decision = z.infer<typeof Decision>;

export const ReviewDecision = z
  .strictObject({
    decision: Decision,
    reason: z.string().trim().min(1).max(1000).optional(),
  })
  .refine((d) => d.decision === 'APPROVE' || d.reason, {
    message: 'a reason is required to reject or to request an amendment',
    path: ['reason'],
  })
  .meta({ id: 'ReviewDecision' });
export type ReviewDecision = z.infer<typeof ReviewDecision>;

export const Review = z
  .object({
    reviewId: z.string(),
    callId: z.string(),
    kind: z.enum(['ARRIVAL', 'DEPARTURE']),
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
    decidedBy: z.string().optional(),
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
  officer: z.string(),
  decidedAt: z.string(),
});
export type DecisionOutput = z.infer<typeof DecisionOutput>;
