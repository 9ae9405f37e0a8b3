// A committed declaration version does not change while its call is being cleared or is in port
// (only its reduction to statistics, long after the ship sailed, rewrites it): a warm container
// keeps the ones it read lately, so the next step of the same clearance, or the ship's next gangway
// upload, does not read and unzip the lists again (DeclarationStore.recent in store.ts). For those
// callers only, never for the API's reads. Bounded in time, so nothing read before a reduction outlives it by more than `maxAgeMs`,
// and by the persons the kept versions list, not by how many there are: one cruise ship's lists
// weigh as much as hundreds of cargo ships'. What is kept is frozen, so a caller that tried to
// change a shared copy would fail loudly instead of changing it for others.

export interface RecentVersions<T> {
  /** The kept value for `key`, or what `read` answers (kept unless it is undefined or fails). */
  get(key: string, read: () => Promise<T | undefined>): Promise<T | undefined>;
}

export function recentVersions<T extends object>(
  weigh: (value: T) => number,
  { maxWeight, maxAgeMs }: { maxWeight: number; maxAgeMs: number },
): RecentVersions<T> {
  const kept = new Map<string, { value: Promise<T | undefined>; weight: number; at: number }>();
  let total = 0;
  const drop = (key: string) => {
    const entry = kept.get(key);
    if (!entry) return;
    kept.delete(key);
    total -= entry.weight;
  };
  return {
    get(key, read) {
      const hit = kept.get(key);
      if (hit && performance.now() - hit.at >= maxAgeMs) drop(key);
      else if (hit) {
        // Most recently used last: eviction takes from the front.
        kept.delete(key);
        kept.set(key, hit);
        return hit.value;
      }
      const entry = { value: read().then((v) => v && deepFreeze(v)), weight: 0, at: performance.now() };
      kept.set(key, entry);
      entry.value.then(
        (value) => {
          if (kept.get(key) !== entry) return;
          if (value === undefined) return drop(key);
          entry.weight = weigh(value);
          total += entry.weight;
          for (const [k] of kept) {
            if (total <= maxWeight || kept.size <= 1) break;
            drop(k);
          }
        },
        () => {
          if (kept.get(key) === entry) drop(key);
        },
      );
      return entry.value;
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The entries of a declaration's lists (crew, passengers, sign-ons…): what keeping it weighs. */
const listed = (stored: { declaration: unknown }) =>
  Object.values(stored.declaration as object).reduce((n: number, v) => n + (Array.isArray(v) ? v.length : 0), 1);

/**
 * Declaration versions for one container's steps or uploads: 20,000 persons' lists at most (about
 * 1 KB each once read), none kept longer than ten minutes.
 */
export function recentDeclarations<S extends { declaration: unknown }>(): RecentVersions<S> {
  return recentVersions<S>(listed, { maxWeight: 20_000, maxAgeMs: 600_000 });
}
