// Officers' review use cases: the queue of their port and their decisions, which resume the
// waiting workflow through its task token.
import type { Principal } from '#shared/auth.ts';
import type { Clock } from '#shared/clock.ts';
import { ConflictError, NotFoundError } from '#shared/errors.ts';
import type { WorkflowClient } from '#shared/workflows.ts';
import { type AgencyAnswerStore, holdsOn } from '#departure/agencies.ts';
import type { DecisionOutput, Review, ReviewDecision } from './schema.ts';
import { type ReviewStore, publicReview } from './store.ts';

export interface ReviewDeps {
  reviews: ReviewStore;
  workflows: WorkflowClient;
  clock: Clock;
  /** Agencies' answers: a HOLD from any configured agency keeps a departure from being approved. */
  agencyAnswers?: Pick<AgencyAnswerStore, 'ofCall'>;
}

/** An agency holds the departure: no officer may clear it until that agency answers CLEAR (409). */
export class AgencyHoldError extends ConflictError {
  override readonly code = 'AGENCY_HOLD';
}

export async function openReviews(deps: ReviewDeps, principal: Principal, limit: number, nextToken?: string) {
  if (principal.role === 'agent') return { items: [] };
  const page = await deps.reviews.listOpen(principal.port, limit, nextToken);
  return { items: page.items.map(publicReview), ...(page.nextToken && { nextToken: page.nextToken }) };
}

/** The answer a decided review gives its workflow. */
export function decisionOf(review: Review): DecisionOutput | undefined {
  if (review.status !== 'DECIDED' || !review.decision) return undefined;
  return {
    decision: review.decision,
    ...(review.decisionReason && { reason: review.decisionReason }),
    officer: review.decidedBy ?? 'unknown',
    decidedAt: review.decidedAt ?? new Date(0).toISOString(),
  };
}

export async function decide(
  deps: ReviewDeps,
  principal: Principal,
  reviewId: string,
  input: ReviewDecision,
): Promise<Review> {
  const review = await deps.reviews.get(reviewId);
  if (!review || principal.role === 'agent' || review.port !== principal.port)
    throw new NotFoundError(`No review ${reviewId}`);
  if (review.kind === 'DEPARTURE' && input.decision === 'APPROVE' && deps.agencyAnswers) {
    const holds = await holdsOn(deps.agencyAnswers, review);
    if (holds.length) {
      throw new AgencyHoldError(
        'An agency holds this departure: it clears once that agency answers CLEAR',
        holds.map((h) => ({
          path: `agencies.${h.agency}`,
          message: `HOLD recorded by ${h.recordedBy} at ${h.recordedAt}${h.note ? `: ${h.note}` : ''}`,
        })),
      );
    }
  }
  const output: DecisionOutput = {
    decision: input.decision,
    ...(input.reason && { reason: input.reason }),
    officer: principal.sub,
    decidedAt: deps.clock.now().toISOString(),
  };

  if (review.status === 'OPEN') {
    const closed = await deps.reviews.close(reviewId, {
      status: 'DECIDED',
      decision: output.decision,
      decisionReason: output.reason,
      decidedBy: output.officer,
      decidedAt: output.decidedAt,
    });
    if (closed) {
      await deps.workflows.succeed(review.taskToken, output).catch((error: unknown) => {
        // No task is waiting (the clearance is being resumed after a restart): the decision is
        // stored, and the resumed workflow takes it when it reaches the review again.
        if (!(error instanceof ConflictError)) throw error;
      });
      return publicReview({
        ...review,
        status: 'DECIDED',
        decision: output.decision,
        decisionReason: output.reason,
        decidedBy: output.officer,
        decidedAt: output.decidedAt,
      });
    }
  }
  // Closed meanwhile or before: the same decision again is a retry, anything else a conflict.
  const current = (await deps.reviews.get(reviewId))!;
  if (current.status === 'DECIDED' && current.decision === input.decision && current.decidedBy === principal.sub) {
    await deps.workflows
      .succeed(current.taskToken, { ...output, decidedAt: current.decidedAt, reason: current.decisionReason })
      .catch((error: unknown) => {
        if (!(error instanceof ConflictError)) throw error; // already delivered
      });
    return publicReview(current);
  }
  throw new ConflictError(`The review is already ${current.status.toLowerCase()}`, [
    {
      path: 'decision',
      message: current.decision
        ? `decided ${current.decision} by another officer`
        : 'superseded by a newer declaration',
    },
  ]);
}

/** A newer declaration replaces the one under review: close the review and end its wait. */
export async function supersede(deps: ReviewDeps, reviewId: string): Promise<void> {
  const review = await deps.reviews.get(reviewId);
  if (review?.status !== 'OPEN') return;
  if (await deps.reviews.close(reviewId, { status: 'SUPERSEDED' })) {
    await deps.workflows
      .fail(review.taskToken, 'Superseded', 'A newer declaration version was submitted')
      .catch((error: unknown) => {
        if (!(error instanceof ConflictError)) throw error;
      });
  }
}
