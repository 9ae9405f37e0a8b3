// Payloads as an agent would send them: the builders the demo, the bench and the tests share.
export { announcement, crewMember, crewOf, declaration, readExample } from '#local/examples.ts';

import type { GangwayEvent } from '#gangway/schema.ts';
import type { StoredCall } from '#calls/store.ts';
import { nextAuditEntry } from '#shared/audit.ts';
import { announcement } from '#local/examples.ts';

/** A call just announced by ACME-SHIPPING at `now`, as the calls store holds it. */
export function announcedCall(now: Date): StoredCall {
  const at = now.toISOString();
  return {
    callId: 'C01M8S7T65GEG290P3BWM23NQ8P',
    agentId: 'ACME-SHIPPING',
    status: 'DRAFT',
    version: 1,
    ...announcement({ at: now }),
    createdAt: at,
    updatedAt: at,
    lastAudit: nextAuditEntry(undefined, {
      at,
      actor: { role: 'agent', id: 'ACME' },
      action: 'CALL_ANNOUNCED',
      event: 'ANNOUNCE',
      toStatus: 'DRAFT',
    }),
  };
}

/** A good face scan of C01 landing, as rules see it after parsing. */
export const gangwayEvent = (over: Partial<GangwayEvent> = {}): GangwayEvent => ({
  eventId: '0b6f3d2e-6c55-4a37-9d83-7f2b7f8b1c11',
  callId: 'C1',
  personRef: 'C01',
  direction: 'DISEMBARK',
  method: 'FACE',
  matchScore: 0.97,
  livenessPassed: true,
  capturedAt: '2026-12-03T09:00:00.000Z',
  ...over,
});
