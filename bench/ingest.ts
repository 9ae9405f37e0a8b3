// The gangway ingest benchmarks: the store floor they are held against, single signed events and
// batches from 32 devices, and the same single events from 128 devices, past capacity, where the
// gateway must shed load (503 + Retry-After) and the devices retry until every event is stored.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '#shared/aws.ts';
import { dynamoGangwayStore } from '#gangway/store.ts';
import { postSigned, scan } from '#local/device-client.ts';
import type { Runtime } from '#local/runtime.ts';
import type { Api, Tokens } from '#local/api-client.ts';
import { callAtGangway } from './scenario.ts';
import { figures, load, progress } from './stats.ts';

type Gangway = Awaited<ReturnType<typeof callAtGangway>>;

const PERSONS = 25;

/** Bare PutItem of ~500-byte items at `concurrency`, straight to the store: the most any write path can reach. */
export async function storeFloor(concurrency: number, seconds: number) {
  progress(`store floor: PutItem, ${concurrency} concurrent, ${seconds} s`);
  const padding = 'x'.repeat(430);
  const stop = performance.now() + seconds * 1000;
  const run = await load(
    concurrency,
    () => performance.now() > stop,
    async (w, i) => {
      await documentClient().send(
        new PutCommand({ TableName: tableName(), Item: { pk: `BENCH#${w}`, sk: `ITEM#${i}`, padding } }),
      );
    },
  );
  return figures(run.latencies, run.seconds);
}

export async function gangways(runtime: Runtime, client: Api, t: Tokens, count: number, firstSeed: number) {
  progress(`setting up ${count} calls in port with ${PERSONS} persons and a device each`);
  const out: Gangway[] = [];
  for (let i = 0; i < count; i++) out.push(await callAtGangway(runtime, client, t, PERSONS, firstSeed + i));
  return out;
}

const clock = { t: Date.now() - 6 * 3_600_000 };
/** Each person of the call goes ashore, then back, in turn; captured-at always moves on. */
function nextEvent(g: Gangway, i: number) {
  return scan({
    callId: g.callId,
    personRef: g.refs[i % g.refs.length]!,
    direction: Math.floor(i / g.refs.length) % 2 === 0 ? 'DISEMBARK' : 'BOARD',
    capturedAt: new Date((clock.t += 7)),
  });
}

export async function singleEvents(url: string, devices: Gangway[], seconds: number) {
  progress(`gangway ingest, single events: ${devices.length} devices, ${seconds} s`);
  const stop = performance.now() + seconds * 1000;
  const run = await load(
    devices.length,
    () => performance.now() > stop,
    async (w, i) => {
      const res = await postSigned(url, devices[w]!.device, nextEvent(devices[w]!, i));
      if (res.status !== 202) throw new Error(`ingest answered ${res.status}`);
    },
  );
  return figures(run.latencies, run.seconds);
}

export async function batches(url: string, devices: Gangway[], seconds: number) {
  progress(`gangway ingest, batches of 100: ${devices.length} devices, ${seconds} s`);
  const stop = performance.now() + seconds * 1000;
  const offsets = new Array(devices.length).fill(100_000);
  const run = await load(
    devices.length,
    () => performance.now() > stop,
    async (w) => {
      const g = devices[w]!;
      const events = Array.from({ length: 100 }, () => nextEvent(g, offsets[w]++));
      const res = await postSigned(url, g.device, { events });
      if (res.status !== 202 || res.body.accepted !== 100) throw new Error(`batch answered ${res.status}`);
      return 100;
    },
  );
  return figures(run.latencies, run.seconds, run.ops);
}

/**
 * Past capacity: every device posts single events; a 503 is waited out as its Retry-After says and
 * the same event sent again. Latency is of the answers that accepted; afterwards the store must
 * hold exactly the events the devices were told were accepted.
 */
export async function pastCapacity(url: string, devices: Gangway[], seconds: number) {
  progress(`gangway ingest past capacity: ${devices.length} devices, ${seconds} s`);
  const stop = performance.now() + seconds * 1000;
  const accepted: number[] = [];
  const acceptedPerCall = new Map<string, number>();
  let shed = 0;
  let withoutRetryAfter = 0;
  let other = 0;
  let before = 0;
  for (const g of devices) before += await dynamoGangwayStore.countEvents(g.callId);
  const started = performance.now();
  await Promise.all(
    devices.map(async (g, w) => {
      for (let i = 0; performance.now() < stop; i++) {
        const event = nextEvent(g, 200_000 + i);
        for (;;) {
          const t0 = performance.now();
          const res = await postSigned(url, g.device, event);
          if (res.status === 202) {
            accepted.push(performance.now() - t0);
            if (res.body.accepted === 1) acceptedPerCall.set(g.callId, (acceptedPerCall.get(g.callId) ?? 0) + 1);
            break;
          }
          if (res.status !== 503) {
            other += 1;
            break;
          }
          shed += 1;
          if (!res.retryAfter) withoutRetryAfter += 1;
          // Told to come back in Retry-After seconds; devices spread their retries over that time.
          await new Promise((ok) => setTimeout(ok, (res.retryAfter ?? 1) * 1000 * (0.5 + ((w * 7919) % 100) / 200)));
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  let stored = -before;
  for (const g of devices) stored += await dynamoGangwayStore.countEvents(g.callId);
  const told = [...acceptedPerCall.values()].reduce((a, b) => a + b, 0);
  return {
    ...figures(accepted, elapsed),
    shed503: shed,
    shedWithoutRetryAfter: withoutRetryAfter,
    otherAnswers: other,
    acceptedEvents: told,
    storedEvents: stored,
    lost: told - stored,
  };
}
