// HTTP handlers for the officers' review queue.
import { agencyAnswers } from '#departure/agencies.ts';
import { clock } from '#shared/clock.ts';
import { httpHandler } from '#shared/http.ts';
import { ok } from '#shared/responses.ts';
import { stepFunctions } from '#shared/workflows.ts';
import { reviewRoutes as routes } from './routes.ts';
import { decide, openReviews } from './service.ts';
import { dynamoReviewStore } from './store.ts';

const deps = { reviews: dynamoReviewStore, workflows: stepFunctions, clock, agencyAnswers };

export const listReviews = httpHandler(routes.listReviews).handler(async ({ query, principal }) =>
  ok(await openReviews(deps, principal, query.limit, query.nextToken)),
);

export const decideReview = httpHandler(routes.decideReview).handler(async ({ path, body, principal }) =>
  ok(await decide(deps, principal, path.reviewId, body)),
);
