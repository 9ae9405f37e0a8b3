// What the three-zeros figures are counted from, read for each call: its reviews, its gangway
// passes and how many of them raised an alert. Shared by the overview and the shift board.
import type { Call } from '#calls/schema.ts';
import { adapters } from '#functions/wiring.ts';
import type { CallFacts } from './kpis.ts';

export function readCallFacts(calls: readonly Call[]): Promise<CallFacts[]> {
  return Promise.all(
    calls.map(async (call) => {
      const [reviews, passes, alerts] = await Promise.all([
        adapters.reviews.ofCall(call.callId),
        adapters.gangway.countEvents(call.callId),
        adapters.alerts.ofCall(call.callId),
      ]);
      const flaggedEvents = new Set(alerts.map((a) => a.evidence.eventId).filter(Boolean));
      return { call, reviews, passes, passesWithAlerts: flaggedEvents.size };
    }),
  );
}
