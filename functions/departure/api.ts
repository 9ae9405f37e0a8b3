// HTTP handlers for departure: the declaration (and its pre-filled draft), and agencies' answers.
import { dynamoDeclarationStore as arrivals } from '#arrival/store.ts';
import { dynamoCallStore } from '#calls/store.ts';
import { dynamoReviewStore } from '#review/store.ts';
import { dynamoAuditStore } from '#functions/audit/store.ts';
import { clock } from '#shared/clock.ts';
import { eventBridgePublisher } from '#shared/events.ts';
import { httpHandler } from '#shared/http.ts';
import { accepted, ok } from '#shared/responses.ts';
import { stepFunctions } from '#shared/workflows.ts';
import { departureRoutes as routes } from './routes.ts';
import { callAgencies, departureDraft, readDeparture, recordAnswer, submitDeparture } from './service.ts';
import { dynamoDepartureStore as departures } from './store.ts';

const deps = {
  store: dynamoCallStore,
  arrivals,
  departures,
  reviews: dynamoReviewStore,
  workflows: stepFunctions,
  events: eventBridgePublisher,
  clock,
};

export const putDeparture = httpHandler(routes.putDeparture).handler(async ({ path, body, principal }) =>
  accepted(await submitDeparture(deps, principal, path.callId, body)),
);

export const getDeparture = httpHandler(routes.getDeparture).handler(async ({ path, query, principal }) =>
  ok(
    query.version
      ? await readDeparture(deps, principal, path.callId, query.version)
      : await departureDraft(deps, principal, path.callId),
  ),
);

export const recordAgencyAnswer = httpHandler(routes.recordAgencyAnswer).handler(async ({ path, body, principal }) =>
  ok(await recordAnswer({ ...deps, audit: dynamoAuditStore }, principal, path.callId, path.agency, body)),
);

export const listCallAgencies = httpHandler(routes.listCallAgencies).handler(async ({ path, principal }) =>
  ok(await callAgencies(deps, principal, path.callId)),
);
