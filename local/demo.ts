// A realistic day at the demo port, Tianjin Xingang (CNTXG), for `npm run seed` and
// `npm start -- --demo`: ships that sailed, ships in port with their crews going ashore and back,
// ships expected over the next three days — some cleared by themselves, some waiting for an
// officer — and the gangway alerts a day brings. Everything goes through the API, under a clock
// run from three days ago up to now, so timelines, KPIs and presence read as they would at a port.
import { clock, systemClock, useClock } from '#shared/clock.ts';
import type { ArrivalDeclaration } from '#arrival/schema.ts';
import { imoCheckDigit } from '#calls/rules.ts';
import { api, type Tokens, tokens, waitForEvent } from './api-client.ts';
import { type DeviceCredentials, postSigned, scan } from './device-client.ts';
import { announcement, crewOf } from './examples.ts';
import type { Runtime } from './runtime.ts';

export const DEMO_PORT = 'CNTXG';
const HOUR = 3_600_000;

interface Vessel {
  name: string;
  imo6: string;
  mmsi: string;
  flag: string;
  callSign: string;
  type: 'CONTAINER' | 'BULK' | 'TANKER' | 'GENERAL_CARGO' | 'RO_RO' | 'CAR_CARRIER';
  agent: string;
  lastPort: string;
}

/** How each call of the day goes, in hours relative to now. */
interface Plan {
  vessel: Vessel;
  eta: number;
  etd: number;
  persons: number;
  /** What brings the arrival to an officer, if anything. */
  finding?: 'ILL_PERSON' | 'STOWAWAYS' | 'WATCH_LIST';
  /** The officer's decision on the arrival, hours after the declaration; none leaves it waiting. */
  decidedAfter?: number;
  declared: boolean;
  /** Declared this many hours after the ship arrived: the ship waited. */
  lateHours?: number;
  /** Someone still ashore when the departure is checked: the departure waits for an officer. */
  crewAshoreAtDeparture?: boolean;
  /** An unknown person boards with a poor match while the ship is in port. */
  stranger?: boolean;
}

const V = (
  name: string,
  imo6: string,
  mmsi: string,
  flag: string,
  callSign: string,
  type: Vessel['type'],
  agent: string,
  lastPort: string,
): Vessel => ({
  name,
  imo6,
  mmsi,
  flag,
  callSign,
  type,
  agent,
  lastPort,
});

const FLEET = [
  V('HAI XING 7', '941234', '477123400', 'HK', 'VRAB7', 'CONTAINER', 'ACME-SHIPPING', 'KRPUS'),
  V('COSCO BOHAI', '978561', '413456780', 'CN', 'BOHA3', 'CONTAINER', 'PENAVICO-TJ', 'CNSHA'),
  V('PACIFIC DAWN', '956732', '351209000', 'PA', '3FPD9', 'BULK', 'ACME-SHIPPING', 'AUNTL'),
  V('NORDIC STAR', '932145', '636019876', 'LR', 'A8NS4', 'TANKER', 'SINOTRANS-TJ', 'SGSIN'),
  V('ORIENT PEARL', '967214', '563042100', 'SG', '9VOP2', 'RO_RO', 'PENAVICO-TJ', 'JPYOK'),
  V('GOLDEN HARVEST', '945678', '538007711', 'MH', 'V7GH5', 'BULK', 'SINOTRANS-TJ', 'BRSSZ'),
  V('STAR AQUILA', '923456', '215834000', 'MT', '9HSA8', 'GENERAL_CARGO', 'ACME-SHIPPING', 'VNSGN'),
  V('SEA PHOENIX', '951203', '241377000', 'GR', 'SVSP6', 'TANKER', 'PENAVICO-TJ', 'AEJEA'),
  V('YUAN HE', '987120', '413998120', 'CN', 'BYYH2', 'CAR_CARRIER', 'SINOTRANS-TJ', 'DEBRV'),
  V('KOTA MEGAH', '962481', '563118300', 'SG', '9VKM4', 'CONTAINER', 'ACME-SHIPPING', 'MYPKG'),
  V('EASTERN GRACE', '938765', '477889100', 'HK', 'VRGR3', 'GENERAL_CARGO', 'PENAVICO-TJ', 'KRINC'),
  V('MARE NOSTRUM', '974310', '247301200', 'IT', 'IBMN7', 'RO_RO', 'SINOTRANS-TJ', 'ITGOA'),
  V('BLUE HORIZON', '919876', '538110220', 'MH', 'V7BH1', 'TANKER', 'ACME-SHIPPING', 'QAHMD'),
];

const PLANS: Plan[] = [
  // Sailed: arrived, worked, cleared out before their ETD.
  { vessel: FLEET[0]!, eta: -62, etd: -22, persons: 18, declared: true },
  { vessel: FLEET[1]!, eta: -52, etd: -9, persons: 22, declared: true },
  { vessel: FLEET[2]!, eta: -44, etd: -3, persons: 20, declared: true, crewAshoreAtDeparture: true },
  // In port.
  { vessel: FLEET[3]!, eta: -34, etd: 5, persons: 24, declared: true },
  { vessel: FLEET[4]!, eta: -26, etd: 30, persons: 19, declared: true, stranger: true },
  { vessel: FLEET[5]!, eta: -14, etd: 40, persons: 21, declared: true, finding: 'ILL_PERSON', decidedAfter: 3 },
  { vessel: FLEET[6]!, eta: -5, etd: 22, persons: 16, declared: true, lateHours: 1.5 },
  // Expected over the next 72 hours.
  { vessel: FLEET[7]!, eta: 7, etd: 36, persons: 23, declared: true },
  { vessel: FLEET[8]!, eta: 19, etd: 44, persons: 20, declared: true, finding: 'WATCH_LIST' },
  { vessel: FLEET[9]!, eta: 28, etd: 60, persons: 22, declared: true, finding: 'STOWAWAYS' },
  { vessel: FLEET[10]!, eta: 41, etd: 70, persons: 17, declared: true },
  { vessel: FLEET[11]!, eta: 55, etd: 80, persons: 24, declared: false },
  { vessel: FLEET[12]!, eta: 66, etd: 96, persons: 21, declared: true },
];

/** The seven digits of an IMO number: six and their check digit. */
const imo = (six: string) => `${six}${imoCheckDigit(six)}`;

type Step = { at: number; run: () => Promise<void> };

export interface DemoResult {
  seeded: boolean;
  calls: number;
}

/**
 * Fills the runtime's store with the demo day, unless the demo port already has calls. Runs in the
 * runtime's own process: it moves the shared clock, and puts it back to real time when done.
 */
export async function seedDemo(runtime: Runtime, now = Date.now()): Promise<DemoResult> {
  const client = api(runtime.url);
  const port = await tokens(runtime, 'ACME-SHIPPING', DEMO_PORT);
  const existing = await client.request('GET', '/v1/calls?limit=1', port.officer);
  if (existing.status !== 200) throw new Error(`cannot read the port's calls: ${JSON.stringify(existing.body)}`);
  if (existing.body.items.length > 0) return { seeded: false, calls: 0 };

  const agents = new Map<string, Tokens>();
  for (const agentId of new Set(FLEET.map((v) => v.agent)))
    agents.set(agentId, await tokens(runtime, agentId, DEMO_PORT));
  const steps: Step[] = [];
  const at = (hours: number, run: () => Promise<void>) => steps.push({ at: now + hours * HOUR, run });
  const ok = (what: string, res: { status: number; body: unknown }, expected: number) => {
    if (res.status !== expected) throw new Error(`demo: ${what} answered ${res.status} ${JSON.stringify(res.body)}`);
  };

  PLANS.forEach((plan, n) => {
    const t = agents.get(plan.vessel.agent)!;
    const call = { id: '', refs: [] as string[], device: undefined as DeviceCredentials | undefined };
    const body = announcement({
      vessel: {
        ...announcement().vessel,
        name: plan.vessel.name,
        imo: imo(plan.vessel.imo6),
        mmsi: plan.vessel.mmsi,
        flag: plan.vessel.flag,
        callSign: plan.vessel.callSign,
        type: plan.vessel.type,
      },
      voyage: `${(n + 21) * 37}${['E', 'W', 'N', 'S'][n % 4]}`,
      port: DEMO_PORT,
      berth: `Xingang Terminal ${1 + (n % 6)}`,
      lastPort: plan.vessel.lastPort,
      eta: new Date(now + plan.eta * HOUR).toISOString(),
      etd: new Date(now + plan.etd * HOUR).toISOString(),
    });
    const declaration: ArrivalDeclaration = crewOf(body.eta, plan.persons, n + 1);
    if (plan.finding === 'ILL_PERSON') declaration.health.illPersonsCount = 1;
    if (plan.finding === 'STOWAWAYS') declaration.health.stowaways = true;

    const announced = plan.eta - 96;
    const declaredAt = plan.lateHours ? plan.eta + plan.lateHours : plan.eta - (plan.eta > 0 ? 30 : 40);
    // A late declaration carries the ETA the ship kept, as agents amend it.
    if (plan.lateHours) declaration.schedule = { eta: new Date(now + (declaredAt + 1) * HOUR).toISOString() };
    at(announced, async () => {
      const res = await client.request('POST', '/v1/calls', t.agent, body);
      ok(`announcing ${plan.vessel.name}`, res, 201);
      call.id = res.body.callId;
      call.refs = declaration.crew.map((p) => p.ref);
    });
    if (!plan.declared) return;
    if (plan.finding === 'WATCH_LIST') {
      at(declaredAt - 1, async () => {
        const person = declaration.crew[4]!;
        const res = await client.request('PUT', '/v1/watchlist', port.supervisor, {
          entries: [
            {
              kind: 'DOCUMENT',
              issuingState: person.document.issuingState,
              number: person.document.number,
              reason: 'passport reported lost by the issuing state',
            },
          ],
        });
        ok('loading the watch list', res, 200);
      });
    }
    at(declaredAt, async () => {
      const outcome = waitForEvent(runtime, ['ReviewRequested', 'ArrivalCleared'], call.id);
      ok(
        `declaring ${plan.vessel.name}`,
        await client.request('PUT', `/v1/calls/${call.id}/arrival`, t.agent, declaration),
        202,
      );
      await outcome;
    });
    if (plan.decidedAfter !== undefined) {
      at(declaredAt + plan.decidedAfter, async () => {
        const reviews = await client.request('GET', '/v1/reviews?limit=100', port.officer);
        const review = reviews.body.items.find((r: { callId: string }) => r.callId === call.id);
        const cleared = waitForEvent(runtime, 'ArrivalCleared', call.id);
        const reason = 'port health officer boarded: seasickness, not infectious';
        ok(
          'deciding a review',
          await client.request('POST', `/v1/reviews/${review.reviewId}/decision`, port.officer, {
            decision: 'APPROVE',
            reason,
          }),
          200,
        );
        await cleared;
      });
    }
    if (plan.eta > 0) return;

    // Alongside: ATA, a gangway device, the crew going ashore and back.
    const berthed = plan.eta + 0.5 * (n % 3);
    // The agent records the ATA once the arrival is cleared (at once, when it was before berthing);
    // the officer at the gangway confirms it, so it counts in the figures.
    at(Math.max(berthed, declaredAt + 0.1), async () => {
      const ata = { at: new Date(now + berthed * HOUR).toISOString() };
      ok('recording the arrival', await client.request('POST', `/v1/calls/${call.id}/arrived`, t.agent, ata), 200);
      ok(
        'confirming the arrival',
        await client.request('POST', `/v1/calls/${call.id}/arrived`, port.officer, ata),
        200,
      );
      const device = await client.request('POST', '/v1/devices', port.supervisor, {
        label: `${plan.vessel.name} gangway`,
        kind: 'FACE',
      });
      ok('registering a device', device, 201);
      ok(
        'assigning a device',
        await client.request('POST', `/v1/devices/${device.body.deviceId}/assign`, port.supervisor, {
          callId: call.id,
        }),
        200,
      );
      call.device = { deviceId: device.body.deviceId, key: device.body.key };
    });
    const lastPass = Math.min(plan.etd - 6, -0.25);
    const shoreLeave = (from: number, share: number, back: boolean) => {
      at(from + 4, async () => {
        const going = call.refs.filter((_, i) => i % Math.round(1 / share) === 0);
        const events = going.flatMap((ref, i) => [
          scan({
            callId: call.id,
            personRef: ref,
            direction: 'DISEMBARK',
            method: i % 5 === 4 ? 'CARD' : 'FACE',
            capturedAt: new Date(now + (from + 0.1 * i) * HOUR),
          }),
          ...(back
            ? [
                scan({
                  callId: call.id,
                  personRef: ref,
                  direction: 'BOARD',
                  capturedAt: new Date(now + (from + 2 + 0.1 * i) * HOUR),
                }),
              ]
            : []),
        ]);
        const res = await postSigned(runtime.url, call.device!, { events }, clock.now());
        ok('posting gangway events', res, 202);
      });
    };
    shoreLeave(berthed + 2, 0.5, true);
    // Those about to sail come back aboard (but one, where the departure waits for an officer);
    // those staying are partly ashore now.
    if (lastPass - berthed > 10) shoreLeave(berthed + 9, 0.34, !plan.crewAshoreAtDeparture && plan.etd <= 12);
    if (plan.etd > 12 && lastPass - berthed > 5) shoreLeave(lastPass - 4, 0.25, false);
    if (plan.stranger) {
      at(berthed + 5, async () => {
        // A poor match is an attempt that moves no one; the second try matches, but X42 is on no list.
        const events = [
          scan({
            callId: call.id,
            personRef: 'X42',
            direction: 'BOARD',
            matchScore: 0.58,
            capturedAt: new Date(now + (berthed + 4.5) * HOUR),
          }),
          scan({
            callId: call.id,
            personRef: 'X42',
            direction: 'BOARD',
            matchScore: 0.91,
            capturedAt: new Date(now + (berthed + 4.52) * HOUR),
          }),
        ];
        ok('posting a stranger', await postSigned(runtime.url, call.device!, { events }, clock.now()), 202);
      });
    }
    if (plan.etd > 12) return;

    // Departure: the pre-filled draft, confirmed; an officer where someone is still ashore.
    const departureDeclared = plan.etd - 5;
    at(departureDeclared, async () => {
      const draft = await client.request('GET', `/v1/calls/${call.id}/departure`, t.agent);
      const outcome = waitForEvent(runtime, ['DepartureCleared', 'ReviewRequested'], call.id);
      ok(
        'declaring the departure',
        await client.request('PUT', `/v1/calls/${call.id}/departure`, t.agent, draft.body.draft),
        202,
      );
      await outcome;
    });
    if (plan.etd > 0) return;
    if (plan.crewAshoreAtDeparture) {
      at(plan.etd - 0.5, async () => {
        const reviews = await client.request('GET', '/v1/reviews?limit=100', port.officer);
        const review = reviews.body.items.find(
          (r: { callId: string; kind: string }) => r.callId === call.id && r.kind === 'DEPARTURE',
        );
        const cleared = waitForEvent(runtime, 'DepartureCleared', call.id);
        const reason = 'crew ashore did not come back in time: the ship sails without them, the agent reports them';
        ok(
          'deciding a departure',
          await client.request('POST', `/v1/reviews/${review.reviewId}/decision`, port.officer, {
            decision: 'APPROVE',
            reason,
          }),
          200,
        );
        await cleared;
      });
    }
    at(plan.etd + 0.2, async () => {
      ok('recording the departure', await client.request('POST', `/v1/calls/${call.id}/departed`, t.agent, {}), 200);
      ok(
        'confirming the departure from the port feed',
        await client.request('POST', `/v1/calls/${call.id}/departed`, port.officer, { source: 'PORT_FEED' }),
        200,
      );
    });
  });

  steps.sort((a, b) => a.at - b.at);
  try {
    for (const step of steps) {
      const when = step.at;
      useClock({ now: () => new Date(when) });
      await step.run();
    }
  } finally {
    useClock(systemClock);
  }
  return { seeded: true, calls: PLANS.length };
}

/** The demo's shipping agents, for the messages that tell people how to look around. */
export const DEMO_AGENTS = [...new Set(FLEET.map((v) => v.agent))];
