// The three-zeros figures, from calls a port officer would recognise.
import { describe, expect, it } from 'vitest';
import type { Call } from '#calls/schema.ts';
import { byAgent, callFigures, figures, toCsv } from '#port/kpis.ts';

const now = new Date('2026-12-10T12:00:00Z');
function call(over: Partial<Call> & { arrivedMinutesAfterClearance?: number }): Call {
  return {
    callId: 'C1',
    agentId: 'ACME',
    status: 'DEPARTED',
    version: 9,
    vessel: { imo: '9412347', mmsi: '477123400', name: 'HAI XING 7', callSign: 'VRAB7', flag: 'HK', type: 'CONTAINER' },
    voyage: '1',
    port: 'CNTXG',
    eta: '2026-12-03T06:00:00.000Z',
    etd: '2026-12-04T18:00:00.000Z',
    ata: '2026-12-03T06:30:00.000Z',
    ataRecord: {
      at: '2026-12-03T06:30:00.000Z',
      source: 'OFFICER',
      recordedBy: 'officer-wang',
      recordedAt: '2026-12-03T06:40:00.000Z',
      confirmed: true,
    },
    createdAt: '',
    updatedAt: '',
    arrival: {
      version: 1,
      state: 'CLEARED',
      reasons: [],
      updatedAt: '',
      contentHash: '',
      clearedAt: '2026-12-02T10:00:00.000Z',
    },
    departure: {
      version: 1,
      state: 'CLEARED',
      reasons: [],
      updatedAt: '',
      contentHash: '',
      clearedAt: '2026-12-04T12:00:00.000Z',
    },
    ...over,
  };
}

describe('three-zeros figures', () => {
  it.each([
    ['cleared ahead of arrival', call({}), 0],
    [
      'cleared 45 minutes after arrival',
      call({ arrival: { ...call({}).arrival!, clearedAt: '2026-12-03T07:15:00.000Z' } }),
      45,
    ],
    ['not arrived yet', call({ ata: undefined, ataRecord: undefined }), null],
    [
      'whose ATA only the agent proposed',
      call({ ataRecord: { ...call({}).ataRecord!, source: 'AGENT', recordedBy: 'ACME', confirmed: false } }),
      null,
    ],
  ])('waiting for a call %s: %s minutes', (_case, c, minutes) => {
    expect(callFigures(c, now).waitingMinutes).toBe(minutes);
  });

  it('counts the delay of a departure cleared after ETD, and flags one still not out', () => {
    const late = call({ departure: { ...call({}).departure!, clearedAt: '2026-12-04T19:30:00.000Z' } });
    expect(callFigures(late, now).delayMinutes).toBe(90);
    const stuck = call({
      status: 'DEPARTURE_REVIEW',
      etd: '2026-12-10T11:00:00.000Z',
      departure: { ...call({}).departure!, state: 'IN_REVIEW', clearedAt: undefined },
    });
    expect(callFigures(stuck, now)).toMatchObject({ atRiskOfDelay: true, delayMinutes: 60 });
  });

  it('sums shares over calls, passes and reviews', () => {
    const f = figures(
      [
        {
          call: call({}),
          reviews: [{ openedAt: '2026-12-02T08:00:00Z', decidedAt: '2026-12-02T08:20:00Z' }],
          passes: 8,
          passesWithAlerts: 1,
        },
        {
          call: call({ callId: 'C2', arrival: { ...call({}).arrival!, clearedAt: '2026-12-03T07:00:00.000Z' } }),
          reviews: [],
          passes: 2,
          passesWithAlerts: 0,
        },
      ],
      now,
    );
    expect(f).toMatchObject({
      calls: 2,
      zeroWaitingShare: 0.5,
      zeroDelayShare: 1,
      contactlessShare: 0.9,
      reviewsOpened: 1,
      medianMinutesInReview: 20,
    });
  });

  it('ranks agents best first and writes them as CSV', () => {
    const rows = byAgent(
      [
        {
          call: call({ agentId: 'SLOW', arrival: { ...call({}).arrival!, clearedAt: '2026-12-03T09:00:00.000Z' } }),
          reviews: [],
          passes: 0,
          passesWithAlerts: 0,
        },
        { call: call({ agentId: 'FAST' }), reviews: [], passes: 0, passesWithAlerts: 0 },
      ],
      now,
    );
    expect(rows.map((r) => r.agentId)).toEqual(['FAST', 'SLOW']);
    expect(toCsv(rows).split('\n')[2]).toMatch(/^2,false,SLOW,1,1,0,1,,0,,/);
  });

  it('lists an agent with nothing measured unranked, below one whose ships waited 0 minutes', () => {
    const unmeasured = call({
      agentId: 'AAA-NOTHING',
      ata: undefined,
      ataRecord: undefined,
      departure: undefined,
      status: 'ARRIVAL_CLEARED',
      etd: '2026-12-20T00:00:00.000Z',
    });
    const rows = byAgent(
      [
        { call: unmeasured, reviews: [], passes: 0, passesWithAlerts: 0 },
        { call: call({ agentId: 'ZERO' }), reviews: [], passes: 0, passesWithAlerts: 0 },
      ],
      now,
    );
    expect(rows.map((r) => [r.agentId, r.rank, r.unranked])).toEqual([
      ['ZERO', 1, undefined],
      ['AAA-NOTHING', null, 'nothing measured'],
    ]);
  });
});
