// `npm run bench`: the benchmarks, each held against a baseline measured in the same run, written to
// bench/results/<date>.json with a readable table. Nothing here is a pass/fail test.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { dynamoClient } from '#shared/aws.ts';
import { startRuntime } from '#local/runtime.ts';
import { coldStart } from './cold-start.ts';
import { costOfACall } from './cost.ts';
import { goalsChart } from './chart.ts';
import { batches, gangways, pastCapacity, singleEvents, storeFloor } from './ingest.ts';
import { overviewFlatness } from './overview.ts';
import { withCost } from './phase-cost.ts';
import { latestSimulation } from './month.ts';
import { api, announceAndDeclare, tokens, waitForEvent } from './scenario.ts';
import { figures, load, progress, round } from './stats.ts';
import { goalsOf, printTable } from './table.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
/**
 * Past capacity compares two p99s. Over 5 s about 1,700 requests are accepted, so each p99 is
 * the 17th slowest and moved 1.5–5.2 × between runs; over 15 s, 1.5–2.2 × (bench/README.md,
 * "2026-12-03, afternoon").
 */
const CAPACITY_SECONDS = Number(process.env.BENCH_CAPACITY_SECONDS ?? 3 * SECONDS);
const DEVICES = 32;
const PAST_CAPACITY = 128;
/** `BENCH_ONLY=floor,single` runs just those phases (for profiling one of them). */
const ONLY = process.env.BENCH_ONLY?.split(',');
const runs = (phase: string) => !ONLY || ONLY.includes(phase);
/** The machine's load average when each figure was taken: other work on it skews absolute figures. */
const load1 = () => round(loadavg()[0]!, 2);
const CALLS = Number(process.env.BENCH_CALLS ?? 200);
const PERSONS = 25;

const dataDir = mkdtempSync(join(tmpdir(), 'three-zeros-bench-'));
const runtime = await startRuntime({ port: 0, dataDir, rateLimit: false });
const client = api(runtime.url);
const t = await tokens(runtime);
const report: Record<string, unknown> = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version },
  settings: { seconds: SECONDS, capacitySeconds: CAPACITY_SECONDS, devices: DEVICES, calls: CALLS, persons: PERSONS },
};

// Count store requests by kind, for the cost of a call.
const storeOps: Record<string, number> = {};
dynamoClient().middlewareStack.add(
  (next, context) => async (args) => {
    storeOps[context.commandName ?? 'unknown'] = (storeOps[context.commandName ?? 'unknown'] ?? 0) + 1;
    return next(args);
  },
  { step: 'initialize', name: 'benchCounter' },
);

try {
  const floor = { ...(await withCost(storeOps, () => storeFloor(DEVICES, SECONDS))), load1: load1() };
  report.storeFloor = floor;

  if (runs('single') || runs('batch') || runs('capacity')) {
    const devices = await gangways(runtime, client, t, DEVICES, 0);
    if (runs('single')) {
      const single = await withCost(storeOps, () => singleEvents(runtime.url, devices, SECONDS));
      report.gangwaySingle = {
        ...single,
        load1: load1(),
        ratioToFloor: round(single.perSecond / floor.perSecond, 2),
        p99RatioToFloor: round(single.p99Ms / floor.p99Ms, 2),
      };
    }
    if (runs('batch')) {
      const batch = await withCost(storeOps, () => batches(runtime.url, devices, SECONDS));
      report.gangwayBatch = { ...batch, load1: load1(), ratioToFloor: round(batch.perSecond / floor.perSecond, 2) };
    }
    if (runs('capacity')) {
      // The p99 at 32 measured again just before, so both sides of the ratio share the machine's state.
      const at32 = await singleEvents(runtime.url, devices, CAPACITY_SECONDS);
      const more = await gangways(runtime, client, t, PAST_CAPACITY - DEVICES, DEVICES);
      const past = await pastCapacity(runtime.url, [...devices, ...more], CAPACITY_SECONDS);
      report.pastCapacity = {
        devices: PAST_CAPACITY,
        at32: { ...at32, load1: load1() },
        ...past,
        load1: load1(),
        p99RatioTo32: round(past.p99Ms / at32.p99Ms, 2),
      };
    }
  }

  const before = { ...storeOps };
  const arrivals: { callId: string; ms: number }[] = [];
  if (runs('arrival')) {
    // Arrival auto-clearance: submit → permit, 25-person low-risk calls.
    progress(`arrival auto-clearance: ${CALLS} calls of ${PERSONS} persons, 8 in flight`);
    let next = 0;
    const arrivalRun = await load(
      8,
      () => next >= CALLS,
      async () => {
        const n = next++;
        const { callId, declaration } = await announceAndDeclare(client, t, PERSONS, 1000 + n);
        const cleared = waitForEvent(runtime, 'ArrivalCleared', callId);
        const t0 = performance.now();
        const res = await client.request('PUT', `/v1/calls/${callId}/arrival`, t.agent, declaration);
        if (res.status !== 202) throw new Error(`arrival answered ${res.status}`);
        arrivals.push({ callId, ms: (await cleared) - t0 });
      },
    );
    report.arrivalAutoClearance = {
      ...figures(
        arrivals.map((a) => a.ms),
        arrivalRun.seconds,
      ),
      ...executionCounts('arrival', arrivals),
      load1: load1(),
    };
  }

  if (runs('arrival') && runs('departure')) {
    // Departure one-stop: submit → permit, for the same calls, everyone on board.
    progress(`departure one-stop: ${arrivals.length} calls, 8 in flight`);
    const departures: { callId: string; ms: number }[] = [];
    let next = 0;
    const departureRun = await load(
      8,
      () => next >= arrivals.length,
      async () => {
        const { callId } = arrivals[next++]!;
        await client.request('POST', `/v1/calls/${callId}/arrived`, t.agent, {});
        const draft = await client.request('GET', `/v1/calls/${callId}/departure`, t.agent);
        const cleared = waitForEvent(runtime, 'DepartureCleared', callId);
        const t0 = performance.now();
        const res = await client.request('PUT', `/v1/calls/${callId}/departure`, t.agent, draft.body.draft);
        if (res.status !== 202) throw new Error(`departure answered ${res.status}`);
        departures.push({ callId, ms: (await cleared) - t0 });
        await client.request('POST', `/v1/calls/${callId}/departed`, t.agent, {});
      },
    );
    const departure = {
      ...figures(
        departures.map((d) => d.ms),
        departureRun.seconds,
      ),
      ...executionCounts('departure', departures),
      load1: load1(),
    };
    report.departureOneStop = departure;
    const opsPerCall = Object.fromEntries(
      Object.entries(storeOps).map(([k, v]) => [k, round((v - (before[k] ?? 0)) / CALLS, 1)]),
    );
    report.costOfACall = costOfACall({
      arrival: report.arrivalAutoClearance as never,
      departure,
      storeOpsPerCall: opsPerCall,
      gangwayPassesPerCall: PERSONS * 4,
      gangwayBatchSize: 1,
    });
  }

  if (runs('overview')) report.overviewFlatness = { ...(await overviewFlatness(runtime, client, t)), load1: load1() };

  if (runs('cold')) {
    progress('cold start: bundling every handler and timing fresh processes');
    report.coldStart = { ...(await coldStart()), load1: load1() };
  }

  report.monthOfABusyPort = latestSimulation(150, 30);
  report.goals = goalsOf(report);
  const file = `bench/results/${report.date as string}.json`.replace(/:/g, '-');
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(file.replace(/\.json$/, '.svg'), goalsChart(chartRows(report)));
  printTable(report);
  console.log(`\nReport: ${file}`);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await runtime.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

/** The figures held against a goal, for the chart beside the report. */
function chartRows(r: Record<string, any>) {
  const rows: { label: string; value: number; goal: number; atMost: boolean }[] = [];
  const add = (label: string, value: number | undefined, goal: number, atMost: boolean) =>
    value !== undefined && rows.push({ label, value, goal, atMost });
  add('single events ÷ store floor', r.gangwaySingle?.ratioToFloor, 0.45, false);
  add('single p99 ÷ floor p99', r.gangwaySingle?.p99RatioToFloor, 2, true);
  add('batches ÷ store floor', r.gangwayBatch?.ratioToFloor, 1.5, false);
  add('arrival p99 (ms)', r.arrivalAutoClearance?.p99Ms, 250, true);
  add(
    'slowest cold import ÷ empty',
    r.coldStart && Math.max(...r.coldStart.bundles.map((b: any) => b.ratioToEmpty)),
    3,
    true,
  );
  add('largest bundle (KB)', r.coldStart && Math.max(...r.coldStart.bundles.map((b: any) => b.kb)), 300, true);
  add('overview p99, 30 days ÷ 1 day', r.overviewFlatness?.p99Ratio, 1.5, true);
  add('p99 at 128 devices ÷ at 32', r.pastCapacity?.p99RatioTo32, 4, true);
  add('a month simulated (s)', r.monthOfABusyPort?.wallSeconds, 300, true);
  add('its peak RSS (MB)', r.monthOfABusyPort?.peakRssMB, 1024, true);
  return rows;
}

function executionCounts(kind: string, done: { callId: string }[]) {
  const ids = new Set(done.map((d) => d.callId));
  const executions = runtime.stepFunctions
    .executions()
    .filter((e) => e.name.includes(`-${kind}-`) && ids.has(e.name.split('-')[0]!));
  const per = (f: (e: (typeof executions)[number]) => number) =>
    round(executions.reduce((n, e) => n + f(e), 0) / Math.max(1, ids.size), 1);
  return {
    transitionsPerCall: per((e) => e.transitions),
    taskInvocationsPerCall: per((e) => e.tasks),
    taskMsPerCall: per((e) => e.taskMs),
  };
}
