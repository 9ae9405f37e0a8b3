// The routes of officers' review queue and decisions (what a route holds: functions/shared/route.ts).
import { defineRoutes } from '#shared/route.ts';
import { Review, ReviewDecision, ReviewPage, ReviewPath, ReviewQuery } from './schema.ts';

export const reviewRoutes = defineRoutes({
  listReviews: {
    method: 'GET',
    path: '/v1/reviews',
    module: 'review/api.ts',
    roles: ['officer'],
    summary: "Open reviews of the officer's port, oldest first, with their reasons",
    query: ReviewQuery,
    responses: { 200: ReviewPage },
    errors: [400, 401, 403],
  },
  decideReview: {
    method: 'POST',
    path: '/v1/reviews/{reviewId}/decision',
    module: 'review/api.ts',
    roles: ['officer'],
    summary:
      'APPROVE, APPROVE_WITH_CONDITIONS, REFUSE_ENTRY, ORDER_INSPECTION (arrival), REQUEST_AMENDMENT or REJECT (arrival: supervisors); a reason for all but approvals',
    params: ReviewPath,
    body: ReviewDecision,
    idempotent: true,
    workflows: ['answer'],
    responses: { 200: Review },
    errors: [400, 401, 403, 404, 409, 422],
  },
});
