// `npm run bench`: the benchmarks, each held against a baseline measured in the same run, written to
// bench/results/<date>.json with a readable table. Nothing here is a pass/fail test.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoClient, documentClient, tableName } from '#shared/aws.ts';
import { postSigned, scan } from '#local/device-client.ts';
import { startRuntime } from '#local/runtime.ts';
import { coldStart } from './cold-start.ts';
import { costOfACall } from './cost.ts';
import { api, announceAndDeclare, callAtGangway, tokens, waitForEvent } from './scenario.ts';
import { figures, load, progress, round } from './stats.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const DEVICES = 32;
const CALLS = Number(process.env.BENCH_CALLS ?? 200);
const PERSONS = 25;

const dataDir = mkdtempSync(join(tmpdir(), 'three-zeros-bench-'));
const runtime = await startRuntime({ port: 0, dataDir, rateLimit: false });
const client = api(runtime.url);
const t = await tokens(runtime);
const report: Record<string, unknown> = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version },
  settings: { seconds: SECONDS, devices: DEVICES, calls: CALLS, persons: PERSONS },
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
  // 1. The store floor: bare PutItem of ~500-byte items at the same concurrency.
  progress(`store floor: PutItem, ${DEVICES} concurrent, ${SECONDS} s`);
  const padding = 'x'.repeat(430);
  let stop = performance.now() + SECONDS * 1000;
  const floorRun = await load(
    DEVICES,
    () => performance.now() > stop,
    async (w, i) => {
      await documentClient().send(
        new PutCommand({ TableName: tableName(), Item: { pk: `BENCH#${w}`, sk: `ITEM#${i}`, padding } }),
      );
    },
  );
  const floor = figures(floorRun.latencies, floorRun.seconds);

  // 2. Gangway ingest through the whole path, from 32 devices on 32 calls in port.
  progress(`setting up ${DEVICES} calls in port with ${PERSONS} persons and a device each`);
  const gangways: Awaited<ReturnType<typeof callAtGangway>>[] = [];
  for (let i = 0; i < DEVICES; i++) gangways.push(await callAtGangway(runtime, client, t, PERSONS, i));
  const clock = { t: Date.now() - 6 * 3_600_000 };
  const nextEvent = (g: (typeof gangways)[number], i: number) =>
    scan({
      callId: g.callId,
      personRef: g.refs[i % g.refs.length]!,
      // Each person goes ashore, then back, in turn.
      direction: Math.floor(i / g.refs.length) % 2 === 0 ? 'DISEMBARK' : 'BOARD',
      capturedAt: new Date((clock.t += 7)),
    });

  progress(`gangway ingest, single events: ${DEVICES} devices, ${SECONDS} s`);
  stop = performance.now() + SECONDS * 1000;
  const singleRun = await load(
    DEVICES,
    () => performance.now() > stop,
    async (w, i) => {
      const res = await postSigned(runtime.url, gangways[w]!.device, nextEvent(gangways[w]!, i));
      if (res.status !== 202) throw new Error(`ingest answered ${res.status}`);
    },
  );
  const single = figures(singleRun.latencies, singleRun.seconds);

  progress(`gangway ingest, batches of 100: ${DEVICES} devices, ${SECONDS} s`);
  stop = performance.now() + SECONDS * 1000;
  const offsets = new Array(DEVICES).fill(100_000);
  const batchRun = await load(
    DEVICES,
    () => performance.now() > stop,
    async (w) => {
      const g = gangways[w]!;
      const events = Array.from({ length: 100 }, () => nextEvent(g, offsets[w]++));
      const res = await postSigned(runtime.url, g.device, { events });
      if (res.status !== 202 || res.body.accepted !== 100) throw new Error(`batch answered ${res.status}`);
      return 100;
    },
  );
  const batch = figures(batchRun.latencies, batchRun.seconds, batchRun.ops);

  // 3. Arrival auto-clearance: submit → permit, 25-person low-risk calls.
  progress(`arrival auto-clearance: ${CALLS} calls of ${PERSONS} persons, 8 in flight`);
  const before = { ...storeOps };
  const arrivals: { callId: string; ms: number }[] = [];
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
  const arrival = {
    ...figures(
      arrivals.map((a) => a.ms),
      arrivalRun.seconds,
    ),
    ...executionCounts('arrival', arrivals),
  };

  // 4. Departure one-stop: submit → permit, for the same calls, everyone on board.
  progress(`departure one-stop: ${CALLS} calls, 8 in flight`);
  const departures: { callId: string; ms: number }[] = [];
  next = 0;
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
  };
  const opsPerCall = Object.fromEntries(
    Object.entries(storeOps).map(([k, v]) => [k, round((v - (before[k] ?? 0)) / CALLS, 1)]),
  );

  // 5. Cold start of every bundle.
  progress('cold start: bundling every handler and timing fresh processes');
  const cold = await coldStart();

  report.storeFloor = floor;
  report.gangwaySingle = { ...single, ratioToFloor: round(single.perSecond / floor.perSecond, 2) };
  report.gangwayBatch = { ...batch, ratioToFloor: round(batch.perSecond / floor.perSecond, 2) };
  report.arrivalAutoClearance = arrival;
  report.departureOneStop = departure;
  report.coldStart = cold;
  report.costOfACall = costOfACall({
    arrival,
    departure,
    storeOpsPerCall: opsPerCall,
    gangwayPassesPerCall: PERSONS * 4,
    gangwayBatchSize: 1,
  });
  report.goals = {
    singleIngestAtLeast035xFloor: (report.gangwaySingle as { ratioToFloor: number }).ratioToFloor >= 0.35,
    singleIngestP99AtMost30ms: single.p99Ms <= 30,
    batchIngestAtLeast1xFloor: (report.gangwayBatch as { ratioToFloor: number }).ratioToFloor >= 1,
    arrivalP99AtMost1s: arrival.p99Ms <= 1000,
    arrivalTransitionsAtMost40: arrival.transitionsPerCall <= 40,
    bundlesAtMost500KB: cold.bundles.every((b) => b.bytes <= 500 * 1024),
    coldImportAtMost4xEmpty: cold.bundles.every((b) => b.ratioToEmpty <= 4),
  };

  const file = `bench/results/${report.date as string}.json`.replace(/:/g, '-');
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  printTable(report);
  console.log(`\nReport: ${file}`);
} finally {
  await runtime.stop();
  rmSync(dataDir, { recursive: true, force: true });
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

function printTable(r: Record<string, any>) {
  const rows: [string, string, string, string][] = [
    [
      'store floor (PutItem ×32)',
      `${r.storeFloor.perSecond}/s`,
      `p50 ${r.storeFloor.p50Ms} ms, p99 ${r.storeFloor.p99Ms} ms`,
      'baseline',
    ],
    [
      'gangway, single events ×32',
      `${r.gangwaySingle.perSecond}/s`,
      `p50 ${r.gangwaySingle.p50Ms} ms, p99 ${r.gangwaySingle.p99Ms} ms`,
      `${r.gangwaySingle.ratioToFloor} × floor (goal ≥ 0.35, p99 ≤ 30 ms)`,
    ],
    [
      'gangway, batches of 100 ×32',
      `${r.gangwayBatch.perSecond} events/s`,
      `p50 ${r.gangwayBatch.p50Ms} ms, p99 ${r.gangwayBatch.p99Ms} ms per batch`,
      `${r.gangwayBatch.ratioToFloor} × floor (goal ≥ 1.0)`,
    ],
    [
      'arrival auto-clearance',
      `${r.arrivalAutoClearance.ops} calls`,
      `p50 ${r.arrivalAutoClearance.p50Ms} ms, p99 ${r.arrivalAutoClearance.p99Ms} ms`,
      `${r.arrivalAutoClearance.transitionsPerCall} transitions/call (goal ≤ 40, p99 ≤ 1 s)`,
    ],
    [
      'departure one-stop',
      `${r.departureOneStop.ops} calls`,
      `p50 ${r.departureOneStop.p50Ms} ms, p99 ${r.departureOneStop.p99Ms} ms`,
      `${r.departureOneStop.transitionsPerCall} transitions/call`,
    ],
  ];
  const biggest = [...r.coldStart.bundles].sort((a: any, b: any) => b.bytes - a.bytes)[0];
  const slowest = [...r.coldStart.bundles].sort((a: any, b: any) => b.ratioToEmpty - a.ratioToEmpty)[0];
  rows.push([
    'cold start (empty module)',
    `${r.coldStart.emptyModuleMs} ms`,
    `largest ${biggest.bundle} ${biggest.kb} KB`,
    `slowest ${slowest.bundle} ${slowest.ratioToEmpty} × empty (goals ≤ 500 KB, ≤ 4 ×)`,
  ]);
  rows.push([
    'AWS cost of one port call',
    `$${r.costOfACall.totalUsd}`,
    Object.entries(r.costOfACall.usd)
      .map(([k, v]) => `${k} $${v}`)
      .join(', '),
    'list prices in the report',
  ]);
  const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((row) => row[c]!.length)));
  console.log(`\n${rows.map((row) => row.map((cell, c) => cell.padEnd(widths[c]!)).join('  ')).join('\n')}`);
  console.log(
    '\nGoals met:',
    Object.entries(r.goals)
      .map(([k, v]) => `${v ? '✓' : '✗'} ${k}`)
      .join('  '),
  );
}
