// The port-day read model in the single table: for each port and day of arrival (ETA, UTC), the
// figures of every call of that day that is closed (departed, rejected or cancelled), written once when the
// call closes. The overview reads a window of days in one query, so its cost follows the days it
// shows, not the calls the port has ever had. Open calls are read live from the calls' own index.
// Keys (functions/shared/keys.ts): PORTDAY#<port> / DAY#<yyyy-mm-dd>, one attribute c_<callId> per
// closed call; open calls come from the calls' own byStatus index (PORT#<port>#CALL#<status>).
//
// A busy port closes about 150 calls a day: one small write each to its day's item (≈ 12 KB a day,
// far from DynamoDB's 400 KB item limit; a port past ~3,000 calls a day would shard the day by hour).
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { StoredCall } from '#calls/store.ts';
import { documentClient, tableName } from '#shared/aws.ts';
import { queryAll, withoutKeys } from '#shared/dynamo.ts';
import { keys } from '#shared/keys.ts';
import type { CallNumbers } from './kpis.ts';

export interface PortDayStore {
  /** Records a closed call's figures under its day of arrival; writing the same again changes nothing. */
  recordClosed(port: string, numbers: CallNumbers): Promise<void>;
  /** Figures of the closed calls with ETA in [from, to]. */
  closedInWindow(port: string, from: string, to: string): Promise<CallNumbers[]>;
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

export const dynamoPortDayStore: PortDayStore = {
  async recordClosed(port, numbers) {
    await documentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.portDay(port, numbers.eta.slice(0, 10)),
        UpdateExpression: 'SET #call = :numbers',
        ExpressionAttributeNames: { '#call': keys.closedCallAttribute(numbers.callId) },
        ExpressionAttributeValues: { ':numbers': pack(numbers) },
      }),
    );
  },

  async closedInWindow(port, from, to) {
    const days = await queryAll({
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': keys.portDays(port),
        ':from': keys.portDay(port, from.slice(0, 10)).sk,
        ':to': keys.portDay(port, to.slice(0, 10)).sk,
      },
    });
    const out: CallNumbers[] = [];
    for (const day of days) {
      for (const [name, value] of Object.entries(day)) {
        if (!name.startsWith(PREFIX)) continue;
        const numbers = unpack(name.slice(PREFIX.length), value as string);
        if (numbers.eta >= from && numbers.eta <= to) out.push(numbers);
      }
    }
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
