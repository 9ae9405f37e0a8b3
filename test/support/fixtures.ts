// Payloads as an agent would send them: the builders the demo, the bench and the tests share.
export { announcement, crewMember, crewOf, declaration, readExample } from '#local/examples.ts';

import type { GangwayEvent } from '#gangway/schema.ts';

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
