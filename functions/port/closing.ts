// Keeps the port-day read model: when a call closes (a final status of the lifecycle: departed, rejected, cancelled), what it adds to the figures is read once
// (its reviews, gangway passes and alerts) and written to its day. Called by the calls store right
// after the update that closed the call commits (on AWS this could equally be a stream consumer).
import { dynamoAlertStore } from '#alerts/store.ts';
import { CALL_STATES, isFinal } from '#calls/lifecycle.ts';
import type { Call } from '#calls/schema.ts';
import { dynamoGangwayStore } from '#gangway/store.ts';
import { dynamoReviewStore } from '#review/store.ts';
import { clock } from '#shared/clock.ts';
import { type PortDayStore, dynamoPortDayStore } from './daily-store.ts';
import { type CallFacts, numbersOf } from './kpis.ts';

/** Statuses a call can still leave (the lifecycle's non-final ones): read live by the overview. */
export const OPEN_STATUSES = CALL_STATES.filter((s) => !isFinal(s));

export interface FactSources {
  reviews: { ofCall(callId: string): Promise<{ openedAt: string; decidedAt?: string }[]> };
  gangway: { countEvents(callId: string): Promise<number> };
  alerts: { ofCall(callId: string): Promise<{ evidence: { eventId?: string } }[]> };
}

export const dynamoFactSources: FactSources = {
  reviews: dynamoReviewStore,
  gangway: dynamoGangwayStore,
  alerts: dynamoAlertStore,
};

/** What the figures need of one call: its reviews, its passes and the passes that raised an alert. */
export async function factsOf(sources: FactSources, call: Call): Promise<CallFacts> {
  const [reviews, passes, alerts] = await Promise.all([
    sources.reviews.ofCall(call.callId),
    sources.gangway.countEvents(call.callId),
    sources.alerts.ofCall(call.callId),
  ]);
  const flaggedEvents = new Set(alerts.map((a) => a.evidence.eventId).filter(Boolean));
  return { call, reviews, passes, passesWithAlerts: flaggedEvents.size };
}

export async function recordClosedCall(
  deps: { sources: FactSources; days: PortDayStore; now: () => Date },
  call: Call,
): Promise<void> {
  await deps.days.recordClosed(call.port, numbersOf(await factsOf(deps.sources, call), deps.now()));
}

/**
 * For the calls store: after an update commits, a call that has just closed is counted, and counted
 * again (it overwrites) when an officer confirms its ATA or ATD after it closed.
 */
export async function countIfClosed(
  before: Pick<Call, 'status' | 'ataRecord' | 'atdRecord'>,
  after: Call,
): Promise<void> {
  const timesChanged = before.ataRecord !== after.ataRecord || before.atdRecord !== after.atdRecord;
  if (!isFinal(after.status) || (isFinal(before.status) && !timesChanged)) return;
  await recordClosedCall({ sources: dynamoFactSources, days: dynamoPortDayStore, now: () => clock.now() }, after);
}
