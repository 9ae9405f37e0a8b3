// Rankings that cannot be gamed by having nothing measured: only items with at least `minMeasured`
// measured calls are ranked, a missing value is never read as 0, and equal values share a rank
// (standard competition ranking, 1-2-2-4) and say so.

export interface Rank {
  /** 1 is best (the lowest value); null when not ranked. */
  rank: number | null;
  /** Another ranked item has exactly the same value. */
  tied: boolean;
  /** Why the item is not ranked. */
  unranked?: string;
}

export function rankAscending<T>(
  items: readonly T[],
  value: (item: T) => number | null,
  measured: (item: T) => number,
  minMeasured: number,
  id: (item: T) => string,
): (T & Rank)[] {
  const eligible = items.filter((i) => measured(i) >= minMeasured && value(i) !== null);
  const sorted = [...eligible].sort((a, b) => value(a)! - value(b)! || id(a).localeCompare(id(b)));
  const ranked = sorted.map((item, i) => {
    const v = value(item)!;
    const first = sorted.findIndex((o) => value(o) === v);
    const tied = sorted.some((o, j) => j !== i && value(o) === v);
    return { ...item, rank: first + 1, tied };
  });
  const rest = items
    .filter((i) => !eligible.includes(i))
    .sort((a, b) => id(a).localeCompare(id(b)))
    .map((item) => ({
      ...item,
      rank: null,
      tied: false,
      unranked:
        value(item) === null
          ? 'nothing measured'
          : `${measured(item)} measured call${measured(item) === 1 ? '' : 's'}, fewer than ${minMeasured}`,
    }));
  return [...ranked, ...rest];
}
