// Data minimisation after the voyage: the full declarations of a call that sailed long enough ago
// are replaced by what the port's statistics need. Crossing records (gangway events) keep their
// own, longer retention; this is about the lists of names, documents and birth dates.
import type { ArrivalDeclaration } from '#arrival/schema.ts';
import type { DepartureDeclaration } from '#departure/schema.ts';
import type { CallStore } from '#calls/store.ts';
import type { Clock } from '#shared/clock.ts';
import type { ReductionStore } from './reduction-store.ts';

export interface DeclarationStatistics {
  crew: number;
  passengers: number;
  transitPassengers: number;
  byNationality: Record<string, number>;
  byGender: Record<string, number>;
  lastPorts: string[];
}

function tally(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

/** What is kept of an arrival declaration: counts and ports, nothing that names a person. */
export function arrivalStatistics(d: ArrivalDeclaration): DeclarationStatistics {
  const everyone = [...d.crew, ...d.passengers];
  return {
    crew: d.crew.length,
    passengers: d.passengers.length,
    transitPassengers: d.passengers.filter((p) => p.transit).length,
    byNationality: tally(everyone.map((p) => p.nationality)),
    byGender: tally(everyone.map((p) => p.gender)),
    lastPorts: d.general.lastPortsOfCall.map((p) => p.port),
  };
}

/** What is kept of a departure declaration: how many sailed, signed on and signed off. */
export function departureStatistics(d: DepartureDeclaration) {
  return {
    sailing: d.sailing.length,
    signOn: d.signOn.length,
    signOff: d.signOff.length,
    personsOnBoard: d.personsOnBoard,
    byNationalitySigningOn: tally(d.signOn.map((p) => p.nationality)),
  };
}

export interface ReductionPorts {
  calls: Pick<CallStore, 'get'>;
  reduction: ReductionStore;
  clock: Clock;
}

/** Reduces every call that sailed more than `afterDays` ago; each step may be repeated safely. */
export async function reduceSailed(ports: ReductionPorts, afterDays: number): Promise<number> {
  const now = ports.clock.now();
  const cutoff = new Date(now.getTime() - afterDays * 86_400_000).toISOString();
  let reduced = 0;
  for (const { callId, atd } of await ports.reduction.sailedBefore(cutoff)) {
    const call = await ports.calls.get(callId);
    for (const kind of ['arrival', 'departure'] as const) {
      for (let version = 1; version <= (call?.[kind]?.version ?? 0); version++) {
        const full = await ports.reduction.fullDeclaration(callId, kind, version);
        if (!full) continue;
        const statistics =
          kind === 'arrival'
            ? arrivalStatistics(full as ArrivalDeclaration)
            : departureStatistics(full as DepartureDeclaration);
        // The lists stay, empty, so readers of an old call find no one rather than break.
        const emptied = kind === 'arrival' ? { crew: [], passengers: [] } : { sailing: [], signOn: [], signOff: [] };
        await ports.reduction.reduce(callId, kind, version, statistics, emptied, now.toISOString());
      }
    }
    await ports.reduction.forgetSailed(callId, atd);
    reduced += 1;
  }
  return reduced;
}
