// Payloads built from examples/, with dates moved relative to now: for tests, benchmarks, the
// simulation and demos.
import { readFileSync } from 'node:fs';
import type { ArrivalDeclaration } from '#arrival/schema.ts';
import type { CallAnnouncement } from '#calls/schema.ts';

const EXAMPLES = new URL('../examples/', import.meta.url);
const DAY = 86_400_000;

/** The example payloads in examples/ (call.json, arrival-declaration.json, gangway-event.json). */
export function readExample(name: string): unknown {
  return JSON.parse(readFileSync(new URL(name, EXAMPLES), 'utf8'));
}

/** A voyage number no other announcement in this run uses. */
let voyageCounter = 0;
const RUN = (Date.now() % 46_656_000).toString(36).toUpperCase();
function uniqueVoyage(): string {
  voyageCounter += 1;
  // The run's start and a counter, with a separator: no two can spell the same voyage.
  return `V${RUN}-${voyageCounter.toString(36).toUpperCase()}`;
}

export function announcement(
  overrides: Partial<CallAnnouncement> & { daysAhead?: number; at?: Date } = {},
): CallAnnouncement {
  const { daysAhead = 7, at = new Date(), ...rest } = overrides;
  const base = readExample('call.json') as CallAnnouncement;
  const eta = new Date(at.getTime() + daysAhead * DAY);
  eta.setUTCMinutes(0, 0, 0);
  return {
    ...base,
    voyage: uniqueVoyage(),
    eta: eta.toISOString(),
    etd: new Date(eta.getTime() + 1.5 * DAY).toISOString(),
    ...rest,
  };
}

/** The example arrival declaration, its dates moved to fit a call arriving at `eta`. */
export function declaration(
  eta: string,
  change: (d: ArrivalDeclaration) => void = () => undefined,
): ArrivalDeclaration {
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
export function crewMember(
  ref: string,
  overrides: Partial<ArrivalDeclaration['crew'][number]> = {},
): ArrivalDeclaration['crew'][number] {
  return {
    ref,
    familyName: 'TAN',
    givenNames: `Crew ${ref.replace(/\d/g, '')}`.trim(),
    rank: 'ABLE_SEAMAN',
    nationality: 'SGP',
    gender: 'M',
    dateOfBirth: '1990-01-01',
    document: {
      type: 'SEAFARER_ID',
      number: `SID${ref.replace(/\W/g, '')}000`,
      issuingState: 'SGP',
      expiry: '2034-01-01',
    },
    ...overrides,
  };
}

const FAMILY = ['WANG', 'SANTOS', 'KOVALENKO', 'NGUYEN', 'SILVA', 'PETROV', 'REYES', 'KIM', 'SINGH', 'OKAFOR'];
const GIVEN = ['Wei', 'Mark', 'Olena', 'Anh', 'Joao', 'Ivan', 'Maria', 'Jun', 'Arjun', 'Chidi'];

/** A declaration with `persons` crew: the example's three and generated ones after them. */
export function crewOf(eta: string, persons: number, seed = 0): ArrivalDeclaration {
  return declaration(eta, (d) => {
    for (let i = d.crew.length; i < persons; i++) {
      const n = seed * 1000 + i;
      d.crew.push(
        crewMember(`C${String(i + 1).padStart(2, '0')}`, {
          familyName: FAMILY[n % FAMILY.length]!,
          givenNames: `${GIVEN[(n * 7) % GIVEN.length]} ${String.fromCharCode(65 + (n % 26))}${String.fromCharCode(65 + (((n / 26) | 0) % 26))}`,
          dateOfBirth: `19${70 + (n % 30)}-0${1 + (n % 9)}-1${n % 10}`,
          document: {
            type: 'PASSPORT',
            number: `P${String(n).padStart(8, '0')}`,
            issuingState: 'PHL',
            expiry: '2035-01-01',
          },
        }),
      );
    }
    d.general.crewCount = persons;
    d.general.personsOnBoard = persons;
  });
}

/**
 * An example of examples/ as it would be sent now: the call arriving `daysAhead` days from now (on
 * the hour) and leaving 36 hours later, the declaration's history before that ETA, a scan captured
 * now. Every other field is the example's own.
 */
export function currentExample(name: string, daysAhead = 2, now = new Date()): unknown {
  const eta = new Date(now.getTime() + daysAhead * DAY);
  eta.setUTCMinutes(0, 0, 0);
  switch (name) {
    case 'call.json':
      return {
        ...(readExample(name) as CallAnnouncement),
        eta: eta.toISOString(),
        etd: new Date(eta.getTime() + 1.5 * DAY).toISOString(),
      };
    case 'arrival-declaration.json':
      return declaration(eta.toISOString());
    case 'gangway-event.json':
      return { ...(readExample(name) as object), capturedAt: now.toISOString() };
    default:
      throw new Error(`No example ${name}: call.json, arrival-declaration.json or gangway-event.json`);
  }
}
