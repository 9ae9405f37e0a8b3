// What an event says, as one digest: a repeat of an event id must say the same, or it is refused.
import { createHash } from 'node:crypto';
import type { GangwayEvent } from './schema.ts';

/** SHA-256 of the event's content in a fixed field order (the score goes in only as its digest). */
export function fingerprint(e: GangwayEvent): string {
  const canonical = JSON.stringify([
    e.eventId,
    e.callId,
    e.personRef,
    e.direction,
    e.method,
    e.matchScore ?? null,
    e.livenessPassed ?? null,
    e.algorithm ?? null,
    e.capturedAt,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
