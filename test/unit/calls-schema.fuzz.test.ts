// Property tests on the announcement schema and rules: no input makes them throw, and what the
// schema accepts always has the fields the store keys on.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { announcementViolations, announcementWarnings } from '#calls/rules.ts';
import { CallAnnouncement } from '#calls/schema.ts';
import { createCall } from '#calls/api.ts';
import { announcement } from '../support/fixtures.ts';
import { agentClaims, context, httpEvent } from '../support/http-event.ts';

const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
const upper = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), minLength: min, maxLength: max });

/** Announcements close to valid: right shapes, arbitrary values. */
const nearlyValid = fc.record({
  vessel: fc.record({
    imo: digits(7),
    mmsi: digits(9),
    name: fc.string({ minLength: 1, maxLength: 30 }),
    callSign: upper(3, 8),
    flag: upper(2, 2),
    type: fc.constantFrom('CONTAINER', 'BULK', 'TANKER'),
  }),
  voyage: fc.stringMatching(/^[A-Z0-9]{1,8}$/),
  port: upper(5, 5),
  eta: fc
    .date({ noInvalidDate: true, min: new Date('2000-01-01'), max: new Date('2100-01-01') })
    .map((d) => d.toISOString()),
  etd: fc
    .date({ noInvalidDate: true, min: new Date('2000-01-01'), max: new Date('2100-01-01') })
    .map((d) => d.toISOString()),
});

describe('announcement schema and rules', () => {
  it('never throw on arbitrary JSON; each problem names a path', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), nearlyValid), (input) => {
        const parsed = CallAnnouncement.safeParse(input);
        if (!parsed.success) {
          expect(parsed.error.issues.length).toBeGreaterThan(0);
          return;
        }
        for (const problem of [
          ...announcementViolations(parsed.data, new Date()),
          ...announcementWarnings(parsed.data),
        ]) {
          expect(typeof problem.path).toBe('string');
          expect(problem.en.length).toBeGreaterThan(0);
          expect(problem.zh.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 20_000 },
    );
  });

  it('normalises any offset to UTC so ETA keys sort by time', () => {
    const parsed = CallAnnouncement.parse({ ...announcement(), eta: '2031-01-01T08:00:00+08:00' });
    expect(parsed.eta).toBe('2031-01-01T00:00:00.000Z');
  });

  it('answers 400 or 422, never a crash, for hostile bodies through the handler', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), fc.string()), async (body) => {
        const res = (await createCall(
          httpEvent({
            method: 'POST',
            path: '/v1/calls',
            body: typeof body === 'string' ? body : JSON.stringify(body),
            claims: agentClaims(),
          }),
          context,
        )) as { statusCode: number };
        expect([400, 422]).toContain(res.statusCode);
      }),
      { numRuns: 2_000 },
    );
  });
});
