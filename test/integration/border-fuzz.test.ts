// Property tests of the persons' border payloads on a real call: whatever a landing decision,
// visitor request or sail-without decision holds, the answer is never a 5xx, and a refused one
// leaves no record behind (neither a decision nor an audit entry).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actors, actors, borderOf, portCall } from '../support/port-call.ts';
import { type TestSystem, startTestSystem } from '../support/runtime.ts';

let sys: TestSystem;
let who: Actors;
let callId: string;

beforeAll(async () => {
  sys = await startTestSystem();
  who = await actors(sys);
  ({ callId } = await portCall(sys, who));
}, 60_000);
afterAll(() => sys.stop());

const anyValue = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    '',
    ' ',
    '2026-12-03T06:00:00Z',
    '2999-01-01T00:00:00Z',
    'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
  ),
);
const ref = fc.oneof(fc.constantFrom('C01', 'C02', 'C03', 'X1', ''), fc.string({ maxLength: 25 }));
const instant = fc.oneof(
  fc
    .date({ min: new Date('0001-01-01'), max: new Date('2999-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  anyValue,
);

const landing = fc.record(
  {
    scope: fc.oneof(fc.constantFrom('CREW', 'PERSONS'), anyValue),
    persons: fc.oneof(fc.array(ref, { maxLength: 4 }), anyValue),
    decision: fc.oneof(fc.constantFrom('SHORE_PASS', 'REFUSED', 'HELD_ON_BOARD'), anyValue),
    from: instant,
    until: instant,
    reason: fc.oneof(fc.string({ maxLength: 600 }), anyValue),
    agentNotice: anyValue,
    extra: anyValue,
  },
  { requiredKeys: [] },
);
const visitor = fc.record(
  {
    familyName: fc.oneof(fc.constant('MOREAU'), anyValue),
    givenNames: fc.oneof(fc.constant('Luc'), anyValue),
    dateOfBirth: fc.oneof(fc.constant('1979-03-02'), anyValue),
    nationality: fc.oneof(fc.constantFrom('FRA', 'D', 'XXA', 'ZZZ'), anyValue),
    document: fc.oneof(
      fc.record({
        type: fc.constantFrom('PASSPORT', 'X'),
        number: fc.constantFrom('FR1234567', 'x'),
        issuingState: fc.constantFrom('FRA', 'Q'),
      }),
      anyValue,
    ),
    company: fc.oneof(fc.constant('Pilot Station'), anyValue),
    purpose: fc.oneof(fc.constantFrom('PILOT', 'SURVEYOR'), anyValue),
    from: instant,
    until: instant,
  },
  { requiredKeys: [] },
);
const sailWithout = fc.record(
  { persons: fc.oneof(fc.array(ref, { maxLength: 3 }), anyValue), reason: anyValue },
  { requiredKeys: [] },
);

async function record() {
  const [call, border] = await Promise.all([
    sys.request('GET', `/v1/calls/${callId}`, { token: who.officer }),
    borderOf(sys, who.officer, callId),
  ]);
  return JSON.stringify([call.body.timeline.length, border]);
}

describe('persons border payloads', () => {
  it.each([
    ['a landing decision', 'landing', landing, 'officer'],
    ['a visitor request', 'visitors', visitor, 'agent'],
    ['a sail-without decision', 'sail-without', sailWithout, 'officer'],
  ] as const)(
    'never answers 5xx to %s, and a refused one records nothing',
    async (_name, path, arbitrary, role) => {
      await fc.assert(
        fc.asyncProperty(arbitrary, async (body) => {
          const before = await record();
          const res = await sys.request('POST', `/v1/calls/${callId}/${path}`, { token: who[role], body });
          expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
          if (res.status >= 400) {
            expect(res.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
            expect(await record()).toBe(before);
          }
        }),
        { numRuns: 60 },
      );
    },
    120_000,
  );
});
