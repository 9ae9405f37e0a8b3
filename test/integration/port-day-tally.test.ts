// The port-day read model's tallies on the embedded store: closings of one day at once all end up
// in the day's tally, a day the window cuts counts only the calls inside it, and the days written
// before tallies were kept are read whole until the port's next closing tallies them.
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallNumbers } from '#port/kpis.ts';
import { dynamoPortDayStore as days, pack } from '#port/daily-store.ts';
import { documentClient, tableName } from '#shared/aws.ts';
import { keys } from '#shared/keys.ts';
import { type TestSystem, startTestSystem } from '../support/runtime.ts';

let sys: TestSystem;
beforeAll(async () => {
  sys = await startTestSystem();
});
afterAll(() => sys.stop());

const closed = (i: number, day: string, agentId = 'ACME', over: Partial<CallNumbers> = {}): CallNumbers => ({
  callId: `C${String(i).padStart(4, '0')}`,
  agentId,
  status: 'DEPARTED',
  eta: `${day}T${String(i % 24).padStart(2, '0')}:00:00.000Z`,
  waitingMinutes: i % 3 === 0 ? 0 : i / 10,
  delayMinutes: i % 4 === 0 ? 0 : 5,
  leadHours: 20 + i / 10,
  reviewsOpened: i % 5 === 0 ? 1 : 0,
  reviewMinutes: i % 5 === 0 ? [i] : [],
  passes: 4,
  passesWithAlerts: i % 7 === 0 ? 1 : 0,
  ...over,
});

const item = async (key: { pk: string; sk: string }) =>
  (await documentClient().send(new GetCommand({ TableName: tableName(), Key: key }))).Item;

const wholeDay = (day: string) => [`${day}T00:00:00.000Z`, `${day}T23:59:59.999Z`] as const;

describe('the port-day tally', () => {
  it('counts every call of a day closed at the same moment', async () => {
    // Act: 40 calls of one day close at once
    await Promise.all(Array.from({ length: 40 }, (_, i) => days.recordClosed('NLRTM', closed(i, '2026-11-02'))));
    // Assess: the tally that stands was made from the day's last write, and counts all 40
    expect((await item(keys.portDay('NLRTM', '2026-11-02')))?.v).toBe(40);
    expect((await item(keys.portDayTally('NLRTM', '2026-11-02')))?.v).toBe(40);
    const window = await days.closedInWindow('NLRTM', '2026-11-01T00:00:00.000Z', '2026-11-03T23:59:59.999Z');
    expect(window.get('2026-11-02')?.ACME?.calls).toBe(40);
  });

  it('counts only the calls inside a window that cuts a day', async () => {
    // Prepare: calls at 02:00, 10:00 and 20:00 of one day
    for (const i of [2, 10, 20]) await days.recordClosed('DEHAM', closed(i, '2026-11-07'));
    // Act: a window from 09:00
    const window = await days.closedInWindow('DEHAM', '2026-11-07T09:00:00.000Z', '2026-11-08T00:00:00.000Z');
    // Assess
    expect(window.get('2026-11-07')?.ACME?.calls).toBe(2);
  });

  it('counts a call again, not twice, when its figures are written again', async () => {
    await days.recordClosed('PLGDN', closed(3, '2026-11-09'));
    await days.recordClosed('PLGDN', closed(3, '2026-11-09', 'ACME', { waitingMinutes: 12 }));
    const t = (await days.closedInWindow('PLGDN', ...wholeDay('2026-11-09'))).get('2026-11-09')!.ACME!;
    expect(t).toMatchObject({ calls: 1, waits: 1, zeroWaits: 0, waitTenths: 120 });
  });

  it('reads the days written before tallies were kept, and tallies them at the next closing', async () => {
    // Prepare: a day as an earlier version wrote it (its calls, no tally, no write count)
    await documentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.portDay('BEANR', '2026-10-20'),
        UpdateExpression: 'SET #call = :numbers',
        ExpressionAttributeNames: { '#call': keys.closedCallAttribute('C0001') },
        ExpressionAttributeValues: { ':numbers': pack(closed(1, '2026-10-20', 'OLDER')) },
      }),
    );
    // Act and assess: read whole before any closing
    const before = await days.closedInWindow('BEANR', ...wholeDay('2026-10-20'));
    expect(before.get('2026-10-20')?.OLDER?.calls).toBe(1);
    expect(await item(keys.portTallied('BEANR'))).toBeUndefined();
    // Act: the port's next closing, another day
    await days.recordClosed('BEANR', closed(2, '2026-11-20'));
    // Assess: the earlier day has its tally now, and both days read from tallies
    expect(await item(keys.portTallied('BEANR'))).toBeDefined();
    expect((await item(keys.portDayTally('BEANR', '2026-10-20')))?.tally).toContain('OLDER');
    const after = await days.closedInWindow('BEANR', '2026-10-01T00:00:00.000Z', '2026-11-30T23:59:59.999Z');
    expect([after.get('2026-10-20')?.OLDER?.calls, after.get('2026-11-20')?.ACME?.calls]).toEqual([1, 1]);
  });
});
