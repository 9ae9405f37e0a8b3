// Gangway devices post signed events; agents and officers read who is on board.
import { dynamoAlertStore } from '#alerts/store.ts';
import { dynamoDeclarationStore } from '#arrival/store.ts';
import { dynamoCallStore } from '#calls/store.ts';
import { recheck } from '#departure/guard.ts';
import { dynamoDepartureStore } from '#departure/store.ts';
import { authenticateDevice } from '#devices/service.ts';
import { dynamoDeviceStore } from '#devices/store.ts';
import { clock } from '#shared/clock.ts';
import { config } from '#shared/config.ts';
import { ForbiddenError, PayloadTooLargeError } from '#shared/errors.ts';
import { eventBridgePublisher } from '#shared/events.ts';
import { httpHandler } from '#shared/http.ts';
import { accepted, ok } from '#shared/responses.ts';
import { gangwayRoutes as routes } from './routes.ts';
import { eventsOf, personsOnCall, recordEvents, sweepShoreLeave, type GangwayDeps } from './service.ts';
import { dynamoGangwayStore } from './store.ts';
import { MAX_GANGWAY_BODY_BYTES } from './schema.ts';
import { dynamoPersonsStore } from '#persons/store.ts';
import { signOffsOf } from './border.ts';

function deps(): GangwayDeps {
  const c = config();
  return {
    gangway: dynamoGangwayStore,
    alerts: dynamoAlertStore,
    calls: dynamoCallStore,
    declarations: dynamoDeclarationStore,
    departures: dynamoDepartureStore,
    recheck,
    events: eventBridgePublisher,
    clock,
    border: dynamoPersonsStore,
    landingDefault: c.LANDING_DEFAULT,
    settings: {
      matchThreshold: c.MATCH_THRESHOLD,
      shoreLeaveHours: c.SHORE_LEAVE_HOURS,
      clockSkewSeconds: 300,
      arrivalMarginHours: c.ARRIVAL_MARGIN_HOURS,
      retentionDays: c.EVENT_RETENTION_DAYS,
    },
  };
}

export const postGangwayEvents = httpHandler(routes.postGangwayEvents, {
  // The signature covers the body exactly as sent: check it before anything parses it.
  authenticate: (event) => {
    const body =
      event.isBase64Encoded && event.body ? Buffer.from(event.body, 'base64').toString('utf8') : (event.body ?? '');
    // The largest legal batch fits with room to spare; anything bigger is refused before any work.
    if (Buffer.byteLength(body) > MAX_GANGWAY_BODY_BYTES)
      throw new PayloadTooLargeError(`The body is over ${MAX_GANGWAY_BODY_BYTES} bytes: send at most 100 events`);
    return authenticateDevice(
      { devices: dynamoDeviceStore, clock },
      {
        deviceId: event.headers['x-device-id'],
        timestamp: event.headers['x-timestamp'],
        signature: event.headers['x-signature'],
        body,
      },
    );
  },
}).handler(async ({ body, principal }) => {
  if (principal.role !== 'device') throw new ForbiddenError('Only gangway devices post events');
  return accepted(await recordEvents(deps(), principal, eventsOf(body)));
});

export const listPersons = httpHandler(routes.listPersons).handler(async ({ path, principal }) =>
  ok(await personsOnCall(deps(), principal, path.callId)),
);

/** Scheduled: alerts for everyone ashore past the shore-leave limit. */
export const shoreLeaveSweep = async () => {
  const d = deps();
  return { raised: await sweepShoreLeave({ ...d, signOffs: (callId) => signOffsOf(d, callId) }) };
};
