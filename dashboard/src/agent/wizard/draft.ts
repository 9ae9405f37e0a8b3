// A declaration being written: kept in this browser's localStorage per call and phase as the agent
// types (nothing is sent before Submit), started from the best thing there is to start from.
import type { ArrivalDeclaration } from '../../../../functions/arrival/schema.ts';
import type { DepartureDeclaration } from '../../../../functions/departure/schema.ts';

export type ArrivalDraft = ArrivalDeclaration;
export type DepartureDraft = DepartureDeclaration;
export type Phase = 'arrival' | 'departure';

const key = (callId: string, phase: Phase) => `three-zeros-draft:${callId}:${phase}`;

export function loadDraft<T>(callId: string, phase: Phase): T | undefined {
  const raw = localStorage.getItem(key(callId, phase));
  try {
    return raw ? (JSON.parse(raw) as T) : undefined;
  } catch {
    return undefined;
  }
}

export function saveDraft(callId: string, phase: Phase, draft: unknown) {
  try {
    localStorage.setItem(key(callId, phase), JSON.stringify(draft));
  } catch {
    // A full store (a list of thousands) keeps the draft in the page only: still sendable.
  }
}

export function dropDraft(callId: string, phase: Phase) {
  localStorage.removeItem(key(callId, phase));
}

/** An arrival declaration with nothing in it yet. */
export function emptyArrival(): ArrivalDraft {
  return {
    general: { masterName: '', personsOnBoard: 0, crewCount: 0, passengerCount: 0, lastPortsOfCall: [] },
    crew: [],
    passengers: [],
    health: {
      sanitationCertificateValidUntil: '',
      deathsOnBoard: false,
      illnessSuspectedInfectious: false,
      illPersonsCount: 0,
      stowaways: false,
      sickAnimals: false,
      visitedAffectedAreas: false,
    },
    security: {
      isscValidUntil: '',
      securityLevel: 1,
      shipSecurityPlanOnBoard: true,
      companySecurityOfficer: { name: '', phone: '' },
      shipToShipActivities: [],
    },
  };
}

/**
 * The previous voyage's declaration as a start for this one: the ship, its certificates, its
 * master and crew are mostly the same; the voyage's own facts (ports called, passengers, the
 * schedule) are not carried over.
 */
export function fromPreviousVoyage(previous: ArrivalDeclaration): ArrivalDraft {
  const { schedule: _schedule, ...rest } = structuredClone(previous);
  return { ...rest, passengers: [], general: { ...rest.general, lastPortsOfCall: [], passengerCount: 0 } };
}

/** The counts the general declaration states, taken from the lists themselves. */
export function withCounts(d: ArrivalDraft): ArrivalDraft {
  const master = d.crew.find((c) => c.rank === 'MASTER');
  return {
    ...d,
    general: {
      ...d.general,
      masterName: d.general.masterName || (master ? `${master.familyName} ${master.givenNames}` : ''),
      crewCount: d.crew.length,
      passengerCount: d.passengers.length,
      personsOnBoard: d.crew.length + d.passengers.length,
    },
  };
}
