// Property: any valid crew and passenger list an agent could declare comes back unchanged from the
// CSV and from the IMO template, whatever the script of the names.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importPersons } from '#imports/service.ts';
import { SPREADSHEET_TYPES } from '#imports/schema.ts';
import { crewRow, imoWorkbook, passengerRow, personsCsv } from '#local/spreadsheets.ts';
import { AppError } from '#shared/errors.ts';
import { type CrewMember, type Passenger, RANKS } from '#shared/people.ts';

const LETTERS = [...'ABCXYZabcxyzÀÉÎÕÜßçñøåłžŠƏ李王张伟小明佐藤ひらがなカタカナ김민준ÄлениОлегΑλέξηςعليאבגद्विजเทพ'];
const word = fc.string({ unit: fc.constantFrom(...LETTERS), minLength: 1, maxLength: 12 });
// Names as the schema allows them: words with single spaces, hyphens or apostrophes between.
const name = fc
  .tuple(word, fc.array(fc.tuple(fc.constantFrom(' ', '-', "'"), word), { maxLength: 3 }))
  .map(([first, rest]) => first + rest.map(([sep, w]) => sep + w).join(''))
  .filter((n) => n.length <= 80);
const given = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
const day = fc
  .date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const country = fc.constantFrom('CHN', 'PHL', 'UKR', 'DEU', 'ISL', 'VNM', 'IND', 'NGA', 'BRA', 'D');
const upper = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'ABCDEFGHJKLMNPRSTUVWXYZ0123456789'), minLength: min, maxLength: max });
// Ranks come from the crew list's own list (OTHER needs its text, which a sheet cell does not carry).
const rank = fc.constantFrom(...RANKS.filter((r) => r !== 'OTHER' && r !== 'MASTER'));

const base = {
  familyName: name,
  givenNames: given,
  nationality: country,
  gender: fc.constantFrom('M', 'F', 'X'),
  dateOfBirth: day,
  placeOfBirth: fc.option(name, { nil: undefined }),
  document: fc.record({
    type: fc.constant('PASSPORT' as const),
    number: upper(5, 20),
    issuingState: country,
    expiry: day,
  }),
};
const crewMember = fc.record({
  ...base,
  ref: fc.constant(''),
  rank,
});
const passenger = fc.record({
  ...base,
  ref: fc.constant(''),
  portOfEmbarkation: fc.option(fc.constantFrom('SGSIN', 'CNSHA', 'KRPUS'), { nil: undefined }),
  portOfDisembarkation: fc.option(fc.constantFrom('CNTXG', 'JPTYO'), { nil: undefined }),
  transit: fc.boolean(),
});

/** Without undefined fields, numbered as the template numbers them, the first crew the master. */
function lists(crew: object[], passengers: object[]) {
  const clean = <T>(p: object) => JSON.parse(JSON.stringify(p)) as T;
  return {
    crew: crew.map((p, i) =>
      clean<CrewMember>({ ...p, ref: `C${String(i + 1).padStart(2, '0')}`, ...(i === 0 && { rank: 'MASTER' }) }),
    ),
    passengers: passengers.map((p, i) => clean<Passenger>({ ...p, ref: `P${String(i + 1).padStart(4, '0')}` })),
  };
}

const read = (file: Buffer, contentType: string) => importPersons({ contentType, file, lang: 'en' });

describe('importing what could be declared', () => {
  it('gives back every list from the CSV unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(crewMember, { minLength: 1, maxLength: 5 }),
        fc.array(passenger, { maxLength: 5 }),
        fc.constantFrom(',', ';'),
        async (crew, passengers, delimiter) => {
          const expected = lists(crew, passengers);
          const out = await read(Buffer.from(personsCsv(expected, delimiter)), SPREADSHEET_TYPES.csv);
          expect(out).toEqual({ ...expected, problems: [] });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives back every list from the IMO template unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(crewMember, { minLength: 1, maxLength: 4 }),
        fc.array(passenger, { maxLength: 4 }),
        async (crew, passengers) => {
          const expected = lists(crew, passengers);
          const file = await imoWorkbook({
            crew: expected.crew.map((p, i) => crewRow(p, i + 1)),
            passengers: expected.passengers.map((p, i) => passengerRow(p, i + 1)),
          });
          const out = await read(file, SPREADSHEET_TYPES.xlsx);
          expect(out).toEqual({ ...expected, problems: [] });
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);
});

/** The master's row of the IMO template, the one every damaged workbook below starts from. */
const MASTER = [
  '1',
  'LI',
  'Wei',
  null,
  'CHN',
  'M',
  '1980/01/01',
  'E1234567',
  'CHN',
  '2030/01/01',
  null,
  null,
  'Master',
  null,
  null,
];

describe('importing what was never a list', () => {
  /** Resolves with persons, or is refused with a 4xx: never anything a 5xx would be made of. */
  const refusedOrRead = async (file: Buffer, contentType: string) => {
    const error = await read(file, contentType).then(
      () => undefined,
      (e: unknown) => e,
    );
    if (error === undefined) return;
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBeLessThan(500);
  };

  it('answers random bytes of either media type with persons or a 4xx, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 2_000 }),
        fc.constantFrom(...Object.values(SPREADSHEET_TYPES)),
        (bytes, type) => refusedOrRead(Buffer.from(bytes), type),
      ),
      { numRuns: 300 },
    );
  });

  it('refuses with 400 a workbook whose heading a damaged byte leaves without text (found by the fuzz below)', async () => {
    const valid = await imoWorkbook({ crew: [MASTER] });
    const file = Buffer.from(valid);
    file[1890] = 0;
    file[938] = 4;
    const error = await read(file, SPREADSHEET_TYPES.xlsx).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(400);
  });

  it('answers a workbook with bytes overwritten anywhere with persons or a 4xx', async () => {
    const valid = await imoWorkbook({ crew: [MASTER] });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: valid.length - 1 }), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        async (edits) => {
          const file = Buffer.from(valid);
          for (const [at, byte] of edits) file[at] = byte;
          await refusedOrRead(file, SPREADSHEET_TYPES.xlsx);
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);
});
