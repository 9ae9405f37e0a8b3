// HTTP handlers for the officers' review queue.
import { adapters } from '#functions/wiring.ts';
import { httpHandler } from '#shared/http.ts';
import { idempotentHandler } from '#shared/idempotent-handler.ts';
import { ok } from '#shared/responses.ts';
import { reviewRoutes as routes } from './routes.ts';
import { decide, openReviews } from './service.ts';

const deps = {
  reviews: adapters.reviews,
  workflows: adapters.workflows,
  clock: adapters.clock,
  agencyAnswers: adapters.agencyAnswers,
};

export const listReviews = httpHandler(routes.listReviews).handler(async ({ query, principal }) =>
  ok(await openReviews(deps, principal, query.limit, query.nextToken)),
);

export const decideReview = idempotentHandler(routes.decideReview).handler(async ({ path, body, principal }) =>
  ok(await decide(deps, principal, path.reviewId, body)),
);
