// The benchmark's goals (issue "performance at port scale"), each a ratio to a baseline measured
// in the same run where one exists, and the table printed at the end of `npm run bench`.
// biome-ignore-all lint/suspicious/noExplicitAny: the report is a loose JSON record
import { describeCost } from './phase-cost.ts';
type Report = Record<string, any>;

/** Each goal: the part of the report it reads, and whether that part meets it. */
export const GOALS: Record<string, [string, (r: Report) => boolean]> = {
  singleAtLeast045xFloor: ['gangwaySingle', (r) => r.gangwaySingle.ratioToFloor >= 0.45],
  singleP99AtMost2xFloorP99: ['gangwaySingle', (r) => r.gangwaySingle.p99RatioToFloor <= 2],
  batchAtLeast15xFloor: ['gangwayBatch', (r) => r.gangwayBatch.ratioToFloor >= 1.5],
  arrivalP99AtMost250ms: ['arrivalAutoClearance', (r) => r.arrivalAutoClearance.p99Ms <= 250],
  coldImportAtMost3xEmpty: ['coldStart', (r) => r.coldStart.bundles.every((b: any) => b.ratioToEmpty <= 3)],
  bundlesAtMost300KB: ['coldStart', (r) => r.coldStart.bundles.every((b: any) => b.bytes <= 300 * 1024)],
  overviewFlatAtMost15x: ['overviewFlatness', (r) => r.overviewFlatness.p99Ratio <= 1.5],
  monthAtMost5MinAnd1GB: [
    'monthOfABusyPort',
    (r) => r.monthOfABusyPort.wallSeconds <= 300 && r.monthOfABusyPort.peakRssMB <= 1024,
  ],
  monthSameSeedSameFigures: ['monthOfABusyPort', (r) => r.monthOfABusyPort.sameSeedSameFigures === true],
  pastCapacityP99AtMost4x: ['pastCapacity', (r) => r.pastCapacity.p99RatioTo32 <= 4],
  pastCapacityShedWith503AndNothingLost: [
    'pastCapacity',
    (r) => r.pastCapacity.shed503 > 0 && r.pastCapacity.shedWithoutRetryAfter === 0 && r.pastCapacity.lost === 0,
  ],
};

/** Each goal met (true), missed (false) or not measured in this run (null). */
export function goalsOf(r: Report): Record<string, boolean | null> {
  return Object.fromEntries(
    Object.entries(GOALS).map(([name, [part, met]]) => [name, r[part] === undefined ? null : met(r)]),
  );
}

export function printTable(r: Report) {
  const rows: [string, string, string, string][] = [];
  const at = (o: any) => (o?.load1 === undefined ? '' : ` (load ${o.load1})`);
  const add = (when: unknown, row: [string, string, string, string]) => when && rows.push(row);
  add(r.storeFloor, [
    'store floor (PutItem ×32)',
    `${r.storeFloor?.perSecond}/s`,
    `p50 ${r.storeFloor?.p50Ms} ms, p99 ${r.storeFloor?.p99Ms} ms${at(r.storeFloor)}`,
    'baseline',
  ]);
  add(r.storeFloor?.busy, ['  what the floor costs', '', describeCost(r.storeFloor), '']);
  add(r.gangwaySingle, [
    'gangway, single events ×32',
    `${r.gangwaySingle?.perSecond}/s`,
    `p50 ${r.gangwaySingle?.p50Ms} ms, p99 ${r.gangwaySingle?.p99Ms} ms${at(r.gangwaySingle)}`,
    `${r.gangwaySingle?.ratioToFloor} × floor (goal ≥ 0.45), p99 ${r.gangwaySingle?.p99RatioToFloor} × floor p99 (goal ≤ 2)`,
  ]);
  add(r.gangwaySingle?.storeRequestsPerEvent, [
    '  what a single event costs',
    `${r.gangwaySingle?.storeRequestsPerEventTotal} store requests`,
    describeCost(r.gangwaySingle),
    `about ${r.gangwaySingle?.requestCeiling} × floor at most, at that many requests`,
  ]);
  add(r.gangwayBatch, [
    'gangway, batches of 100 ×32',
    `${r.gangwayBatch?.perSecond} events/s`,
    `p50 ${r.gangwayBatch?.p50Ms} ms, p99 ${r.gangwayBatch?.p99Ms} ms per batch${at(r.gangwayBatch)}`,
    `${r.gangwayBatch?.ratioToFloor} × floor (goal ≥ 1.5)`,
  ]);
  add(r.gangwayBatch?.storeRequestsPerEvent, [
    '  what an event of a batch costs',
    `${r.gangwayBatch?.storeRequestsPerEventTotal} store requests`,
    describeCost(r.gangwayBatch),
    `about ${r.gangwayBatch?.requestCeiling} × floor at most, at that many requests`,
  ]);
  add(r.pastCapacity, [
    `past capacity, single events ×${r.pastCapacity?.devices}`,
    `${r.pastCapacity?.perSecond}/s accepted`,
    `p99 ${r.pastCapacity?.p99Ms} ms vs ${r.pastCapacity?.at32?.p99Ms} ms at 32; ${r.pastCapacity?.shed503} × 503${at(r.pastCapacity)}`,
    `${r.pastCapacity?.p99RatioTo32} × p99 at 32 (goal ≤ 4), lost ${r.pastCapacity?.lost} of ${r.pastCapacity?.acceptedEvents}`,
  ]);
  add(r.arrivalAutoClearance, [
    'arrival auto-clearance',
    `${r.arrivalAutoClearance?.ops} calls`,
    `p50 ${r.arrivalAutoClearance?.p50Ms} ms, p99 ${r.arrivalAutoClearance?.p99Ms} ms${at(r.arrivalAutoClearance)}`,
    `${r.arrivalAutoClearance?.transitionsPerCall} transitions/call (goal p99 ≤ 250 ms)`,
  ]);
  add(r.departureOneStop, [
    'departure one-stop',
    `${r.departureOneStop?.ops} calls`,
    `p50 ${r.departureOneStop?.p50Ms} ms, p99 ${r.departureOneStop?.p99Ms} ms${at(r.departureOneStop)}`,
    `${r.departureOneStop?.transitionsPerCall} transitions/call`,
  ]);
  add(r.overviewFlatness, [
    'overview, 30 days × 150 calls stored',
    `p99 ${r.overviewFlatness?.month?.p99Ms} ms`,
    `vs p99 ${r.overviewFlatness?.day?.p99Ms} ms with 1 day stored${at(r.overviewFlatness)}`,
    `${r.overviewFlatness?.p99Ratio} × (goal ≤ 1.5)`,
  ]);
  if (r.coldStart) {
    const biggest = [...r.coldStart.bundles].sort((a: any, b: any) => b.bytes - a.bytes)[0];
    const slowest = [...r.coldStart.bundles].sort((a: any, b: any) => b.ratioToEmpty - a.ratioToEmpty)[0];
    rows.push([
      'cold start (empty module)',
      `${r.coldStart.emptyModuleMs} ms`,
      `largest ${biggest.bundle} ${biggest.kb} KB${at(r.coldStart)}`,
      `slowest ${slowest.bundle} ${slowest.ratioToEmpty} × empty (goals ≤ 300 KB, ≤ 3 ×)`,
    ]);
    if (r.coldStart.sdkOnly)
      rows.push([
        'cold start, DynamoDB clients only',
        `${r.coldStart.sdkOnly.coldMs} ms`,
        'the SDK every handler loads at init, nothing else',
        `${r.coldStart.sdkOnly.ratioToEmpty} × empty, of the 3 × budget`,
      ]);
  }
  const m = r.monthOfABusyPort;
  rows.push(
    m
      ? [
          'a month of a busy port (150 × 30)',
          `${m.wallSeconds} s`,
          `peak RSS ${m.peakRssMB} MB, recorded ${m.date} (npm run simulate)${
            m.cpu ? `; CPU ${m.cpu.seconds} s on ${m.cpu.cores} cores: at least ${m.cpu.atLeastSeconds} s` : ''
          }`,
          `same seed, same figures: ${m.sameSeedSameFigures} (goals ≤ 300 s, ≤ 1 GB)`,
        ]
      : ['a month of a busy port (150 × 30)', 'not run', 'npm run simulate -- --calls 150 --days 30', ''],
  );
  add(r.costOfACall, [
    'AWS cost of one port call',
    `$${r.costOfACall?.totalUsd}`,
    Object.entries(r.costOfACall?.usd ?? {})
      .map(([k, v]) => `${k} $${v}`)
      .join(', '),
    'list prices in the report',
  ]);
  const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((row) => row[c]!.length)));
  console.log(`\n${rows.map((row) => row.map((cell, c) => cell.padEnd(widths[c]!)).join('  ')).join('\n')}`);
  console.log(
    '\nGoals:',
    Object.entries(r.goals)
      .map(([k, v]) => `${v === null ? '–' : v ? '✓' : '✗'} ${k}`)
      .join('  '),
  );
}
