// What an amendment re-runs, pure. A change of date or berth is never a declaration error
// (measure 4): it keeps a decided review's decision; a change of persons re-screens those persons
// only; anything else is checked again from the start.
import { isDeepStrictEqual } from 'node:util';

export type AmendmentScope =
  | { kind: 'FULL' }
  | { kind: 'SCHEDULE_ONLY' }
  /** Only these persons (by ref) are screened again; the others' findings carry over. */
  | { kind: 'PERSONS'; screen: string[] };

export interface DeclarationShape<D> {
  /** The declaration without its schedule fields (ETA, ETD, berth). */
  withoutSchedule(d: D): unknown;
  /** The declaration without its schedule, its person lists and the counts that follow them. */
  withoutPersons(d: D): unknown;
  /** Every declared person with the particulars screening looks at, by ref. */
  persons(d: D): { ref: string; particulars: unknown }[];
}

export function amendmentScope<D>(previous: D | undefined, next: D, shape: DeclarationShape<D>): AmendmentScope {
  if (previous === undefined) return { kind: 'FULL' };
  if (isDeepStrictEqual(shape.withoutSchedule(previous), shape.withoutSchedule(next))) return { kind: 'SCHEDULE_ONLY' };
  if (!isDeepStrictEqual(shape.withoutPersons(previous), shape.withoutPersons(next))) return { kind: 'FULL' };
  const before = new Map(shape.persons(previous).map((p) => [p.ref, p.particulars]));
  const screen = shape
    .persons(next)
    .filter((p) => !before.has(p.ref) || !isDeepStrictEqual(before.get(p.ref), p.particulars))
    .map((p) => p.ref);
  return { kind: 'PERSONS', screen };
}
