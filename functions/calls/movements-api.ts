// HTTP handlers for ATA and ATD: apart from the other call routes because recording a movement
// also ends or starts what the people on board may do (landing, exit), which the rest never loads.
import { adapters } from '#functions/wiring.ts';
import { idempotentHandler } from '#shared/idempotent-handler.ts';
import { ok } from '#shared/responses.ts';
import { callRoutes as routes } from './routes.ts';
import { viewFor } from './service.ts';
import { recordArrival, recordDeparture } from './movements.ts';

export const recordShipArrival = idempotentHandler(routes.recordShipArrival).handler(
  async ({ path, body, principal }) =>
    ok(viewFor(principal, await recordArrival(adapters, principal, path.callId, body.at, body.source))),
);

export const recordShipDeparture = idempotentHandler(routes.recordShipDeparture).handler(
  async ({ path, body, principal }) =>
    ok(viewFor(principal, await recordDeparture(adapters, principal, path.callId, body.at, body.source))),
);
