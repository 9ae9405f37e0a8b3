// The FAL 5 person record over HTTP: what an agent's arrival declaration must say about the crew,
// and free text that refuses document scans — each refusal a 422 naming the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announcement, crewMember, declaration } from '../support/fixtures.ts';
import { adapters } from '#functions/wiring.ts';
import { reduceSailed } from '#persons/reduction.ts';
import { dynamoReductionStore } from '#persons/reduction-store.ts';
import { fixedClock } from '#shared/clock.ts';
import { type Actors, actors, callReader, declareDeparture, portCall } from '../support/port-call.ts';
import { until } from '../support/wait.ts';
import { type TestSystem, startTestSystem } from '../support/runtime.ts';

let sys: TestSystem;
let who: Actors;

beforeAll(async () => {
  sys = await startTestSystem();
  who = await actors(sys);
});
afterAll(() => sys.stop());

async function declare(change: Parameters<typeof declaration>[1]) {
  const a = announcement();
  const callId = (await sys.request('POST', '/v1/calls', { token: who.agent, body: a })).body.callId;
  return sys.request('PUT', `/v1/calls/${callId}/arrival`, { token: who.agent, body: declaration(a.eta, change) });
}
const addCrew =
  (person: ReturnType<typeof crewMember>) => (d: Parameters<NonNullable<Parameters<typeof declaration>[1]>>[0]) => {
    d.crew.push(person);
    d.general.crewCount += 1;
    d.general.personsOnBoard += 1;
  };

describe('the crew list', () => {
  it('accepts a seafarer born in a country that no longer exists, with a residence permit', async () => {
    const res = await declare(
      addCrew(
        crewMember('C04', {
          countryOfBirth: 'SUHH',
          nationality: 'UKR',
          entryPermit: { kind: 'RESIDENCE_PERMIT', number: 'RP7788123' },
        }),
      ),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(202);
  });

  it.each([
    [
      'a seafarer under 16',
      addCrew(crewMember('C04', { dateOfBirth: '2015-01-01' })),
      'crew[3].dateOfBirth',
      'CREW_UNDER_MINIMUM_AGE',
    ],
    [
      'a master not named in the general declaration',
      (d: any) => (d.general.masterName = 'WANG Jun'),
      'general.masterName',
      'MASTER_NAME_MISMATCH',
    ],
    ['no master on the list', (d: any) => (d.crew[0].rank = 'CHIEF_OFFICER'), 'crew', 'MASTER_NOT_ON_CREW_LIST'],
    [
      'an MRZ line in the cargo summary',
      (d: any) => (d.general.cargoSummary = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<'),
      'general.cargoSummary',
      'MRZ_REFUSED',
    ],
    [
      'an image in the place of birth',
      (d: any) => (d.crew[1].placeOfBirth = 'data:image/png;base64,iVBORw0KGgo'),
      'crew[1].placeOfBirth',
      'EMBEDDED_DATA_REFUSED',
    ],
  ])('refuses %s with 422 naming the field', async (_case, change, path, rule) => {
    const res = await declare(change);
    expect(res.status).toBe(422);
    expect(res.body.error.details).toContainEqual(expect.objectContaining({ path, rule }));
  });

  it('refuses a rank not on the list, and OTHER without its text, with 400', async () => {
    const res = await declare((d: any) => {
      d.crew[1].rank = 'CAPTAIN';
      d.crew[2].rank = 'OTHER';
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((x: { path: string }) => x.path)).toEqual(
      expect.arrayContaining(['crew[1].rank', 'crew[2].rankText']),
    );
  });
});

describe('after the voyage', () => {
  it('reduces the declarations of a call that sailed long ago to statistics, and only those', async () => {
    const { callId } = await portCall(sys, who);
    await declareDeparture(sys, who.agent, callId);
    const read = callReader(sys, who.officer);
    await until(
      () => read(callId),
      (c) => c.departure?.state === 'CLEARED',
      'departure cleared',
    );
    expect((await sys.request('POST', `/v1/calls/${callId}/departed`, { token: who.agent, body: {} })).status).toBe(
      200,
    );
    const ports = { calls: adapters.calls, reduction: dynamoReductionStore };

    // A day later nothing is reduced; 91 days later the lists are gone and the counts stay.
    await reduceSailed({ ...ports, clock: fixedClock(new Date(Date.now() + 86_400_000).toISOString()) }, 90);
    const kept = (await sys.request('GET', `/v1/calls/${callId}/arrival`, { token: who.officer })).body;
    expect(kept.declaration.crew).toHaveLength(3);
    expect(
      await reduceSailed({ ...ports, clock: fixedClock(new Date(Date.now() + 91 * 86_400_000).toISOString()) }, 90),
    ).toBeGreaterThan(0);
    const reduced = (await sys.request('GET', `/v1/calls/${callId}/arrival`, { token: who.officer })).body;
    expect(reduced.declaration.crew).toEqual([]);
    expect(reduced.statistics).toMatchObject({ crew: 3, passengers: 0, byNationality: { CHN: 1, PHL: 1, UKR: 1 } });
    expect(JSON.stringify(reduced)).not.toMatch(/SANTOS|E12345678|1984-09-30/);
    const departure = (await sys.request('GET', `/v1/calls/${callId}/departure?version=1`, { token: who.officer }))
      .body;
    expect(departure.statistics).toMatchObject({ sailing: 3, signOn: 0, signOff: 0 });
    // The call itself, its timeline and border view still read.
    expect((await read(callId)).status).toBe('DEPARTED');
    expect((await sys.request('GET', `/v1/calls/${callId}/border`, { token: who.officer })).status).toBe(200);
  });
});
