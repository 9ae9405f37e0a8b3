// HTTP handlers for what arrival and departure clearances share: re-driving a failed one.
import { clock } from '#shared/clock.ts';
import { eventBridgePublisher } from '#shared/events.ts';
import { httpHandler } from '#shared/http.ts';
import { accepted } from '#shared/responses.ts';
import { stepFunctions } from '#shared/workflows.ts';
import { dynamoCallStore } from '#calls/store.ts';
import { clearanceRoutes as routes } from './routes.ts';
import { redriveClearance as redrive } from './redrive.ts';

const deps = { store: dynamoCallStore, workflows: stepFunctions, events: eventBridgePublisher, clock };

export const redriveClearance = httpHandler(routes.redriveClearance).handler(async ({ path, body, principal }) =>
  accepted(await redrive(deps, principal, path.callId, path.kind, body.reason)),
);
