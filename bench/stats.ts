// Latency and throughput figures, computed the same way for every benchmark.
export interface Figures {
  ops: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function figures(latenciesMs: number[], seconds: number, ops = latenciesMs.length): Figures {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return {
    ops,
    seconds: round(seconds, 2),
    perSecond: round(ops / seconds, 1),
    p50Ms: round(percentile(sorted, 50), 2),
    p99Ms: round(percentile(sorted, 99), 2),
  };
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Runs `task` from `workers` loops until `until()` says stop; returns each task's latency. */
export async function load(
  workers: number,
  until: () => boolean,
  task: (worker: number, i: number) => Promise<number | undefined>,
) {
  const latencies: number[] = [];
  let ops = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      for (let i = 0; !until(); i++) {
        const t0 = performance.now();
        const counted = await task(worker, i);
        latencies.push(performance.now() - t0);
        ops += typeof counted === 'number' ? counted : 1;
      }
    }),
  );
  return { latencies, ops, seconds: (performance.now() - started) / 1000 };
}

export function progress(message: string) {
  process.stderr.write(`  ${new Date().toISOString().slice(11, 19)}  ${message}\n`);
}

/** Latencies kept by kind of operation, summed up as a count, p50 and p99 for each. */
export class LatencyByKind {
  readonly #byKind = new Map<string, number[]>();

  record(kind: string, ms: number) {
    const latencies = this.#byKind.get(kind) ?? [];
    latencies.push(ms);
    this.#byKind.set(kind, latencies);
  }

  summary() {
    return Object.fromEntries(
      [...this.#byKind].map(([kind, latencies]) => {
        const sorted = [...latencies].sort((a, b) => a - b);
        const totalMs = sorted.reduce((sum, ms) => sum + ms, 0);
        return [
          kind,
          {
            count: sorted.length,
            p50Ms: round(percentile(sorted, 50), 0),
            p99Ms: round(percentile(sorted, 99), 0),
            totalSeconds: round(totalMs / 1000, 1),
          },
        ];
      }),
    );
  }
}
