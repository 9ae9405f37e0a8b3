// The month of a busy port as `npm run simulate -- --calls 150 --days 30` last recorded it: the
// simulation takes minutes, so the benchmark reads its reports instead of running it again.
import { readdirSync, readFileSync } from 'node:fs';

interface SimulationReport {
  date: string;
  settings: { callsPerDay: number; days: number; seed: number };
  wallSeconds: number;
  peakRssMB?: number;
  load1?: number;
  cpu?: { seconds: number; cores: number; atLeastSeconds: number };
  figures: unknown;
}

export function latestSimulation(callsPerDay: number, days: number, dir = 'bench/results') {
  const runs = readdirSync(dir)
    .filter((f) => f.startsWith('simulation-') && f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as SimulationReport)
    .filter((r) => r.settings.callsPerDay === callsPerDay && r.settings.days === days && r.peakRssMB !== undefined);
  const last = runs.at(-1);
  if (!last) return undefined;
  // Repeatable: the run before it with the same seed must have found the same figures.
  const previous = runs.slice(0, -1).findLast((r) => r.settings.seed === last.settings.seed);
  return {
    date: last.date,
    seed: last.settings.seed,
    wallSeconds: last.wallSeconds,
    peakRssMB: last.peakRssMB,
    load1: last.load1,
    cpu: last.cpu,
    sameSeedSameFigures: previous ? JSON.stringify(previous.figures) === JSON.stringify(last.figures) : null,
  };
}
