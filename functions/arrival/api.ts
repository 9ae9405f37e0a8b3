// HTTP handlers for the arrival declaration.
import { clock } from '#shared/clock.ts';
import { eventBridgePublisher } from '#shared/events.ts';
import { httpHandler } from '#shared/http.ts';
import { accepted, ok } from '#shared/responses.ts';
import { stepFunctions } from '#shared/workflows.ts';
import { dynamoCallStore } from '#calls/store.ts';
import { dynamoReviewStore } from '#review/store.ts';
import { arrivalRoutes as routes } from './routes.ts';
import { readArrival, submitArrival } from './service.ts';
import { dynamoDeclarationStore } from './store.ts';

const deps = {
  store: dynamoCallStore,
  declarations: dynamoDeclarationStore,
  reviews: dynamoReviewStore,
  workflows: stepFunctions,
  events: eventBridgePublisher,
  clock,
};

export const putArrival = httpHandler(routes.putArrival).handler(async ({ path, body, principal }) =>
  accepted(await submitArrival(deps, principal, path.callId, body)),
);

export const getArrival = httpHandler(routes.getArrival).handler(async ({ path, query, principal }) =>
  ok(await readArrival(deps, principal, path.callId, query.version)),
);
