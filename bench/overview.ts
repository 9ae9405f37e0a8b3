// Is the overview flat in history? Two ports with the same 25 ships in port now: one with a day
// of 150 closed calls behind it, one with 30 such days. The overview of each (its default window,
// 30 days back) is read in turn, and the p99 of the month's port held against the day's port.
// Closed calls are stored through the calls store in their final state, so the closing update's
// own code writes the read model, as it does when a ship departs through the API.
import { type StoredCall, dynamoCallStore } from '#calls/store.ts';
import { countIfClosed } from '#port/closing.ts';
import { newId } from '#shared/ids.ts';
import type { Runtime } from '#local/runtime.ts';
import type { Api, Tokens } from '#local/api-client.ts';
import { announceAndDeclare } from './scenario.ts';
import { figures, progress, round } from './stats.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const CALLS_PER_DAY = 150;
const OPEN = 25;
const READS = 60;

export async function overviewFlatness(runtime: Runtime, client: Api, t: Tokens) {
  progress(`overview: seeding 1 and 30 days × ${CALLS_PER_DAY} closed calls, ${OPEN} open calls each`);
  // A call announced through the API, as the template every stored call is cloned from.
  const { callId } = await announceAndDeclare(client, t, 1, 1);
  const template = (await dynamoCallStore.get(callId))!;
  const ports = { day: { port: 'NLRTM', days: 1 }, month: { port: 'DEHAM', days: 30 } };
  const now = Date.now();
  for (const { port, days } of Object.values(ports)) {
    const closed: StoredCall[] = [];
    for (let d = days; d >= 1; d--)
      for (let i = 0; i < CALLS_PER_DAY; i++)
        closed.push(closedCall(template, port, now - d * DAY + (i + 1) * 9 * 60_000));
    for (let i = 0; i < closed.length; i += 32)
      await Promise.all(
        closed.slice(i, i + 32).map(async (call) => {
          await dynamoCallStore.create(call);
          await countIfClosed({ status: 'DEPARTURE_CLEARED' }, call);
        }),
      );
    for (let i = 0; i < OPEN; i++) {
      const eta = new Date(now - 6 * HOUR + i * 10 * 60_000).toISOString();
      await dynamoCallStore.create({
        ...template,
        callId: newId('call'),
        port,
        eta,
        status: 'IN_PORT',
        ata: eta,
        version: 1,
      });
    }
  }

  const tokenFor = (port: string) => runtime.identity.mint({ role: 'officer', port });
  const officers = { day: await tokenFor(ports.day.port), month: await tokenFor(ports.month.port) };
  const times = { day: [] as number[], month: [] as number[] };
  const sizes = { day: 0, month: 0 };
  progress(`overview: ${READS} reads of each, in turn`);
  for (let i = 0; i < READS + 5; i++) {
    for (const which of ['day', 'month'] as const) {
      const t0 = performance.now();
      const res = await client.request('GET', `/v1/ports/${ports[which].port}/overview`, officers[which]);
      const ms = performance.now() - t0;
      if (res.status !== 200) throw new Error(`overview answered ${res.status}`);
      if (res.body.figures.calls !== ports[which].days * CALLS_PER_DAY + OPEN)
        throw new Error(`overview of ${which} counted ${res.body.figures.calls} calls`);
      // The first reads warm the handler and the store's caches.
      if (i >= 5) times[which].push(ms);
      sizes[which] = res.body.figures.calls;
    }
  }
  const day = { calls: sizes.day, ...figures(times.day, 1) };
  const month = { calls: sizes.month, ...figures(times.month, 1) };
  return { day, month, p99Ratio: round(month.p99Ms / day.p99Ms, 2), p50Ratio: round(month.p50Ms / day.p50Ms, 2) };
}

/** A call that came, was cleared ahead of arrival, and sailed on time. */
function closedCall(template: StoredCall, port: string, eta: number): StoredCall {
  const iso = (ms: number) => new Date(ms).toISOString();
  const etd = eta + 30 * HOUR;
  return {
    ...template,
    callId: newId('call'),
    port,
    status: 'DEPARTED',
    eta: iso(eta),
    etd: iso(etd),
    ata: iso(eta + 0.5 * HOUR),
    atd: iso(etd + 0.25 * HOUR),
    arrival: { ...template.arrival!, state: 'CLEARED', clearedAt: iso(eta - 30 * HOUR) },
    departure: { ...template.arrival!, state: 'CLEARED', clearedAt: iso(etd - 4 * HOUR) },
    version: 9,
  };
}
