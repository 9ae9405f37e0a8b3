// The composition root: the one place the DynamoDB, Step Functions and bus adapters are bound to
// the ports the use cases and workflow steps ask for. HTTP handlers and steps take their
// dependencies from here; tests bind the same use cases to in-memory fakes instead.
import { dynamoAgentStore } from '#agents/store.ts';
import { dynamoAuditStore } from '#functions/audit/store.ts';
import { dynamoAlertStore } from '#alerts/store.ts';
import { dynamoDeclarationStore as arrivalDeclarations } from '#arrival/store.ts';
import { dynamoCallStore } from '#calls/store.ts';
import { agencyAnswers } from '#departure/agencies.ts';
import { dynamoDepartureStore } from '#departure/store.ts';
import { dynamoDeviceStore } from '#devices/store.ts';
import { dynamoGangwayStore } from '#gangway/store.ts';
import { dynamoPermitCodes } from '#permits/store.ts';
import { dynamoPersonsStore } from '#persons/store.ts';
import { dynamoReductionStore } from '#persons/reduction-store.ts';
import { dynamoPortDayStore } from '#port/daily-store.ts';
import { dynamoReviewStore } from '#review/store.ts';
import { clock } from '#shared/clock.ts';
import { eventBridgePublisher } from '#shared/events.ts';
import { stepFunctions } from '#shared/workflows.ts';
import { dynamoWatchListStore } from '#watchlist/store.ts';
import { dynamoWebhookStore } from '#webhooks/store.ts';

export const adapters = {
  calls: dynamoCallStore,
  arrivals: arrivalDeclarations,
  departures: dynamoDepartureStore,
  reviews: dynamoReviewStore,
  permitCodes: dynamoPermitCodes,
  alerts: dynamoAlertStore,
  gangway: dynamoGangwayStore,
  persons: dynamoPersonsStore,
  reduction: dynamoReductionStore,
  devices: dynamoDeviceStore,
  agents: dynamoAgentStore,
  agencyAnswers,
  audit: dynamoAuditStore,
  portDays: dynamoPortDayStore,
  watchList: dynamoWatchListStore,
  webhooks: dynamoWebhookStore,
  workflows: stepFunctions,
  events: eventBridgePublisher,
  clock,
};

/** Every port a use case may ask for; a use case names the ones it needs with Pick<Ports, …>. */
export type Ports = typeof adapters;
