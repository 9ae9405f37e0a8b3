// Whether the screen is phone-narrow, where wide tables become cards.
import { useSyncExternalStore } from 'react';

const query = window.matchMedia('(max-width: 688px)');

export function useNarrow(): boolean {
  return useSyncExternalStore(
    (l) => (query.addEventListener('change', l), () => query.removeEventListener('change', l)),
    () => query.matches,
  );
}
