// What an officer must look at among the persons of a call, pure: someone on no list, someone
// ashore past the shore-leave limit, someone ashore when the ship is due to sail. Each is counted
// apart from the declared persons on board, so a stranger never reads as crew.
import * as z from 'zod';

export const Danger = z
  .enum(['UNDECLARED', 'OVERDUE', 'MISSING'])
  .describe(
    'UNDECLARED: on neither list; OVERDUE: ashore past the shore-leave limit; MISSING: ashore or not seen while the ship is due to sail',
  );
export type Danger = z.infer<typeof Danger>;

export interface DangerFacts {
  list: 'CREW' | 'PASSENGER' | 'NOT_DECLARED';
  state: 'ON_BOARD' | 'ASHORE' | 'UNKNOWN';
  /** When the person last passed the gangway (for someone ashore: when they landed). */
  lastPassAt?: string;
}

export interface ShipFacts {
  etd: string;
  /** The departure permit is out: everyone sailing should be aboard. */
  departureCleared: boolean;
}

export function dangerOf(person: DangerFacts, ship: ShipFacts, now: Date, shoreLeaveHours: number): Danger | undefined {
  if (person.list === 'NOT_DECLARED') return 'UNDECLARED';
  if (person.state === 'ON_BOARD') return undefined;
  const dueToSail = ship.departureCleared || now.getTime() >= Date.parse(ship.etd);
  if (dueToSail) return 'MISSING';
  if (
    person.state === 'ASHORE' &&
    person.lastPassAt &&
    now.getTime() - Date.parse(person.lastPassAt) > shoreLeaveHours * 3_600_000
  )
    return 'OVERDUE';
  return undefined;
}

/** Counts of a call's persons: declared on board and ashore, and the dangers on their own. */
export function personCounts(persons: readonly (DangerFacts & { danger?: Danger })[]) {
  const declared = persons.filter((p) => p.list !== 'NOT_DECLARED');
  const count = (
    list: readonly { state?: string; danger?: Danger }[],
    test: (p: { state?: string; danger?: Danger }) => boolean,
  ) => list.filter(test).length;
  return {
    onBoard: count(declared, (p) => p.state === 'ON_BOARD'),
    ashore: count(declared, (p) => p.state === 'ASHORE'),
    unknown: count(declared, (p) => p.state === 'UNKNOWN'),
    undeclared: persons.length - declared.length,
    overdue: count(declared, (p) => p.danger === 'OVERDUE'),
    missing: count(declared, (p) => p.danger === 'MISSING'),
  };
}
