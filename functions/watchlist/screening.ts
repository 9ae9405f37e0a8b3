// Screening persons against the watch list: one batch of key look-ups, a MAJOR finding per hit.
import type { RiskReason } from '#clearance/schema.ts';
import { type ScreenedPerson, personKeys } from './rules.ts';
import type { WatchListStore } from './store.ts';

export async function screen(
  store: WatchListStore,
  port: string,
  persons: readonly ScreenedPerson[],
): Promise<RiskReason[]> {
  const wanted = persons.flatMap((p) => personKeys(p).map((k) => ({ ...k, ref: p.ref })));
  const found = new Map(
    (
      await store.lookup(
        port,
        wanted.map((w) => w.key),
      )
    ).map((e) => [e.key, e]),
  );
  return wanted
    .filter((w) => found.has(w.key))
    .map((w) => ({
      code: 'WATCH_LIST_HIT',
      severity: 'MAJOR',
      personRef: w.ref,
      detail: `watch-list match on ${w.matchedOn === 'DOCUMENT' ? 'travel document' : 'name and date of birth'}: ${found.get(w.key)!.entry.reason}`,
    }));
}
