// HTTP handlers for departure: the declaration (and its pre-filled draft), and agencies' answers.
import { adapters } from '#functions/wiring.ts';
import { httpHandler } from '#shared/http.ts';
import { idempotentHandler } from '#shared/idempotent-handler.ts';
import { accepted, ok } from '#shared/responses.ts';
import { departureRoutes as routes } from './routes.ts';
import { callAgencies, departureDraft, readDeparture, recordAnswer, submitDeparture } from './service.ts';

const { calls, arrivals, departures, reviews, workflows, events, clock } = adapters;
const deps = { store: calls, arrivals, departures, reviews, workflows, events, clock };

export const putDeparture = idempotentHandler(routes.putDeparture).handler(async ({ path, body, principal }) =>
  accepted(await submitDeparture(deps, principal, path.callId, body)),
);

export const getDeparture = httpHandler(routes.getDeparture).handler(async ({ path, query, principal }) =>
  ok(
    query.version
      ? await readDeparture(deps, principal, path.callId, query.version)
      : await departureDraft(deps, principal, path.callId),
  ),
);

export const recordAgencyAnswer = idempotentHandler(routes.recordAgencyAnswer).handler(
  async ({ path, body, principal }) =>
    ok(await recordAnswer({ ...deps, audit: adapters.audit }, principal, path.callId, path.agency, body)),
);

export const listCallAgencies = httpHandler(routes.listCallAgencies).handler(async ({ path, principal }) =>
  ok(await callAgencies(deps, principal, path.callId)),
);
