// HTTP handlers for departure: the declaration (and its pre-filled draft), and agencies' answers.
import { dynamoDeclarationStore as arrivals } from '#arrival/store.ts';
import { canView } from '#calls/rules.ts';
import { dynamoCallStore } from '#calls/store.ts';
import { dynamoReviewStore } from '#review/store.ts';
import { clock } from '#shared/clock.ts';
import { NotFoundError } from '#shared/errors.ts';
import { eventBridgePublisher } from '#shared/events.ts';
import { httpHandler } from '#shared/http.ts';
import { accepted, ok } from '#shared/responses.ts';
import { stepFunctions } from '#shared/workflows.ts';
import { routes } from '#functions/routes.ts';
import { agencyAnswers } from './agencies.ts';
import { recheckDeparture } from './recheck.ts';
import { departureDraft, readDeparture, submitDeparture } from './service.ts';
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
  ok(query.version ? await readDeparture(deps, principal, path.callId, query.version) : await departureDraft(deps, principal, path.callId)),
);

export const recordAgencyAnswer = httpHandler(routes.recordAgencyAnswer).handler(async ({ path, body, principal }) => {
  const call = await dynamoCallStore.get(path.callId);
  if (!call || !canView(principal, call)) throw new NotFoundError(`No call ${path.callId}`);
  const answer = { ...body, agency: path.agency, recordedBy: principal.sub, recordedAt: clock.now().toISOString() };
  await agencyAnswers.put(path.callId, answer);
  // An agency's answer is one of the things the departure depends on.
  await recheckDeparture(deps, path.callId, `${path.agency} answered ${body.status}`);
  return ok(answer);
});
