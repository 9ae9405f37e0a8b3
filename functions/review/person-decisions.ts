// What an officer's clearance decided about named persons, in the form the persons' border
// decisions (landing permission, shore passes) take it: the `PersonsRestricted` event on the bus
// is the interface between the call's clearance and the people it names.
import type { ClearanceCondition } from '#clearance/schema.ts';
import type { DecisionOutput } from './schema.ts';

export interface PersonDecision {
  personRef: string;
  decision: 'HELD_ON_BOARD' | 'ENTRY_REFUSED';
  reason: string;
  decidedBy: string;
  decidedAt: string;
}

/** The conditions an officer's decision puts on the clearance (none for a plain approval). */
export function conditionsOf(decision: DecisionOutput | undefined): ClearanceCondition[] {
  if (!decision) return [];
  const by = { decidedBy: decision.officer, decidedAt: decision.decidedAt };
  if (decision.decision === 'REFUSE_ENTRY') {
    return [{ kind: 'ENTRY_REFUSED', personRefs: decision.persons ?? [], note: decision.reason ?? '', ...by }];
  }
  if (decision.decision === 'APPROVE_WITH_CONDITIONS') {
    return (decision.conditions ?? []).map((c) => ({ ...c, ...by }));
  }
  return [];
}

/** One decision per named person; a person both held and refused is refused (the stricter). */
export function personDecisions(conditions: readonly ClearanceCondition[]): PersonDecision[] {
  const byRef = new Map<string, PersonDecision>();
  for (const c of conditions) {
    if (c.kind === 'OTHER') continue;
    for (const personRef of c.personRefs ?? []) {
      if (byRef.get(personRef)?.decision === 'ENTRY_REFUSED') continue;
      byRef.set(personRef, {
        personRef,
        decision: c.kind,
        reason: c.note,
        decidedBy: c.decidedBy,
        decidedAt: c.decidedAt,
      });
    }
  }
  return [...byRef.values()];
}
