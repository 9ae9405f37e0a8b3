// The one source of "now" for handlers and steps; tests swap it instead of waiting.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

let current: Clock = systemClock;

export const clock: Clock = { now: () => current.now() };

export function useClock(next: Clock): void {
  current = next;
}

/** A clock fixed at `iso` that tests can move forward. */
export function fixedClock(iso: string): Clock & { advance(ms: number): void; set(iso: string): void } {
  let t = Date.parse(iso);
  return {
    now: () => new Date(t),
    advance: (ms) => {
      t += ms;
    },
    set: (next) => {
      t = Date.parse(next);
    },
  };
}
