// HTTP handlers for persons' border decisions: each is the shared chain around one use case.
import { recheck } from '#departure/guard.ts';
import { adapters } from '#functions/wiring.ts';
import { config } from '#shared/config.ts';
import { httpHandler } from '#shared/http.ts';
import { idempotentHandler } from '#shared/idempotent-handler.ts';
import { created, ok } from '#shared/responses.ts';
import { personsRoutes as routes } from './routes.ts';
import {
  decideLanding as landing,
  decideSailWithout as sailWithout,
  decideVisitor as visitorDecision,
  requestVisitor as visitorRequest,
} from './service.ts';
import { borderView } from './view.ts';
import { reduceSailed } from './reduction.ts';

export const getBorderView = httpHandler(routes.getBorderView).handler(async ({ path, principal }) =>
  ok(await borderView(adapters, principal, path.callId, config().LANDING_DEFAULT)),
);

export const decideLanding = idempotentHandler(routes.decideLanding).handler(async ({ path, body, principal }) =>
  ok(await landing(adapters, principal, path.callId, body)),
);

export const requestVisitor = idempotentHandler(routes.requestVisitor).handler(async ({ path, body, principal }) => {
  const visitor = await visitorRequest(adapters, principal, path.callId, body);
  return created(visitor, `/v1/calls/${path.callId}/visitors/${visitor.visitorId}`);
});

export const decideVisitor = idempotentHandler(routes.decideVisitor).handler(async ({ path, body, principal }) =>
  ok(await visitorDecision(adapters, principal, path.callId, path.visitorId, body)),
);

export const decideSailWithout = idempotentHandler(routes.decideSailWithout).handler(
  async ({ path, body, principal }) => ok(await sailWithout({ ...adapters, recheck }, principal, path.callId, body)),
);

/** Scheduled: declarations of calls that sailed long enough ago reduced to statistics. */
export const reduceSailedDeclarations = async () => ({
  reduced: await reduceSailed(adapters, config().DECLARATION_REDUCE_AFTER_DAYS),
});
