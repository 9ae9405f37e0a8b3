// HTTP handlers for port calls: each is the shared chain around one use case (ATA and ATD, which
// move people too, in movements-api.ts).
import { adapters } from '#functions/wiring.ts';
import { httpHandler } from '#shared/http.ts';
import { idempotentHandler } from '#shared/idempotent-handler.ts';
import { created, ok } from '#shared/responses.ts';
import { callRoutes as routes } from './routes.ts';
import { announceCall, cancelCall as cancel, getCall as get, listCalls as list } from './service.ts';

const deps = { store: adapters.calls, clock: adapters.clock, events: adapters.events };

export const createCall = idempotentHandler(routes.createCall).handler(async ({ body, principal, lang }) => {
  const call = await announceCall(deps, principal, body);
  const warnings = call.warnings?.map((w) => ({ path: w.path, rule: w.rule, message: w[lang] }));
  return created(
    { callId: call.callId, status: call.status, version: call.version, ...(warnings && { warnings }) },
    `/v1/calls/${call.callId}`,
  );
});

export const listCalls = httpHandler(routes.listCalls).handler(async ({ query, principal }) =>
  ok(await list(deps, principal, query)),
);

export const getCall = httpHandler(routes.getCall).handler(async ({ path, principal }) =>
  ok(await get(deps, principal, path.callId)),
);

export const cancelCall = idempotentHandler(routes.cancelCall).handler(async ({ path, body, principal }) =>
  ok(await cancel(deps, principal, path.callId, body.reason)),
);
