// The quarterly clearance-time report: only confirmed times count, rankings rest on enough measured
// calls, ties are stated, and the published rows carry nothing personal.
import { describe, expect, it } from 'vitest';
import type { Call, TimeOfRecord } from '#calls/schema.ts';
import { nextTimeOfRecord } from '#calls/times-of-record.ts';
import {
  clearanceReport,
  measure,
  publicCsv,
  publicPage,
  publicReport,
  quarterBounds,
} from '#functions/reports/clearance-times.ts';
import { rankAscending } from '#functions/reports/ranking.ts';

const confirmed = (at: string, source: TimeOfRecord['source'] = 'OFFICER'): TimeOfRecord => ({
  at,
  source,
  recordedBy: 'officer-wang',
  recordedAt: at,
  confirmed: source !== 'AGENT',
});

/** A call that waited `waiting` minutes after its ATA and was cleared `delay` minutes after ETD. */
function call(agentId: string, waiting: number, delay: number, over: Partial<Call> = {}): Call {
  const ata = Date.parse('2026-11-03T06:00:00.000Z');
  const etd = Date.parse('2026-11-04T18:00:00.000Z');
  const at = (ms: number) => new Date(ms).toISOString();
  const clearance = (clearedAt: number) => ({
    version: 1,
    state: 'CLEARED' as const,
    reasons: [],
    updatedAt: '',
    contentHash: '',
    clearedAt: at(clearedAt),
  });
  return {
    callId: `C-${agentId}-${waiting}-${delay}`,
    agentId,
    status: 'DEPARTED',
    version: 9,
    vessel: { imo: '9412347', mmsi: '477123400', name: 'HAI XING 7', callSign: 'VRAB7', flag: 'HK', type: 'CONTAINER' },
    voyage: '1',
    port: 'CNTXG',
    eta: at(ata),
    etd: at(etd),
    ata: at(ata),
    atd: at(etd + 3_600_000),
    ataRecord: confirmed(at(ata)),
    atdRecord: confirmed(at(etd + 3_600_000)),
    createdAt: '',
    updatedAt: '',
    arrival: clearance(ata + waiting * 60_000),
    departure: clearance(etd + delay * 60_000),
    ...over,
  };
}

describe('clearance-time report', () => {
  it('bounds a quarter in UTC, the next quarter’s first instant excluded', () => {
    expect(quarterBounds('2026Q4')).toEqual({ from: '2026-10-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' });
    expect(quarterBounds('2027Q1')).toEqual({ from: '2027-01-01T00:00:00.000Z', to: '2027-04-01T00:00:00.000Z' });
  });

  it('measures waiting plus delay from confirmed times, and nothing from an agent’s own times', () => {
    expect(measure(call('A', 30, 15))).toMatchObject({ clearanceMinutes: 45, confirmedBy: 'OFFICER' });
    const proposedOnly = call('A', 30, 15, { ataRecord: confirmed('2026-11-03T06:00:00.000Z', 'AGENT') });
    expect(measure(proposedOnly)).toBeNull();
    const feed = call('A', 0, 0, { atdRecord: confirmed('2026-11-04T19:00:00.000Z', 'PORT_FEED') });
    expect(measure(feed)).toMatchObject({ clearanceMinutes: 0, confirmedBy: 'PORT_FEED' });
  });

  it('ranks only agents with enough measured calls, states ties, and never reads missing as 0', () => {
    const calls = [
      call('TIE-A', 10, 0),
      call('TIE-A', 20, 0),
      call('TIE-B', 15, 0),
      call('TIE-B', 15, 0),
      call('SLOW', 60, 30),
      call('SLOW', 60, 30),
      call('FEW', 0, 0),
      call('NONE', 0, 0, { ataRecord: undefined }),
      call('NONE', 0, 0, { ataRecord: undefined }),
    ];
    const report = clearanceReport('2026Q4', new Map([['CNTXG', calls]]), 2);
    expect(report.agents.map((a) => [a.agentId, a.rank, a.tied, a.meanClearanceMinutes, a.unranked])).toEqual([
      ['TIE-A', 1, true, 15, undefined],
      ['TIE-B', 1, true, 15, undefined],
      ['SLOW', 3, false, 90, undefined],
      ['FEW', null, false, 0, '1 measured call, fewer than 2'],
      ['NONE', null, false, null, 'nothing measured'],
    ]);
    expect(report.allPorts).toMatchObject({ calls: 9, measuredCalls: 7 });
  });

  it('publishes at most 100 ranked agents, with their company code and figures only', () => {
    const calls = Array.from({ length: 120 }, (_, i) => call(`AGENT-${String(i).padStart(3, '0')}`, i, 0));
    const published = publicReport(clearanceReport('2026Q4', new Map([['CNTXG', calls]]), 1));
    expect(published.agents).toHaveLength(100);
    expect(published.agents[0]).toEqual({
      rank: 1,
      tied: false,
      agentId: 'AGENT-000',
      measuredCalls: 1,
      meanClearanceMinutes: 0,
      medianClearanceMinutes: 0,
    });
    const csv = publicCsv(published);
    expect(csv.split('\n')[0]).toBe('rank,tied,agentId,measuredCalls,meanClearanceMinutes,medianClearanceMinutes');
    expect(csv).not.toMatch(/officer|HAI XING|9412347/);
    expect(publicPage(published)).toContain('<td>AGENT-099</td>');
  });

  it('escapes what it writes into the page', () => {
    const page = publicPage({
      quarter: '2026Q4',
      ports: ['CNTXG'],
      minMeasuredCalls: 1,
      agents: [
        {
          rank: 1,
          tied: false,
          agentId: '<b>x</b>',
          measuredCalls: 1,
          meanClearanceMinutes: 1,
          medianClearanceMinutes: 1,
        },
      ],
    });
    expect(page).toContain('&lt;b&gt;x&lt;/b&gt;');
  });

  it('gives every item a rank shared only by an equal value', () => {
    const ranked = rankAscending(
      [5, 3, 3, 9].map((v, i) => ({ id: `x${i}`, v })),
      (x) => x.v,
      () => 1,
      1,
      (x) => x.id,
    );
    expect(ranked.map((r) => r.rank)).toEqual([1, 1, 3, 4]);
  });
});

describe('times of record', () => {
  const agent = { role: 'agent' as const, sub: 'u1', agentId: 'ACME' };
  const officer = { role: 'officer' as const, sub: 'officer-wang', port: 'CNTXG' };
  const now = '2026-11-03T07:00:00.000Z';

  it('takes the agent’s time as a proposal, and an officer’s as confirmed, keeping what was proposed', () => {
    const proposed = nextTimeOfRecord(undefined, agent, '2026-11-03T06:00:00.000Z', now)!;
    expect(proposed).toMatchObject({ source: 'AGENT', confirmed: false });
    const corrected = nextTimeOfRecord(proposed, officer, '2026-11-03T06:20:00.000Z', now)!;
    expect(corrected).toMatchObject({ source: 'OFFICER', confirmed: true, proposed: '2026-11-03T06:00:00.000Z' });
    expect(nextTimeOfRecord(corrected, officer, '2026-11-03T06:20:00.000Z', now)).toBeUndefined();
  });

  it('refuses an agent changing a confirmed time, and an agent naming the port feed', () => {
    const done = nextTimeOfRecord(undefined, officer, '2026-11-03T06:20:00.000Z', now, 'PORT_FEED')!;
    expect(() => nextTimeOfRecord(done, agent, '2026-11-03T05:00:00.000Z', now)).toThrow(
      expect.objectContaining({ status: 409 }),
    );
    expect(() => nextTimeOfRecord(undefined, agent, now, now, 'PORT_FEED')).toThrow(
      expect.objectContaining({ status: 403 }),
    );
  });
});
