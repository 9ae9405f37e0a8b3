// The officers' shift board over HTTP on the embedded runtime, on the demo port's day: one read
// that says what needs an officer, in what order, with the counts behind every figure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PORT, seedDemo } from '#local/demo.ts';
import { type TestSystem, startTestSystem } from '../support/runtime.ts';

let sys: TestSystem;
let officer: string;
let board: any;

beforeAll(async () => {
  sys = await startTestSystem();
  await seedDemo(sys.runtime);
  officer = await sys.token({ role: 'officer', port: DEMO_PORT });
  board = (await sys.request('GET', `/v1/ports/${DEMO_PORT}/shift-board?hours=72&days=7`, { token: officer })).body;
}, 60_000);
afterAll(() => sys.stop());

describe('shift board', () => {
  it("answers in the port's time zone, with the window and period asked for", () => {
    expect(board).toMatchObject({ port: DEMO_PORT, timeZone: 'Asia/Shanghai', hours: 72, days: 7 });
  });

  it('lists the open reviews soonest deadline first, with their reasons', () => {
    const deadlines = board.reviews.map((r: { deadline: string }) => r.deadline);
    expect(deadlines).toEqual([...deadlines].sort());
    expect(board.reviews.map((r: any) => [r.vesselName, r.reasons.map((x: any) => x.code)])).toEqual([
      ['YUAN HE', ['WATCH_LIST_HIT']],
      ['KOTA MEGAH', ['STOWAWAYS']],
    ]);
  });

  it('lists arrivals and departures due in the window, soonest first, and none past it', async () => {
    const due = board.movements.map((m: any) => `${m.kind} ${m.vesselName}`);
    expect(due).toContain('ARRIVAL SEA PHOENIX');
    expect(due).toContain('DEPARTURE NORDIC STAR');
    expect(due).not.toContain('ARRIVAL HAI XING 7');
    const times = board.movements.map((m: { at: string }) => m.at);
    expect(times).toEqual([...times].sort());

    const six = (await sys.request('GET', `/v1/ports/${DEMO_PORT}/shift-board?hours=6`, { token: officer })).body;
    const limit = Date.parse(six.now) + 6 * 3_600_000;
    expect(six.movements.length).toBeLessThan(board.movements.length);
    for (const m of six.movements) expect(Date.parse(m.at)).toBeLessThanOrEqual(limit);
  });

  it('counts the stranger and the crew overdue ashore apart from the declared crew on board', () => {
    const pearl = board.inPort.find((s: any) => s.vesselName === 'ORIENT PEARL');
    expect(pearl.counts.undeclared).toBe(1);
    expect(pearl.flagged).toContainEqual(expect.objectContaining({ ref: 'X42', danger: 'UNDECLARED' }));
    expect(pearl.counts.overdue).toBeGreaterThan(0);
    expect(pearl.flagged.filter((p: any) => p.danger === 'OVERDUE')).toHaveLength(pearl.counts.overdue);
    // The ship with dangers comes first; every ship in port is there.
    expect(board.inPort[0].vesselName).toBe('ORIENT PEARL');
    expect(board.inPort.map((s: any) => s.vesselName).sort()).toEqual([
      'GOLDEN HARVEST',
      'NORDIC STAR',
      'ORIENT PEARL',
      'STAR AQUILA',
    ]);
  });

  it('gives the open alerts by severity with the ship named', () => {
    // The stranger at ORIENT PEARL's gangway, and the crew a ship that sailed reported missing.
    const missing = board.alerts.items.filter((a: any) => a.rule === 'PERSON_MISSING');
    expect(board.alerts.counts).toEqual({ HIGH: 2 + missing.length, MEDIUM: 0, LOW: 0 });
    for (const a of board.alerts.items.filter((x: any) => x.rule !== 'PERSON_MISSING'))
      expect(a.vesselName).toBe('ORIENT PEARL');
    expect(new Set(missing.map((a: any) => a.vesselName)).size).toBeLessThanOrEqual(1);
  });

  it('gives every figure with what it counts, agreeing with the overview and with the days', async () => {
    const overview = (await sys.request('GET', `/v1/ports/${DEMO_PORT}/overview`, { token: officer })).body;
    const { zeroWaiting, zeroDelay } = board.figures;
    expect(zeroWaiting.share).toBeCloseTo(zeroWaiting.part / zeroWaiting.of, 3);
    expect(zeroWaiting.share).toBeCloseTo(overview.figures.zeroWaitingShare, 2);
    expect(zeroWaiting.of - zeroWaiting.part).toBe(1);
    expect(zeroDelay.share).toBe(1);
    expect(board.perDay).toHaveLength(7);
    const sum = (k: string) => board.perDay.reduce((n: number, d: any) => n + d[k], 0);
    expect(sum('arrivalsWithoutWaiting')).toBe(zeroWaiting.part);
    expect(sum('arrivalsThatWaited')).toBe(zeroWaiting.of - zeroWaiting.part);
  });

  it('refuses a window it does not offer, naming the field', async () => {
    const res = await sys.request('GET', `/v1/ports/${DEMO_PORT}/shift-board?hours=5&days=2`, { token: officer });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['query.days', 'query.hours']);
  });

  it("shows another port's officers and agents nothing", async () => {
    const other = await sys.token({ role: 'officer', port: 'CNSHA' });
    const agent = await sys.token({ role: 'agent', agentId: 'ACME-SHIPPING' });
    for (const token of [other, agent]) {
      expect((await sys.request('GET', `/v1/ports/${DEMO_PORT}/shift-board`, { token })).status).toBe(403);
    }
    expect((await sys.request('GET', `/v1/ports/${DEMO_PORT}/shift-board`)).status).toBe(401);
  });
});
