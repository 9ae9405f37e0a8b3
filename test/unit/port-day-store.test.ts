// The port-day store on a mocked table: a closing is counted even when the one-off tally of the
// port's older days fails, and that rebuild writes a few days at a time.
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { dynamoPortDayStore as days } from '#port/daily-store.ts';
import type { CallNumbers } from '#port/kpis.ts';

const ddb = mockClient(DynamoDBDocumentClient);
afterEach(() => ddb.reset());

const numbers: CallNumbers = {
  callId: 'C0001',
  agentId: 'ACME',
  status: 'DEPARTED',
  eta: '2026-11-02T06:00:00.000Z',
  waitingMinutes: 0,
  delayMinutes: 0,
  leadHours: 30,
  reviewsOpened: 0,
  reviewMinutes: [],
  passes: 4,
  passesWithAlerts: 0,
};

describe('the port-day store', () => {
  it('counts a closing even when the tally of the older days fails', async () => {
    ddb.on(UpdateCommand).resolves({ Attributes: { sk: 'DAY#2026-11-02', v: 1 } });
    ddb.on(PutCommand).resolves({});
    ddb
      .on(GetCommand)
      .rejects(Object.assign(new Error('throttled'), { name: 'ProvisionedThroughputExceededException' }));
    await expect(days.recordClosed('ESVLC', numbers)).resolves.toBeUndefined();
    const tally = ddb.commandCalls(PutCommand).map((c) => c.args[0].input.Item?.sk);
    expect(tally).toEqual(['TALLY#2026-11-02']);
  });

  it('tallies the older days of a port a few at a time, then marks the port', async () => {
    // Prepare: 30 older days, each with a call
    const older = Array.from({ length: 30 }, (_, d) => ({
      sk: `DAY#2026-10-${String(d + 1).padStart(2, '0')}`,
      c_X: JSON.stringify([
        'ACME',
        'DEPARTED',
        `2026-10-${String(d + 1).padStart(2, '0')}T06:00:00.000Z`,
        0,
        0,
        30,
        0,
        [],
        4,
        0,
      ]),
    }));
    ddb.on(UpdateCommand).resolves({ Attributes: { sk: 'DAY#2026-11-02', v: 1 } });
    ddb.on(GetCommand).resolves({});
    ddb.on(QueryCommand).resolves({ Items: older });
    let inFlight = 0;
    let most = 0;
    ddb.on(PutCommand).callsFake(async () => {
      most = Math.max(most, ++inFlight);
      await new Promise((ok) => setTimeout(ok, 1));
      inFlight -= 1;
      return {};
    });
    // Act
    await days.recordClosed('PTLIS', numbers);
    // Assess: a tally for each older day, at most 8 at once, and the marker last
    const sks = ddb.commandCalls(PutCommand).map((c) => c.args[0].input.Item?.sk as string);
    expect(sks.filter((sk) => sk.startsWith('TALLY#2026-10-'))).toHaveLength(30);
    expect(sks.at(-1)).toBe('TALLIES');
    expect(most).toBeLessThanOrEqual(8);
  });
});
