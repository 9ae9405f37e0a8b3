// Where a run's CPU went: the whole process's CPU time against its wall time and cores, and, on
// Linux, split by the kind of thread that spent it. A run whose CPU time over its cores comes near
// its wall time is bound by this machine's CPU, not by how the work is scheduled.
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { round } from './stats.ts';

/**
 * CPU seconds by thread name. Node names its threads: `MainThread` (handlers, workflows, the SDK),
 * `WorkerThread` (here the store's thread, dynalite), `libuv-worker` (the thread pool's four, where
 * LevelDB reads and writes, and LevelDB's compaction thread, which is started from one of them and
 * so carries its name), `V8Worker` (garbage collection, compilers). A thread that has ended is gone.
 */
function cpuByThread(): Record<string, number> | undefined {
  const ticksPerSecond = 100; // USER_HZ, 100 on every Linux Node supports
  try {
    const byKind: Record<string, number> = {};
    for (const task of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${task}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      // After the name: state, then fields 4…; utime and stime are fields 14 and 15.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const seconds = (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
      byKind[name] = (byKind[name] ?? 0) + seconds;
    }
    return byKind;
  } catch {
    return undefined; // not Linux
  }
}

/** Where a run starts counting: the process's CPU so far, and each kind of thread's. */
export const cpuMark = () => ({ usage: process.cpuUsage(), byThread: cpuByThread() });

/** CPU spent since `start`, against the wall time it took. */
export function cpuReport(start: ReturnType<typeof cpuMark>, wallSeconds: number) {
  const used = process.cpuUsage(start.usage);
  const seconds = (used.user + used.system) / 1e6;
  const cores = availableParallelism();
  const byThread = cpuByThread();
  return {
    seconds: round(seconds, 1),
    cores,
    // The least wall time this much CPU needs on these cores, with every core busy throughout.
    atLeastSeconds: round(seconds / cores, 1),
    shareOfCores: round(seconds / cores / wallSeconds, 2),
    byThread:
      byThread &&
      Object.fromEntries(
        Object.entries(byThread)
          .map(([name, s]) => [name, s - (start.byThread?.[name] ?? 0)] as const)
          .filter(([, s]) => s > 0)
          .sort(([, a], [, b]) => b - a)
          .map(([name, s]) => [name, round(s, 1)]),
      ),
  };
}
