// Payloads as an agent would send them, from the example payloads, with dates moved relative to now
// so the tests do not age.
import { readFileSync } from 'node:fs';
import type { CallAnnouncement } from '#calls/schema.ts';

const FIXTURES = new URL('../fixtures/', import.meta.url);

/** A copy of the project's example payloads (call.json, arrival-declaration.json, gangway-event.json). */
export function readExample(name: string): unknown {
  return JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8'));
}

const DAY = 86_400_000;

export function announcement(overrides: Partial<CallAnnouncement> & { daysAhead?: number } = {}): CallAnnouncement {
  const { daysAhead = 7, ...rest } = overrides;
  const base = readExample('call.json') as CallAnnouncement;
  const eta = new Date(Date.now() + daysAhead * DAY);
  eta.setUTCMinutes(0, 0, 0);
  return {
    ...base,
    voyage: `V${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
    eta: eta.toISOString(),
    etd: new Date(eta.getTime() + 1.5 * DAY).toISOString(),
    ...rest,
  };
}
