// `npm run simulate -- --calls 150 --days 1`: port days on the embedded runtime under a simulated
// clock. Agents announce and declare at realistic lead times (some late, some amending), a share
// of calls need an officer who decides after a while, crews go ashore and back through gangway
// devices, ships depart. Reports the three-zeros figures and writes a chart next to the report.
// With `--ports 30` it replays a national day at reduced scale: port k has `calls ÷ k` calls a
// day (the busiest first), each with its own officers, and the report names the table's hottest
// keys. The store is on disk in a temporary folder, as a deployment's would be.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { dynamoClient } from '#shared/aws.ts';
import { useClock } from '#shared/clock.ts';
import { postSigned, scan } from '#local/device-client.ts';
import { announcement, crewOf } from '#local/examples.ts';
import { startRuntime } from '#local/runtime.ts';
import { api, tokens, waitForEvent } from './scenario.ts';
import { LatencyByKind, progress, round } from './stats.ts';
import { cpuMark, cpuReport } from './cpu.ts';
import { chart } from './chart.ts';
import { countKeys } from './hot-keys.ts';
import { decodeLocodes, locodesOf } from '#reference/un-locode-codec.ts';
import vendoredLocodes from '#reference/un-locode.json' with { type: 'json' };

const { values } = parseArgs({
  options: {
    calls: { type: 'string', default: '150' },
    days: { type: 'string', default: '1' },
    persons: { type: 'string', default: '25' },
    seed: { type: 'string', default: '7' },
    ports: { type: 'string', default: '1' },
  },
});
const CALLS = Number(values.calls);
const DAYS = Number(values.days);
const PERSONS = Number(values.persons);
/** The national replay's ports, busiest first: the first is the demo port. */
// Real Chinese ports from the vendored UN/LOCODE list, which the API checks every port against.
const PORTS = [
  'CNTXG',
  ...[...locodesOf(decodeLocodes(vendoredLocodes.data))]
    .filter((code) => code.startsWith('CN') && code !== 'CNTXG')
    .slice(0, Number(values.ports) - 1),
];
const HOUR = 3_600_000;
const BUCKET = 15 * 60_000;

// A seeded generator, so a run can be repeated.
let state = Number(values.seed);
const random = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const between = (a: number, b: number) => a + random() * (b - a);

let now = Date.parse('2027-03-01T00:00:00Z');
useClock({ now: () => new Date(now) });
const dataDir = mkdtempSync(join(tmpdir(), 'three-zeros-simulation-'));
// The simulated clock stands still between quarters: no TTL sweep (events outlive the run anyway).
const runtime = await startRuntime({
  port: 0,
  rateLimit: false,
  ...(process.env.SIMULATE_IN_MEMORY ? {} : { dataDir }),
});
const client = api(runtime.url);
const portTokens = new Map(
  await Promise.all(PORTS.map(async (port) => [port, await tokens(runtime, 'BENCH-SHIPPING', port)] as const)),
);
const heat = countKeys(dynamoClient(), () => Math.floor(now / HOUR));
const wallStart = performance.now();
const cpuStart = cpuMark();

type Action = { at: number; kind: string; run: () => Promise<void>; call: object };
const actions: Action[] = [];
/** The call whose actions are being planned: one call's actions always run in the order planned. */
let planning: object = {};
const plan = (at: number, kind: string, run: () => Promise<void>) => actions.push({ at, kind, run, call: planning });
const latencies = new LatencyByKind();

interface Sim {
  callId?: string;
  eta: number;
  etd: number;
  ata: number;
  risky: boolean;
  late: boolean;
  lateDeparture: boolean;
  amends: boolean;
  device?: { deviceId: string; key: string };
  refs: string[];
}

for (let day = 0; day < DAYS; day++) {
  for (const [rank, port] of PORTS.entries()) {
    const t = portTokens.get(port)!;
    for (let i = 0; i < Math.max(1, Math.round(CALLS / (rank + 1))); i++) {
      const eta = now + (day + 3) * 24 * HOUR + between(0, 24 * HOUR);
      const stay = between(18, 40) * HOUR;
      const sim: Sim = {
        eta,
        etd: eta + stay,
        ata: eta + between(-1, 2) * HOUR,
        risky: random() < 0.1,
        late: random() < 0.08,
        lateDeparture: random() < 0.04,
        amends: random() < 0.15,
        refs: [],
      };
      planning = sim;
      const announced = eta - between(72, 120) * HOUR;
      const declared = sim.late ? sim.ata + between(0.5, 3) * HOUR : eta - between(24, 60) * HOUR;
      const body = announcement({ daysAhead: 0, at: new Date(eta), port });
      body.eta = new Date(eta).toISOString();
      body.etd = new Date(sim.etd).toISOString();
      const declaration = crewOf(body.eta, PERSONS, day * CALLS + i);
      declaration.health.sanitationCertificateValidUntil = new Date(eta + 180 * 24 * HOUR).toISOString().slice(0, 10);
      if (sim.risky) declaration.health.illPersonsCount = 1;

      plan(announced, 'announce', async () => {
        const res = await client.request('POST', '/v1/calls', t.agent, body);
        sim.callId = res.body.callId;
        sim.refs = declaration.crew.map((p) => p.ref);
      });
      plan(declared, 'declare arrival', async () => {
        // A late declaration carries the ETA the ship actually kept.
        if (sim.late) declaration.schedule = { eta: new Date(declared + HOUR).toISOString() };
        const outcome = waitForEvent(runtime, ['ReviewRequested', 'ArrivalCleared'], sim.callId!);
        const res = await client.request('PUT', `/v1/calls/${sim.callId}/arrival`, t.agent, declaration);
        if (res.status !== 202) throw new Error(`arrival refused: ${JSON.stringify(res.body)}`);
        await outcome;
      });
      if (sim.amends && !sim.late) {
        plan(declared + between(2, 12) * HOUR, 'amend arrival', async () => {
          declaration.general.cargoSummary = 'amended cargo summary';
          const outcome = waitForEvent(runtime, ['ReviewRequested', 'ArrivalCleared'], sim.callId!);
          await client.request('PUT', `/v1/calls/${sim.callId}/arrival`, t.agent, declaration);
          await outcome;
        });
      }
      const decidedAt = (sim.late ? declared + HOUR : declared + (sim.amends ? 13 : 0) * HOUR) + between(0.3, 3) * HOUR;
      if (sim.risky) {
        plan(decidedAt, 'decide arrival review', async () => {
          const reviews = await client.request('GET', '/v1/reviews?limit=100', t.officer);
          const review = reviews.body.items.find((r: { callId: string }) => r.callId === sim.callId);
          if (!review) return;
          const cleared = waitForEvent(runtime, 'ArrivalCleared', sim.callId!);
          await client.request('POST', `/v1/reviews/${review.reviewId}/decision`, t.officer, {
            decision: 'APPROVE',
            reason: 'port health officer boarded',
          });
          await cleared;
        });
      }
      // The ship berths at ATA; the agent records it once the arrival is cleared (at once, if it was).
      const clearedBy = sim.risky ? decidedAt : declared;
      const arrivedAt = Math.max(sim.ata, clearedBy) + 0.1 * HOUR;
      plan(arrivedAt, 'arrive, assign device', async () => {
        await client.request('POST', `/v1/calls/${sim.callId}/arrived`, t.agent, {
          at: new Date(sim.ata).toISOString(),
        });
        const device = await client.request('POST', '/v1/devices', t.supervisor, {
          label: `gangway ${sim.callId}`,
          kind: 'FACE',
        });
        const assigned = await client.request('POST', `/v1/devices/${device.body.deviceId}/assign`, t.supervisor, {
          callId: sim.callId,
        });
        if (assigned.status !== 200) throw new Error(`device not assigned: ${JSON.stringify(assigned.body)}`);
        sim.device = { deviceId: device.body.deviceId, key: device.body.key };
      });
      // Four passes a person: ashore and back, twice, between arrival and the departure check.
      const window = [arrivedAt + HOUR, sim.etd - 7 * HOUR];
      for (let trip = 0; trip < 2; trip++) {
        const from = window[0]! + ((window[1]! - window[0]!) / 2) * trip;
        const span = (window[1]! - window[0]!) / 2;
        // The device uploads what it buffered over the trip at its end, as terminals do.
        plan(from + span, 'gangway upload', async () => {
          const events = sim.refs.flatMap((ref, n) => {
            const out = from + between(0, span * 0.4);
            const back = out + between(0.1, 0.4) * span;
            const score = random() < 0.02 ? 0.6 : 0.97;
            // On a delayed departure, one crew member is still ashore when the ship is to sail.
            const staysAshore = sim.lateDeparture && trip === 1 && n === 0;
            return [
              scan({
                callId: sim.callId!,
                personRef: ref,
                direction: 'DISEMBARK',
                matchScore: score,
                capturedAt: new Date(out),
              }),
              ...(staysAshore
                ? []
                : [scan({ callId: sim.callId!, personRef: ref, direction: 'BOARD', capturedAt: new Date(back) })]),
            ];
          });
          const res = await postSigned(runtime.url, sim.device!, { events }, new Date(now));
          if (res.status !== 202)
            throw new Error(
              `gangway upload refused: ${JSON.stringify(res.body)} (call ${sim.callId}, simulated ${new Date(now).toISOString()}, ETD ${new Date(sim.etd).toISOString()}, arrived ${new Date(arrivedAt).toISOString()})`,
            );
        });
      }
      const departureDeclared = sim.etd - between(4, 6) * HOUR;
      // The duty officer works the call's gangway alerts before its departure is checked.
      plan(departureDeclared - 0.25 * HOUR, 'resolve alerts', async () => {
        const open = await client.request('GET', `/v1/alerts?callId=${sim.callId}`, t.officer);
        for (const alert of open.body.items) {
          await client.request('POST', `/v1/alerts/${alert.alertId}/resolve`, t.officer, {
            resolution: 'identity confirmed at the gangway',
          });
        }
      });
      plan(departureDeclared, 'declare departure', async () => {
        const draft = await client.request('GET', `/v1/calls/${sim.callId}/departure`, t.agent);
        const outcome = waitForEvent(runtime, ['DepartureCleared', 'ReviewRequested'], sim.callId!);
        const res = await client.request('PUT', `/v1/calls/${sim.callId}/departure`, t.agent, draft.body.draft);
        if (res.status !== 202)
          throw new Error(`departure refused: ${JSON.stringify(res.body)} (draft ${draft.status})`);
        await outcome;
      });
      const sails = sim.etd + (sim.lateDeparture ? between(0.5, 2) : 0.25) * HOUR;
      if (sim.lateDeparture) {
        // The officer lets the ship go once the missing crew member is accounted for.
        plan(sails - 0.25 * HOUR, 'decide departure review', async () => {
          const reviews = await client.request('GET', '/v1/reviews?limit=100', t.officer);
          const review = reviews.body.items.find(
            (r: { callId: string; kind: string }) => r.callId === sim.callId && r.kind === 'DEPARTURE',
          );
          if (!review) return;
          const cleared = waitForEvent(runtime, 'DepartureCleared', sim.callId!);
          await client.request('POST', `/v1/reviews/${review.reviewId}/decision`, t.officer, {
            decision: 'APPROVE',
            reason: 'crew member signed off ashore by the master',
          });
          await cleared;
        });
      }
      plan(sails, 'depart', async () => {
        await client.request('POST', `/v1/calls/${sim.callId}/departed`, t.agent, {});
      });
    }
  }
}

actions.sort((a, b) => a.at - b.at);
const from = actions[0]!.at;
let done = 0;
for (let i = 0; i < actions.length; ) {
  // Everything due in the same quarter of an hour happens at once, under that quarter's clock.
  const bucketStart = Math.floor(actions[i]!.at / BUCKET) * BUCKET;
  const bucket: Action[] = [];
  while (i < actions.length && actions[i]!.at < bucketStart + BUCKET) bucket.push(actions[i++]!);
  // One clock reading for the whole quarter: requests signed and checked within it agree.
  now = Math.max(now, bucketStart + BUCKET - 1);
  // Different calls at once (16 at a time); one call's actions in their planned order, since a
  // ship that berths minutes after its declaration must not be recorded before it was declared.
  const byCall = new Map<object, Action[]>();
  for (const a of bucket) byCall.set(a.call, [...(byCall.get(a.call) ?? []), a]);
  const chains = [...byCall.values()];
  for (let j = 0; j < chains.length; j += 16)
    await Promise.all(
      chains.slice(j, j + 16).map(async (chain) => {
        for (const a of chain) {
          const started = performance.now();
          await a.run();
          latencies.record(a.kind, performance.now() - started);
        }
      }),
    );
  done += bucket.length;
  if (done % 500 < bucket.length)
    progress(`${done}/${actions.length} actions, simulated ${new Date(now).toISOString().slice(0, 16)}`);
}

const window = `from=${new Date(from).toISOString()}&to=${new Date(now + 30 * 24 * HOUR).toISOString()}`;
const overviews = await Promise.all(
  PORTS.map(async (port) => {
    const res = await client.request('GET', `/v1/ports/${port}/overview?${window}`, portTokens.get(port)!.officer);
    return { port, body: res.body };
  }),
);
const overview = overviews[0]!;
const wallSeconds = (performance.now() - wallStart) / 1000;
const days = (
  overview.body.byDay as {
    day: string;
    calls: number;
    zeroWaitingShare: number | null;
    zeroDelayShare: number | null;
  }[]
).map((d) => ({ day: d.day, calls: d.calls, zeroWaitingShare: d.zeroWaitingShare, zeroDelayShare: d.zeroDelayShare }));
const report = {
  date: new Date().toISOString(),
  settings: {
    callsPerDay: CALLS,
    days: DAYS,
    persons: PERSONS,
    passesPerPerson: 4,
    seed: Number(values.seed),
    ports: PORTS.length,
  },
  wallSeconds: round(wallSeconds, 1),
  // The whole process (handlers, workflows and the store's thread), at its peak.
  peakRssMB: round(process.resourceUsage().maxRSS / 1024, 0),
  memoryAtEndMB: {
    main: Object.fromEntries(Object.entries(process.memoryUsage()).map(([k, v]) => [k, round(v / 2 ** 20, 0)])),
    store: Object.fromEntries(
      Object.entries((await runtime.storeMemory?.()) ?? {}).map(([k, v]) => [k, round(v / 2 ** 20, 0)]),
    ),
  },
  load1: round(loadavg()[0]!, 2),
  cpu: cpuReport(cpuStart, wallSeconds),
  actions: actions.length,
  // Each kind of action from its first request to its outcome (the event it waits for).
  actionsByKind: latencies.summary(),
  figures: overview.body.figures,
  ...(PORTS.length > 1 && {
    ports: overviews.map((o) => ({ port: o.port, calls: o.body.figures.calls, figures: o.body.figures })),
  }),
  days,
  hottestKeys: heat.hottest(8),
};
const base = `bench/results/simulation-${report.date.replace(/:/g, '-')}`;
writeFileSync(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(`${base}.svg`, chart(days, overview.body.figures));
await runtime.stop();
rmSync(dataDir, { recursive: true, force: true });
console.log(JSON.stringify(report.figures, null, 2));
console.log('\nHottest keys (requests in the busiest simulated hour):');
for (const k of [...report.hottestKeys.table, ...report.hottestKeys.indexes, ...report.hottestKeys.shared])
  console.log(`  ${String(k.peakPerHour).padStart(7)}  ${k.key}  (${k.reads} reads, ${k.writes} writes)`);
console.log(
  `\n${CALLS} calls/day × ${DAYS} days over ${PORTS.length} port(s), ${PERSONS} persons, 4 passes each: ${report.wallSeconds} s of wall time, peak RSS ${report.peakRssMB} MB.`,
);
console.log(
  `CPU: ${report.cpu.seconds} s on ${report.cpu.cores} cores, so at least ${report.cpu.atLeastSeconds} s of wall time here (${Math.round(report.cpu.shareOfCores * 100)} % of the cores used).`,
);
console.log(`Report: ${base}.json and ${base}.svg`);
process.exit(0);
