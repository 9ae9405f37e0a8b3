// Payloads as an agent would send them, from the example payloads, with dates moved relative to now
// so the tests do not age.
import { readFileSync } from 'node:fs';
import type { ArrivalDeclaration } from '#arrival/schema.ts';
import type { CallAnnouncement } from '#calls/schema.ts';

const FIXTURES = new URL('../../examples/', import.meta.url);

/** The example payloads in examples/ (call.json, arrival-declaration.json, gangway-event.json). */
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

/** The example arrival declaration, its dates moved to fit a call arriving at `eta`. */
export function declaration(eta: string, change: (d: ArrivalDeclaration) => void = () => undefined): ArrivalDeclaration {
  const d = structuredClone(readExample('arrival-declaration.json')) as ArrivalDeclaration;
  const at = Date.parse(eta);
  d.general.lastPortsOfCall = d.general.lastPortsOfCall.map((p, i) => ({
    ...p,
    departed: new Date(at - (2 + 3 * i) * DAY).toISOString(),
  }));
  change(d);
  return d;
}

/** A crew member as FAL 5 lists one. */
export function crewMember(ref: string, overrides: Partial<ArrivalDeclaration['crew'][number]> = {}): ArrivalDeclaration['crew'][number] {
  return {
    ref,
    familyName: 'TAN',
    givenNames: `Crew ${ref.replace(/\d/g, '')}`.trim(),
    rank: 'ABLE_SEAMAN',
    nationality: 'SGP',
    gender: 'M',
    dateOfBirth: '1990-01-01',
    document: { type: 'SEAFARER_ID', number: `SID${ref.replace(/\W/g, '')}000`, issuingState: 'SGP', expiry: '2034-01-01' },
    ...overrides,
  };
}
