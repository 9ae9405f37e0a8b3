// Live updates: the embedded runtime streams its event bus (server-sent events); elsewhere the
// dashboard polls (on AWS: `live: "poll"` in config.json). One stream for the whole page, however many views listen to it.
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { ApiError, currentConfig, loadSession } from './api';

let tick = 0;
const listeners = new Set<() => void>();
let source: EventSource | undefined;
let poll: ReturnType<typeof setInterval> | undefined;

/** How changes reach the page: the stream is open, is being re-opened, or the page polls. */
export type Connection = 'live' | 'reconnecting' | 'polling';
let connection: Connection = 'polling';
const connectionListeners = new Set<() => void>();
function setConnection(next: Connection) {
  if (next === connection) return;
  connection = next;
  connectionListeners.forEach((l) => l());
}

function bump() {
  tick += 1;
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (listeners.size === 1) {
    const session = loadSession();
    const token = session?.token;
    // The event stream is the port's: agents' pages poll.
    if (token && session.role !== 'agent' && currentConfig().live === 'sse' && 'EventSource' in window) {
      source = new EventSource(`/_local/events?token=${encodeURIComponent(token)}`);
      source.onmessage = bump;
      // On (re)connecting, reload: whatever happened while the stream was down is then shown too.
      source.onopen = () => (setConnection('live'), bump());
      // EventSource retries by itself; until it is back, say so.
      source.onerror = () => setConnection('reconnecting');
      setConnection('reconnecting');
    }
    poll = setInterval(bump, source ? 30_000 : 10_000);
  }
  return () => {
    listeners.delete(listener);
    if (!listeners.size) {
      source?.close();
      source = undefined;
      clearInterval(poll);
      setConnection('polling');
    }
  };
}

export function useLive(): number {
  return useSyncExternalStore(subscribe, () => tick);
}

export function useConnection(): Connection {
  return useSyncExternalStore(
    (l) => (connectionListeners.add(l), () => connectionListeners.delete(l)),
    () => connection,
  );
}

export interface Loaded<T> {
  data?: T;
  error?: string;
  /** The HTTP status of a refused request (0: the network failed). */
  errorStatus?: number;
  loading: boolean;
  reload: () => void;
}

/** Loads with `load` now and on every live tick; keeps the last good result while reloading. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[] = []): Loaded<T> {
  const live = useLive();
  const [again, setAgain] = useState(0);
  const [state, setState] = useState<Omit<Loaded<T>, 'reload'>>({ loading: true });
  // biome-ignore lint/correctness/useExhaustiveDependencies: reloads on every live tick and when the caller's deps change; `load` is a new closure each render
  useEffect(() => {
    let cancelled = false;
    load().then(
      (data) => !cancelled && setState({ data, loading: false }),
      (error: Error) =>
        !cancelled &&
        setState((s) => ({
          ...s,
          error: error.message,
          errorStatus: error instanceof ApiError ? error.status : 0,
          loading: false,
        })),
    );
    return () => {
      cancelled = true;
    };
  }, [live, again, ...deps]);
  return { ...state, reload: () => setAgain((n) => n + 1) };
}

/**
 * The keys of items that changed (or appeared) since the last load, marked for a few seconds so
 * an officer sees what moved; nothing is marked on the first load.
 */
export function useChanged<T>(items: readonly T[] | undefined, key: (item: T) => string, ms = 6_000): Set<string> {
  const seen = useRef<Map<string, string> | undefined>(undefined);
  const [changed, setChanged] = useState<Set<string>>(new Set());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const fingerprint = items ? JSON.stringify(items) : '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: compares by content; `items` is a new array each load
  useEffect(() => {
    if (!items) return;
    const now = new Map(items.map((item) => [key(item), JSON.stringify(item)]));
    const before = seen.current;
    seen.current = now;
    if (!before) return;
    const moved = [...now].filter(([k, v]) => before.get(k) !== v).map(([k]) => k);
    if (!moved.length) return;
    setChanged(new Set(moved));
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setChanged(new Set()), ms);
  }, [fingerprint]);
  return changed;
}
