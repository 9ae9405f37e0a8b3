// What the agents' portal reads off a call for the agent — what waits on it, where each check
// stands, what is news — and how its forms speak the API's paths and the port's clock.
import { describe, expect, it } from 'vitest';
import type { Call, CallDetail } from '#calls/schema.ts';
import { detailsOf, fromPortTime, issuesOf, pathOf, toPortTime } from '../../dashboard/src/agent/fields.ts';
import { noticesOf } from '../../dashboard/src/agent/notifications.ts';
import { checksOf, waitingOn } from '../../dashboard/src/agent/status.ts';
import { AGENT_WORDS, say } from '../../dashboard/src/agent/words.ts';
import { CallAnnouncement } from '#calls/schema.ts';

type Clearance = NonNullable<Call['arrival']>;

const clearance = (over: Partial<Clearance> = {}): Clearance => ({
  version: 1,
  state: 'RUNNING',
  reasons: [],
  updatedAt: '2026-12-01T10:00:00.000Z',
  contentHash: 'h',
  ...over,
});

const call = (over: Partial<Call> = {}): Call => ({
  callId: 'C01',
  agentId: 'ACME-SHIPPING',
  status: 'DRAFT',
  version: 1,
  vessel: { imo: '9412347', mmsi: '477123400', name: 'HAI XING 7', callSign: 'VRAB7', flag: 'HK', type: 'CONTAINER' },
  voyage: '0725E',
  port: 'CNTXG',
  eta: '2026-12-03T00:00:00.000Z',
  etd: '2026-12-04T10:00:00.000Z',
  createdAt: '2026-12-01T09:00:00.000Z',
  updatedAt: '2026-12-01T09:00:00.000Z',
  ...over,
});

const entry = (seq: number, at: string, action: string, role: 'agent' | 'officer' | 'system', extra = {}) => ({
  seq,
  at,
  actor: { role, id: role },
  action,
  prevHash: '0'.repeat(64),
  hash: '1'.repeat(64),
  ...extra,
});

const detail = (c: Call, timeline: CallDetail['timeline']): CallDetail => ({ ...c, timeline });

describe('what waits on the agent', () => {
  it('asks for the arrival declaration of a call only announced', () => {
    expect(waitingOn(call())).toMatchObject({ word: 'declareArrival', phase: 'arrival', act: true });
  });

  it("asks for an amendment with the officer's own reason from the timeline", () => {
    // The lifecycle sends a call whose arrival must be amended back to DRAFT.
    const c = call({
      status: 'DRAFT',
      arrival: clearance({
        state: 'AMENDMENT_REQUESTED',
        reasons: [{ code: 'ISSC_EXPIRED', severity: 'MINOR', detail: 'ISSC expires' }],
      }),
    });
    const timeline = [
      entry(1, '2026-12-01T09:00:00.000Z', 'CALL_ANNOUNCED', 'agent'),
      entry(2, '2026-12-01T11:00:00.000Z', 'AMENDMENT_REQUESTED', 'officer', {
        reason: "C04's document expires before ETD",
      }),
    ];
    expect(waitingOn(c, detail(c, timeline))).toEqual({
      word: 'amendArrival',
      phase: 'arrival',
      reasons: ["C04's document expires before ETD"],
      act: true,
    });
    // Without the timeline, the checks' findings say what to amend.
    expect(waitingOn(c).reasons).toEqual(['ISSC expires']);
  });

  it('asks for the departure once the ship is in port, and says when it is held', () => {
    expect(waitingOn(call({ status: 'IN_PORT', arrival: clearance({ state: 'CLEARED' }) }))).toMatchObject({
      word: 'declareDeparture',
      phase: 'departure',
    });
    const held = call({
      status: 'DEPARTURE_SUBMITTED',
      departure: clearance({
        state: 'REJECTED',
        reasons: [{ code: 'SAILING_PERSON_ASHORE', severity: 'MAJOR', detail: 'C03 is ashore' }],
      }),
    });
    expect(waitingOn(held)).toMatchObject({ word: 'departureHeld', reasons: ['C03 is ashore'], act: true });
  });

  it.each([
    ['RUNNING', 'beingChecked'],
    ['IN_REVIEW', 'inReview'],
    ['FAILED', 'failedWithPort'],
    ['CLEARED', 'nothingForYou'],
  ] as const)('leaves the agent nothing to do while the arrival is %s', (state, word) => {
    expect(waitingOn(call({ status: 'SUBMITTED', arrival: clearance({ state }) }))).toMatchObject({ word, act: false });
  });
});

describe('the checks of a call', () => {
  it('are all passed once the arrival is cleared with no findings', () => {
    const rows = checksOf(call({ arrival: clearance({ state: 'CLEARED' }) }), 'arrival');
    expect(rows.map((r) => [r.word, r.result])).toEqual([
      ['screening', 'passed'],
      ['vesselCheck', 'passed'],
      ['security', 'passed'],
      ['health', 'passed'],
    ]);
  });

  it('put a finding on its check and call no other check passed while an officer looks', () => {
    const rows = checksOf(
      call({
        arrival: clearance({
          state: 'IN_REVIEW',
          assessedAt: '2026-12-01T10:00:00.000Z',
          reasons: [{ code: 'STOWAWAYS', severity: 'MAJOR', detail: 'two stowaways found' }],
        }),
      }),
      'arrival',
    );
    expect(rows.find((r) => r.word === 'health')).toEqual({
      word: 'health',
      result: 'finding',
      findings: ['two stowaways found'],
    });
    expect(rows.filter((r) => r.word !== 'health').map((r) => r.result)).toEqual([
      'withOfficer',
      'withOfficer',
      'withOfficer',
    ]);
  });

  it('are being checked before the assessment, and not started without a declaration', () => {
    expect(checksOf(call({ arrival: clearance() }), 'arrival').every((r) => r.result === 'pending')).toBe(true);
    expect(checksOf(call(), 'departure').every((r) => r.result === 'notStarted')).toBe(true);
  });
});

describe('notifications', () => {
  it("are what others did since last seen, newest first, never the agent's own steps", () => {
    const c = call({ status: 'ARRIVAL_CLEARED' });
    const notices = noticesOf(
      [
        detail(c, [
          entry(1, '2026-12-01T09:00:00.000Z', 'CALL_ANNOUNCED', 'agent'),
          entry(2, '2026-12-01T09:30:00.000Z', 'RISK_ASSESSED', 'system'),
          entry(3, '2026-12-01T10:00:00.000Z', 'ARRIVAL_DECLARED', 'agent'),
          entry(4, '2026-12-01T10:01:00.000Z', 'RISK_ASSESSED', 'system', { toStatus: 'SUBMITTED' }),
          entry(5, '2026-12-01T10:02:00.000Z', 'ARRIVAL_CLEARED', 'system', {
            toStatus: 'ARRIVAL_CLEARED',
            reason: 'all clear',
          }),
          entry(6, '2026-12-01T10:03:00.000Z', 'REVIEW_OPENED', 'system', { redacted: true }),
        ]),
      ],
      '2026-12-01T09:45:00.000Z',
    );
    expect(notices.map((n) => [n.action, n.reason, n.redacted])).toEqual([
      ['REVIEW_OPENED', undefined, true],
      ['ARRIVAL_CLEARED', 'all clear', false],
      ['RISK_ASSESSED', undefined, false],
    ]);
    expect(notices[1]).toMatchObject({
      callId: 'C01',
      vessel: 'HAI XING 7',
      port: 'CNTXG',
      toStatus: 'ARRIVAL_CLEARED',
    });
  });
});

describe('forms speak the API', () => {
  it('name each offending field by the path the API would name', () => {
    const errors = issuesOf(CallAnnouncement, { vessel: { imo: '12' }, voyage: 'V1', port: 'CNTXG' });
    expect(errors['vessel.imo']).toBe('must be the 7-digit IMO number');
    expect(Object.keys(errors)).toEqual(expect.arrayContaining(['vessel.name', 'eta', 'etd']));
  });

  it("words zod's own messages in Chinese for a Chinese page, as the API does", () => {
    const errors = issuesOf(CallAnnouncement, { vessel: { imo: '9412347' }, voyage: 'V1', port: 'CNTXG' }, 'zh');
    expect(errors['vessel.name']).toMatch(/[\u4e00-\u9fff]/);
    // A message written into the schema stays as written.
    expect(issuesOf(CallAnnouncement, { vessel: { imo: '12' } }, 'zh')['vessel.imo']).toBe(
      'must be the 7-digit IMO number',
    );
  });

  it.each([
    ['/vessel/imo', 'vessel.imo'],
    ['crew[3].rank', 'crew.3.rank'],
    ['crew.3.document.expiry', 'crew.3.document.expiry'],
  ])('reads the path %s as %s', (path, expected) => {
    expect(pathOf(path)).toBe(expected);
    expect(detailsOf([{ path, message: 'm' }])).toEqual({ [expected]: 'm' });
  });

  it.each([
    ['CNTXG', 'Asia/Shanghai', '2026/12/03', '08:00', '2026-12-03T00:00:00.000Z'],
    ['USNYC', 'America/New_York', '2026-07-01', '08:00', '2026-07-01T12:00:00.000Z'],
    ['USNYC', 'America/New_York', '2026-12-01', '08:00', '2026-12-01T13:00:00.000Z'],
  ])('takes %s wall-clock times in %s', (_port, zone, date, time, utc) => {
    expect(fromPortTime(date, time, zone)).toBe(utc);
    expect(toPortTime(utc, zone)).toEqual({ date: date.replaceAll('/', '-'), time });
  });

  it('makes no instant of an unfinished date or time', () => {
    expect(fromPortTime('2026/12/0', '08:00', 'Asia/Shanghai')).toBeUndefined();
    expect(fromPortTime('2026/12/03', '8', 'Asia/Shanghai')).toBeUndefined();
  });
});

describe("the portal's words", () => {
  it('are in English and in Chinese, every one', () => {
    const missing = Object.entries(AGENT_WORDS).filter(([, w]) => !w.en || !/[\u4e00-\u9fff]/.test(w.zh));
    expect(missing).toEqual([]);
  });

  it('fill in the values they name in either language', () => {
    expect(say('imported', 'en', { n: 2, file: 'crew.xlsx' })).toBe('Read 2 persons from crew.xlsx');
    expect(say('imported', 'zh', { n: 2, file: 'crew.xlsx' })).toBe('已从 crew.xlsx 读取 2 人');
  });
});
