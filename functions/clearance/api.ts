// HTTP handlers for what arrival and departure clearances share: re-driving a failed one.
import { adapters } from '#functions/wiring.ts';
import { idempotentHandler } from '#shared/idempotent-handler.ts';
import { accepted } from '#shared/responses.ts';
import { clearanceRoutes as routes } from './routes.ts';
import { redriveClearance as redrive } from './redrive.ts';

const deps = { store: adapters.calls, workflows: adapters.workflows, events: adapters.events, clock: adapters.clock };

export const redriveClearance = idempotentHandler(routes.redriveClearance).handler(async ({ path, body, principal }) =>
  accepted(await redrive(deps, principal, path.callId, path.kind, body.reason)),
);
