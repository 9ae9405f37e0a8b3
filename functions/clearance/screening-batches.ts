// How a clearance cuts its persons into Map iterations for screening. Each iteration reads the
// declaration by reference (no personal data in execution history), so a cruise ship's 10,000
// passengers in tens would be 1,000 reads of a 3 MB declaration — and on departure two of them
// (the departure and the arrival lists). Long lists are cut into at most MAX_SCREENING_BATCHES.

/**
 * Persons screened per Map iteration, at least: few iterations, few state transitions. A crew of 25
 * is one iteration; in tens it was three, each reading the call and the declaration again.
 */
export const SCREENING_BATCH = 50;
/** The most Map iterations one screening makes, however long the list. */
export const MAX_SCREENING_BATCHES = 40;

export const screeningBatchSize = (persons: number) =>
  Math.max(SCREENING_BATCH, Math.ceil(persons / MAX_SCREENING_BATCHES));

/** The [from, to) ranges of `persons` screened by each iteration, with the reference they carry. */
export function screeningBatches<R extends object>(ref: R, persons: number): (R & { from: number; to: number })[] {
  const size = screeningBatchSize(persons);
  const batches: (R & { from: number; to: number })[] = [];
  for (let from = 0; from < persons; from += size) batches.push({ ...ref, from, to: Math.min(persons, from + size) });
  return batches;
}
