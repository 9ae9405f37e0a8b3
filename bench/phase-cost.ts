// What a load phase cost, beside how fast it went: the store requests each of its events made, by
// kind, and how busy each kind of thread was. With them a figure explains itself. The store floor
// makes one request an operation through the same client, so a path that makes n an event goes
// about 1/n as fast, if each of its requests costs what a floor write does; and a thread near 1.0
// is the one that binds.
import { cpuMark, cpuReport } from './cpu.ts';
import { type Figures, round } from './stats.ts';

export interface PhaseCost {
  /** Store requests per event, by operation (`GetItem`, `PutItem`, …), counted at the client. */
  storeRequestsPerEvent: Record<string, number>;
  storeRequestsPerEventTotal: number;
  /** 1 ÷ requests per event: about the most this path can reach, as a ratio to the floor. */
  requestCeiling: number;
  /** CPU-seconds per second of the phase, by kind of thread (1 = one core busy throughout). */
  busy?: Record<string, number>;
}

/** Runs `phase`, counting the store requests it adds to `counts` and the CPU it takes. */
export async function withCost<T extends Figures>(
  counts: Readonly<Record<string, number>>,
  phase: () => Promise<T>,
): Promise<T & PhaseCost> {
  const before = { ...counts };
  const mark = cpuMark();
  const started = performance.now();
  const figures = await phase();
  const wall = (performance.now() - started) / 1000;
  const perEvent = Object.fromEntries(
    Object.entries(counts)
      .map(
        ([command, n]) =>
          [command.replace(/Command$/, ''), (n - (before[command] ?? 0)) / Math.max(1, figures.ops)] as const,
      )
      .filter(([, n]) => n > 0)
      .map(([command, n]) => [command, round(n, 2)]),
  );
  const total = Object.values(perEvent).reduce((a, b) => a + b, 0);
  const { byThread } = cpuReport(mark, wall);
  return {
    ...figures,
    storeRequestsPerEvent: perEvent,
    storeRequestsPerEventTotal: round(total, 2),
    requestCeiling: total ? round(1 / total, 2) : 0,
    ...(byThread && {
      busy: Object.fromEntries(Object.entries(byThread).map(([name, s]) => [name, round(s / wall, 2)])),
    }),
  };
}

/** `GetItem 1, PutItem 2.2; MainThread 0.97, WorkerThread 0.62 cores` */
export function describeCost(cost: Partial<PhaseCost> | undefined): string {
  if (!cost?.storeRequestsPerEvent) return '';
  const requests = Object.entries(cost.storeRequestsPerEvent)
    .map(([command, n]) => `${command} ${n}`)
    .join(', ');
  const busy = Object.entries(cost.busy ?? {})
    .slice(0, 3)
    .map(([name, n]) => `${name} ${n}`)
    .join(', ');
  return `${requests}${busy ? `; busy: ${busy} cores` : ''}`;
}
