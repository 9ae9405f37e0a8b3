// Live updates: the embedded runtime streams its event bus (server-sent events); elsewhere the
// dashboard polls (on AWS: `live: "poll"` in config.json). One stream for the whole page, however many views listen to it.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { currentConfig, loadSession } from './api';

let tick = 0;
const listeners = new Set<() => void>();
let source: EventSource | undefined;
let poll: ReturnType<typeof setInterval> | undefined;

function bump() {
  tick += 1;
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (listeners.size === 1) {
    const token = loadSession()?.token;
    if (token && currentConfig().live === 'sse' && 'EventSource' in window) {
      source = new EventSource(`/_local/events?token=${encodeURIComponent(token)}`);
      source.onmessage = bump;
      // On (re)connecting, reload: whatever happened while the stream was down is then shown too.
      source.onopen = bump;
    }
    poll = setInterval(bump, source ? 30_000 : 10_000);
  }
  return () => {
    listeners.delete(listener);
    if (!listeners.size) {
      source?.close();
      source = undefined;
      clearInterval(poll);
    }
  };
}

export function useLive(): number {
  return useSyncExternalStore(subscribe, () => tick);
}

/** Loads with `load` now and on every live tick; keeps the last good result while reloading. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[] = []) {
  const live = useLive();
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({ loading: true });
  // biome-ignore lint/correctness/useExhaustiveDependencies: reloads on every live tick and when the caller's deps change; `load` is a new closure each render
  useEffect(() => {
    let cancelled = false;
    load().then(
      (data) => !cancelled && setState({ data, loading: false }),
      (error: Error) => !cancelled && setState((s) => ({ ...s, error: error.message, loading: false })),
    );
    return () => {
      cancelled = true;
    };
  }, [live, ...deps]);
  return state;
}
