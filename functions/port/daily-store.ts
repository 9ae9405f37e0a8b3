// The port-day read model in the single table: for each port and day of arrival (ETA, UTC), the
// figures of every call of that day that is closed (departed, rejected or cancelled), written when
// the call closes, and beside that day item a small item with the day's tally per agent
// (tally.ts). The overview reads the tallies of its window in one query (about 1 KB a day), so its
// cost follows the days it shows, not the calls the port has had; a store reads whole items, and
// DynamoDB bills a query by their whole size, so the calls' own figures are read only for a day
// the window cuts. Open calls are read live from the calls' own index.
// Keys (functions/shared/keys.ts): PORTDAY#<port> / DAY#<yyyy-mm-dd> (one attribute c_<callId>
// per closed call, and `v`, its writes), TALLY#<yyyy-mm-dd> (the tally, and the `v` it counts),
// TALLIES (the port's days written before tallies were kept have been tallied).
//
// A closing writes its call's attribute and counts the write in one update that answers the whole
// day, then puts the day's tally made from that answer, unless the tally of a later write is there
// already: of closings at the same moment, the last write's tally stands, and it counts them all.
// A crash between the two writes leaves the day's tally a call short until the next closing of
// that day, as a crash before the first leaves the call out of the model.
//
// A busy port closes about 150 calls a day (≈ 12 KB a day, far from DynamoDB's 400 KB item
// limit; a port past ~3,000 calls a day would shard the day by hour).
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { StoredCall } from '#calls/store.ts';
import { documentClient, tableName } from '#shared/aws.ts';
import { queryAll, withoutKeys } from '#shared/dynamo.ts';
import { keys } from '#shared/keys.ts';
import { logger } from '#shared/logger.ts';
import type { CallNumbers } from './kpis.ts';
import { DayTally, tallyBy } from './tally.ts';

export interface PortDayStore {
  /** Records a closed call's figures under its day of arrival; writing the same again changes nothing. */
  recordClosed(port: string, numbers: CallNumbers): Promise<void>;
  /** The tallies per agent of the closed calls with ETA in [from, to], by day of arrival. */
  closedInWindow(port: string, from: string, to: string): Promise<Map<string, DayTally>>;
  /** Calls of the port in one of `statuses` with ETA in [from, to]. */
  openInWindow(port: string, statuses: readonly string[], from: string, to: string): Promise<StoredCall[]>;
}

// Packed as a short JSON array: a month of a busy port is 4,500 of these, read in one query.
type Packed = [string, string, string, number | null, number | null, number | null, number, number[], number, number];
const tenth = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

export function pack(n: CallNumbers): string {
  const packed: Packed = [
    n.agentId,
    n.status,
    n.eta,
    tenth(n.waitingMinutes),
    tenth(n.delayMinutes),
    tenth(n.leadHours),
    n.reviewsOpened,
    n.reviewMinutes.map((m) => tenth(m)!),
    n.passes,
    n.passesWithAlerts,
  ];
  return JSON.stringify(packed);
}

export function unpack(callId: string, raw: string): CallNumbers {
  const [agentId, status, eta, waitingMinutes, delayMinutes, leadHours, reviewsOpened, reviewMinutes, passes, flagged] =
    JSON.parse(raw) as Packed;
  return {
    callId,
    agentId,
    status,
    eta,
    waitingMinutes,
    delayMinutes,
    leadHours,
    reviewsOpened,
    reviewMinutes,
    passes,
    passesWithAlerts: flagged,
  };
}

const PREFIX = keys.closedCallAttribute('');

/** The closed calls a day item holds, with ETA in [from, to]. */
function callsOf(item: Record<string, unknown>, from = '', to = '\uffff'): CallNumbers[] {
  const out: CallNumbers[] = [];
  for (const [name, value] of Object.entries(item)) {
    if (!name.startsWith(PREFIX)) continue;
    const numbers = unpack(name.slice(PREFIX.length), value as string);
    if (numbers.eta >= from && numbers.eta <= to) out.push(numbers);
  }
  return out;
}

const dayTallyOf = (calls: readonly CallNumbers[]): DayTally => Object.fromEntries(tallyBy(calls, (c) => c.agentId));

const isConditionFailure = (e: unknown) => e instanceof ConditionalCheckFailedException;

/** Puts the tally of `day` as it stood at its write `v`, unless a later write's is there. */
async function putTally(port: string, day: string, item: Record<string, unknown>): Promise<void> {
  const v = typeof item.v === 'number' ? item.v : 0;
  try {
    await documentClient().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...keys.portDayTally(port, day), tally: JSON.stringify(dayTallyOf(callsOf(item))), v },
        ConditionExpression: 'attribute_not_exists(v) OR v < :v',
        ExpressionAttributeValues: { ':v': v },
      }),
    );
  } catch (error) {
    // A later write's tally is there already, and it counts this one too.
    if (!isConditionFailure(error)) throw error;
  }
}

/** Ports whose days are all tallied, as far as this process has seen. */
const tallied = new Set<string>();

async function isTallied(port: string): Promise<boolean> {
  if (tallied.has(port)) return true;
  const marker = await documentClient().send(
    new GetCommand({ TableName: tableName(), Key: keys.portTallied(port), ConsistentRead: true }),
  );
  if (marker.Item) tallied.add(port);
  return Boolean(marker.Item);
}

const allDays = (port: string) =>
  queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :day)',
    ExpressionAttributeValues: { ':pk': keys.portDays(port), ':day': keys.portDay(port, '').sk },
    ConsistentRead: true,
  });

/**
 * Days written before tallies were kept are tallied once, by the port's first closing after it
 * (a writer: the overview only reads, and reads those days whole until then).
 */
async function ensureTallied(port: string): Promise<void> {
  if (await isTallied(port)) return;
  const days = await allDays(port);
  // A few at a time: every day of the port is one partition key.
  for (let i = 0; i < days.length; i += REBUILD_AT_ONCE) {
    await Promise.all(days.slice(i, i + REBUILD_AT_ONCE).map((item) => putTally(port, dayOf(item.sk as string), item)));
  }
  await documentClient().send(new PutCommand({ TableName: tableName(), Item: keys.portTallied(port) }));
  tallied.add(port);
}

const REBUILD_AT_ONCE = 8;

function tallyIn(item: Record<string, unknown>): DayTally | undefined {
  try {
    const parsed = DayTally.safeParse(JSON.parse(String(item.tally)));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

const inWindow = (day: string, from: string, to: string) =>
  `${day}T00:00:00.000Z` >= from && `${day}T23:59:59.999Z` <= to;

/** The port's items of one kind (day items or tallies) for the days of [from, to]. */
const itemsBetween = (port: string, keyOf: (port: string, day: string) => { sk: string }, from: string, to: string) =>
  queryAll({
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
    ExpressionAttributeValues: {
      ':pk': keys.portDays(port),
      ':from': keyOf(port, from.slice(0, 10)).sk,
      ':to': keyOf(port, to.slice(0, 10)).sk,
    },
  });

const dayOf = (sk: string) => sk.slice(sk.indexOf('#') + 1);

export const dynamoPortDayStore: PortDayStore = {
  async recordClosed(port, numbers) {
    const day = numbers.eta.slice(0, 10);
    const out = await documentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.portDay(port, day),
        UpdateExpression: 'SET #call = :numbers, v = if_not_exists(v, :zero) + :one',
        ExpressionAttributeNames: { '#call': keys.closedCallAttribute(numbers.callId) },
        ExpressionAttributeValues: { ':numbers': pack(numbers), ':zero': 0, ':one': 1 },
        ReturnValues: 'ALL_NEW',
      }),
    );
    await putTally(port, day, out.Attributes ?? {});
    try {
      await ensureTallied(port);
    } catch (error) {
      // The call is closed and counted; the port's older days are tallied by a later closing.
      logger.warn('Older days of the port not tallied yet', { port, errorName: (error as Error).name });
    }
  },

  async closedInWindow(port, from, to) {
    const out = new Map<string, DayTally>();
    if (!(await isTallied(port))) {
      // Not tallied yet (no closing since tallies were kept): the days whole, as they were read before.
      for (const item of await itemsBetween(port, keys.portDay, from, to))
        out.set(dayOf(item.sk as string), dayTallyOf(callsOf(item, from, to)));
      return out;
    }
    const tallies = await itemsBetween(port, keys.portDayTally, from, to);
    await Promise.all(
      tallies.map(async (item) => {
        const day = dayOf(item.sk as string);
        const tally = inWindow(day, from, to) ? tallyIn(item) : undefined;
        if (tally) {
          out.set(day, tally);
          return;
        }
        // A day the window cuts (or a tally that does not read): its calls, to keep those inside.
        const whole = await documentClient().send(
          new GetCommand({ TableName: tableName(), Key: keys.portDay(port, day), ConsistentRead: true }),
        );
        out.set(day, dayTallyOf(callsOf(whole.Item ?? {}, from, to)));
      }),
    );
    return out;
  },

  async openInWindow(port, statuses, from, to) {
    const pages = await Promise.all(
      statuses.map((status) =>
        queryAll({
          IndexName: 'byStatus',
          KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': keys.callsInStatus(port, status), ':from': from, ':to': `${to}~` },
        }),
      ),
    );
    return pages.flat().map((item) => withoutKeys<StoredCall>(item));
  },
};
