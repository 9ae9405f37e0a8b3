// Officers' review use cases: the queue of their port and their decisions, which resume the
// waiting workflow through its task token.
import type { Principal } from '#shared/auth.ts';
import type { Clock } from '#shared/clock.ts';
import { ConflictError, ForbiddenError, NotFoundError, RuleViolationError } from '#shared/errors.ts';
import { violation } from '#shared/i18n.ts';
import type { WorkflowClient } from '#shared/workflows.ts';
import { type AgencyAnswerStore, holdsOn } from '#departure/agencies.ts';
import type { Decision, DecisionOutput, Review, ReviewDecision } from './schema.ts';
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
    ...(review.conditions && { conditions: review.conditions }),
    ...(review.persons && { persons: review.persons }),
    officer: review.decidedBy ?? 'unknown',
    ...(review.decidedRole && { role: review.decidedRole }),
    decidedAt: review.decidedAt ?? new Date(0).toISOString(),
  };
}

const DEPARTURE_DECISIONS: readonly Decision[] = ['APPROVE', 'REJECT', 'REQUEST_AMENDMENT'];

/** The decisions this review takes, and who may take them: what the workflow has a path for. */
function checkDecision(review: Review, principal: Principal, input: ReviewDecision): void {
  const wrong = (en: string, zh: string) => {
    throw new RuleViolationError('This review does not take that decision', [
      violation('decision', 'DECISION_NOT_OFFERED', en, zh),
    ]);
  };
  if (review.kind === 'DEPARTURE' && !DEPARTURE_DECISIONS.includes(input.decision))
    wrong(
      `a departure review takes ${DEPARTURE_DECISIONS.join(', ')}`,
      `离港审核只接受 ${DEPARTURE_DECISIONS.join('、')}`,
    );
  if (review.purpose === 'INSPECTION' && input.decision === 'ORDER_INSPECTION')
    wrong('the inspection is under way: record its result', '登轮检查正在进行：请记录检查结果');
  if (review.kind === 'ARRIVAL' && input.decision === 'REJECT' && principal.role !== 'supervisor')
    throw new ForbiddenError('Refusing the whole ship is for a supervisor; an officer may refuse entry of persons', [
      { path: 'decision', message: 'REJECT of an arrival needs a supervisor' },
    ]);
}

export async function decide(
  deps: ReviewDeps,
  principal: Principal,
  reviewId: string,
  input: ReviewDecision,
): Promise<Review> {
  const review = await deps.reviews.get(reviewId);
  if (!review || principal.role === 'agent' || principal.role === 'device' || review.port !== principal.port)
    throw new NotFoundError(`No review ${reviewId}`);
  checkDecision(review, principal, input);
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
    ...(input.conditions && { conditions: input.conditions }),
    ...(input.persons && { persons: input.persons }),
    officer: principal.sub,
    role: principal.role,
    decidedAt: deps.clock.now().toISOString(),
  };
  const decided = {
    status: 'DECIDED' as const,
    decision: output.decision,
    decisionReason: output.reason,
    conditions: output.conditions,
    persons: output.persons,
    decidedBy: output.officer,
    decidedRole: principal.role,
    decidedAt: output.decidedAt,
  };

  if (review.status === 'OPEN') {
    const closed = await deps.reviews.close(reviewId, decided);
    if (closed) {
      await deps.workflows.succeed(closed.taskToken, output).catch((error: unknown) => {
        // No task is waiting (the clearance is being resumed after a restart): the decision is
        // stored, and the resumed workflow takes it when it reaches the review again.
        if (!(error instanceof ConflictError)) throw error;
      });
      return publicReview(closed);
    }
  }
  // Closed meanwhile or before: the same decision again is a retry, anything else a conflict.
  const current = (await deps.reviews.get(reviewId))!;
  if (current.status === 'DECIDED' && current.decision === input.decision && current.decidedBy === principal.sub) {
    await deps.workflows.succeed(current.taskToken, decisionOf(current)!).catch((error: unknown) => {
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
  const closed = await deps.reviews.close(reviewId, { status: 'SUPERSEDED' });
  if (closed) {
    await deps.workflows
      .fail(closed.taskToken, 'Superseded', 'A newer declaration version was submitted')
      .catch((error: unknown) => {
        if (!(error instanceof ConflictError)) throw error;
      });
  }
}
