// Crew change as border events, over HTTP on the embedded runtime: a seafarer signing off lands on
// a pass that ends with their onward flight, whatever the crew's shore leave; one signing on is
// screened and boards; a sign-off without onward travel is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postSigned, scan } from '#local/device-client.ts';
import { crewMember } from '../support/fixtures.ts';
import {
  type Actors,
  actors,
  alertsOf,
  borderOf,
  callReader,
  declareDeparture,
  portCall,
} from '../support/port-call.ts';
import { type TestSystem, startTestSystem } from '../support/runtime.ts';
import { until } from '../support/wait.ts';

let sys: TestSystem;
let who: Actors;

beforeAll(async () => {
  sys = await startTestSystem();
  who = await actors(sys);
});
afterAll(() => sys.stop());

const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

describe('crew change', () => {
  it('gives a signing-off seafarer a pass until their flight, and screens and boards the one signing on', async () => {
    const { callId, device } = await portCall(sys, who);
    await sys.request('POST', `/v1/calls/${callId}/landing`, {
      token: who.officer,
      body: { scope: 'CREW', decision: 'HELD_ON_BOARD', reason: 'no shore leave at this berth' },
    });
    const flight = inHours(6);
    await declareDeparture(sys, who.agent, callId, (d) => {
      d.sailing = ['C01', 'C02'];
      d.signOff = ['C03'];
      d.signOn = [crewMember('N01', { familyName: 'REYES', givenNames: 'Maria' })];
      d.travel = {
        onward: [{ ref: 'C03', mode: 'AIR', reference: 'PS506', at: flight, place: 'CNTSN' }],
        arrival: [{ ref: 'N01', mode: 'AIR', reference: 'PR358', at: inHours(-3) }],
      };
      d.personsOnBoard = 3;
    });

    await postSigned(sys.url, device, scan({ callId, personRef: 'C03', direction: 'DISEMBARK' }));
    await postSigned(sys.url, device, scan({ callId, personRef: 'N01', direction: 'BOARD' }));
    expect(await alertsOf(sys, who.officer, callId)).toEqual([]);

    const border = await borderOf(sys, who.officer, callId);
    const c03 = border.persons.find((p) => p.ref === 'C03')!;
    expect(c03).toMatchObject({
      presence: 'ASHORE',
      landing: { status: 'SHORE_PASS', basis: 'SIGN_OFF', until: flight },
    });
    expect(border.persons.find((p) => p.ref === 'N01')).toMatchObject({ list: 'SIGN_ON', presence: 'ON_BOARD' });
    expect(border.persons.find((p) => p.ref === 'C01')!.landing.status).toBe('HELD_ON_BOARD');

    // Everyone is where the declaration says: the departure clears, and sailing leaves no one missing.
    const read = callReader(sys, who.officer);
    await until(
      () => read(callId),
      (c) => c.departure?.state === 'CLEARED',
      'departure cleared',
    );
    expect((await sys.request('POST', `/v1/calls/${callId}/departed`, { token: who.agent, body: {} })).status).toBe(
      200,
    );
    expect((await borderOf(sys, who.officer, callId)).missing).toEqual([]);
  });

  it('sends a sign-on on the watch list to review', async () => {
    await sys.request('PUT', '/v1/watchlist', {
      token: who.supervisor,
      body: {
        entries: [{ kind: 'DOCUMENT', issuingState: 'SGP', number: 'SIDN02000', reason: 'deserted another ship' }],
      },
    });
    const { callId } = await portCall(sys, who);
    await declareDeparture(sys, who.agent, callId, (d) => {
      d.signOn = [crewMember('N02')];
      d.travel = { onward: [], arrival: [{ ref: 'N02', mode: 'SEA', reference: 'LAUNCH 7', at: inHours(-1) }] };
      d.personsOnBoard = 4;
    });
    const read = callReader(sys, who.officer);
    const call = await until(
      () => read(callId),
      (c) => c.departure?.state === 'IN_REVIEW',
      'departure review',
    );
    expect(call.departure.reasons).toContainEqual(
      expect.objectContaining({ code: 'WATCH_LIST_HIT', personRef: 'N02' }),
    );
  });

  it('refuses a sign-off without onward travel with 422 naming the field', async () => {
    const { callId } = await portCall(sys, who);
    const draft = (await sys.request('GET', `/v1/calls/${callId}/departure`, { token: who.agent })).body.draft;
    const res = await sys.request('PUT', `/v1/calls/${callId}/departure`, {
      token: who.agent,
      body: { ...draft, sailing: ['C01', 'C02'], signOff: ['C03'], personsOnBoard: 2 },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.details).toContainEqual(
      expect.objectContaining({ path: 'signOff[0]', rule: 'ONWARD_TRAVEL_MISSING' }),
    );
  });
});
