// The zero-delay guard wired to the deployed stores and services: what the gangway, alert and
// agency handlers call when something the departure depends on changes.
import { dynamoCallStore } from '#calls/store.ts';
import { dynamoReviewStore } from '#review/store.ts';
import { clock } from '#shared/clock.ts';
import { eventBridgePublisher } from '#shared/events.ts';
import { stepFunctions } from '#shared/workflows.ts';
import { type RecheckDeps, recheckDeparture } from './recheck.ts';

export const recheckDeps: RecheckDeps = {
  store: dynamoCallStore,
  reviews: dynamoReviewStore,
  workflows: stepFunctions,
  events: eventBridgePublisher,
  clock,
};

export const recheck = (callId: string, why: string) => recheckDeparture(recheckDeps, callId, why);
