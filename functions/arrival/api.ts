// HTTP handlers for the arrival declaration.
import { adapters } from '#functions/wiring.ts';
import { httpHandler } from '#shared/http.ts';
import { idempotentHandler } from '#shared/idempotent-handler.ts';
import { accepted, ok } from '#shared/responses.ts';
import { arrivalRoutes as routes } from './routes.ts';
import { readArrival, submitArrival } from './service.ts';

const { calls, arrivals, reviews, workflows, events, clock } = adapters;
const deps = { store: calls, declarations: arrivals, reviews, workflows, events, clock };

export const putArrival = idempotentHandler(routes.putArrival).handler(async ({ path, body, principal }) =>
  accepted(await submitArrival(deps, principal, path.callId, body)),
);

export const getArrival = httpHandler(routes.getArrival).handler(async ({ path, query, principal }) =>
  ok(await readArrival(deps, principal, path.callId, query.version)),
);
