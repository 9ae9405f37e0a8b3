// Crew and passenger lists read from the IMO template and from CSV: what an agent gets back, and
// what a broken or hostile file gets instead.
import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importPersons } from '#imports/service.ts';
import { IMPORT_LIMITS, SPREADSHEET_TYPES } from '#imports/schema.ts';
import { AppError } from '#shared/errors.ts';
import type { CrewMember, Passenger } from '#shared/people.ts';
import { passengersOf } from '#local/passenger-lists.ts';
import { crewRow, imoWorkbook, passengerRow, personsCsv } from '#local/spreadsheets.ts';
import { crewMember } from '../support/fixtures.ts';

const XLSX = SPREADSHEET_TYPES.xlsx;
const CSV = SPREADSHEET_TYPES.csv;

const master = crewMember('C01', { familyName: '王', givenNames: '小明', rank: 'MASTER', nationality: 'CHN' });
const officer = crewMember('C02', {
  familyName: 'Ólafsdóttir',
  givenNames: 'Þóra Björk',
  rank: 'CHIEF_OFFICER',
  nationality: 'ISL',
  placeOfBirth: 'Reykjavík',
});
const passenger: Passenger = {
  ref: 'P0001',
  familyName: 'Müller-Lüdenscheidt',
  givenNames: 'José',
  nationality: 'DEU',
  gender: 'X',
  dateOfBirth: '1988-02-29',
  document: { type: 'PASSPORT', number: 'C01X00T47', issuingState: 'D', expiry: '2033-06-30' },
  portOfEmbarkation: 'SGSIN',
  portOfDisembarkation: 'CNTXG',
  transit: true,
};

const read = (file: Buffer | string, contentType: string = XLSX, limits = IMPORT_LIMITS) =>
  importPersons({ contentType, file: Buffer.from(file), lang: 'en' }, limits);

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('the IMO template', () => {
  it('reads crew and passengers with real Excel dates, non-Latin names and accents intact', async () => {
    // Prepare
    const file = await imoWorkbook({
      crew: [crewRow(master, 1), crewRow(officer, 2)],
      passengers: [passengerRow(passenger, 1)],
    });
    // Act
    const result = await read(file);
    // Assess
    expect(result.problems).toEqual([]);
    expect(result.crew).toEqual([
      { ...master, document: { ...master.document, type: 'PASSPORT' } },
      { ...officer, document: { ...officer.document, type: 'PASSPORT' } },
    ]);
    expect(result.passengers).toEqual([passenger]);
  });

  it('reads every row of a workbook of 11,900 passengers, whose sheet is large enough to inflate off the main thread', async () => {
    const many = passengersOf(11_900);
    const file = await imoWorkbook({ passengers: many.map((p, i) => passengerRow(p, i + 1)) });
    // fflate inflates a part of 512 KiB or more in a worker thread.
    const parts = Object.values(unzipSync(file)).map((part) => part.length);
    expect(Math.max(...parts)).toBeGreaterThan(512 * 1024);
    const result = await read(file);
    expect(result.problems).toEqual([]);
    // The template has no ref column: the import numbers the rows, the rest is as written.
    const unnumbered = (list: Passenger[]) => list.map(({ ref: _ref, ...p }) => p);
    expect(unnumbered(result.passengers)).toEqual(unnumbered(many));
    expect(result.passengers.at(-1)!.ref).toBe('P11900');
  }, 30_000);

  it('ignores the numbered rows the template leaves empty', async () => {
    const file = await imoWorkbook({ crew: [crewRow(master, 1)], blankNumberedRows: 40 });
    const result = await read(file);
    expect(result.crew).toHaveLength(1);
    expect(result.passengers).toEqual([]);
  });

  it('takes dates typed as text or stored as plain numbers, and document numbers typed as numbers', async () => {
    const row = crewRow(master, 1);
    row[6] = '1975/4/12'; // date of birth as text
    row[7] = 12345678; // document number as a number
    row[9] = 47_150; // expiry as an Excel serial day: 2029-02-01
    const result = await read(await imoWorkbook({ crew: [row] }));
    expect(result.problems).toEqual([]);
    expect(result.crew[0]).toMatchObject({
      dateOfBirth: '1975-04-12',
      document: { number: '12345678', expiry: '2029-02-01' },
    });
  });

  it('makes the first crew row the master and says so when it names another rank', async () => {
    const unranked = crewRow(master, 1);
    unranked[12] = null;
    expect((await read(await imoWorkbook({ crew: [unranked] }))).crew[0]?.rank).toBe('MASTER');

    const cook = crewRow(master, 1);
    cook[12] = 'Cook';
    const result = await read(await imoWorkbook({ crew: [cook] }));
    expect(result.problems).toEqual([
      expect.objectContaining({ sheet: 'Crew List', row: 19, column: 'N', field: 'rank', list: 'crew', index: 0 }),
    ]);
  });

  it('pins every problem to its sheet, row, column and field, and still returns the row', async () => {
    const row = crewRow(officer, 2);
    row[4] = 'Iceland'; // nationality
    row[6] = '31/02/1990'; // date of birth
    const result = await read(await imoWorkbook({ crew: [crewRow(master, 1), row] }));
    expect(result.crew).toHaveLength(2);
    expect(result.problems).toEqual([
      expect.objectContaining({ sheet: 'Crew List', row: 20, column: 'F', field: 'nationality', index: 1 }),
      expect.objectContaining({ sheet: 'Crew List', row: 20, column: 'H', field: 'dateOfBirth', index: 1 }),
    ]);
  });

  it('gives problems in Chinese to a caller who asks for Chinese', async () => {
    const row = crewRow(master, 1);
    row[5] = 'Q';
    const file = await imoWorkbook({ crew: [row] });
    const result = await importPersons({ contentType: XLSX, file, lang: 'zh' });
    expect(result.problems[0]?.field).toBe('gender');
    expect(result.problems[0]?.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('refuses a workbook without the template sheets, naming the sheets it found', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1').getCell('A1').value = 'crew';
    const error = await refusal(read(Buffer.from(await workbook.xlsx.writeBuffer())));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/Crew List/);
    expect(error.details).toEqual([{ path: 'sheets', message: 'found "Sheet1"' }]);
  });

  it('refuses a sheet whose row 18 does not hold the template headings', async () => {
    const file = await imoWorkbook({ crew: [crewRow(master, 1)] });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
    workbook.getWorksheet('Crew List')!.spliceRows(17, 1);
    const shifted = Buffer.from(await workbook.xlsx.writeBuffer());
    const error = await refusal(read(shifted));
    expect(error.status).toBe(400);
    expect(error.details[0]).toMatchObject({ path: 'Crew List!18' });
  });
});

describe('the plain CSV', () => {
  const crew: CrewMember[] = [master, officer];

  it.each([
    ['comma, no byte-order mark', ',', ''],
    ['semicolon with a byte-order mark', ';', '\uFEFF'],
  ])('reads crew and passengers separated by %s', async (_name, delimiter, bom) => {
    const result = await read(bom + personsCsv({ crew, passengers: [passenger] }, delimiter), CSV);
    expect(result.problems).toEqual([]);
    expect(result.crew).toEqual(crew);
    expect(result.passengers).toEqual([passenger]);
  });

  it('pins a problem to the CSV row and column', async () => {
    const text = personsCsv({ crew: [master, { ...officer, gender: 'Q' as 'M' }] });
    const result = await read(text, `${CSV}; charset=utf-8`);
    expect(result.problems).toEqual([
      expect.objectContaining({ sheet: 'CSV', row: 3, column: 'F', field: 'gender', list: 'crew', index: 1 }),
    ]);
  });

  it('refuses a header with a column that is not a field, naming it', async () => {
    const error = await refusal(read('list,ref,surname\ncrew,C01,LI\n', CSV));
    expect(error.status).toBe(400);
    expect(error.details).toEqual([expect.objectContaining({ path: 'surname' })]);
  });

  it('refuses text that is not UTF-8', async () => {
    const latin1 = Buffer.from(`${personsCsv({ crew: [officer] })}`, 'latin1');
    const error = await refusal(read(latin1, CSV));
    expect(error.message).toMatch(/UTF-8/);
  });

  it('refuses a row with an unclosed quote, naming the row', async () => {
    const error = await refusal(read('list,ref\ncrew,"C01\n', CSV));
    expect(error.status).toBe(400);
  });
});

describe('files that are not what they say', () => {
  it('refuses a media type it does not read with 415', async () => {
    const error = await refusal(read('hello', 'text/plain'));
    expect(error.status).toBe(415);
    expect(error.details[0]?.path).toBe('headers.content-type');
  });

  it('refuses CSV text sent as a workbook, and a workbook sent as CSV', async () => {
    expect((await refusal(read(personsCsv({ crew: [master] }), XLSX))).status).toBe(400);
    const workbook = await imoWorkbook({ crew: [crewRow(master, 1)] });
    expect((await refusal(read(workbook, CSV))).status).toBe(400);
  });

  it('refuses a zip that is not a workbook, and a damaged one', async () => {
    const notAWorkbook = Buffer.from(zipSync({ 'hello.txt': new TextEncoder().encode('hello') }));
    expect((await refusal(read(notAWorkbook))).message).toMatch(/not a readable .xlsx/);
    const workbook = await imoWorkbook({ crew: [crewRow(master, 1)] });
    const damaged = Buffer.concat([workbook.subarray(0, 2000), Buffer.alloc(2000)]);
    expect((await refusal(read(damaged))).status).toBe(400);
  });

  it('refuses a zip bomb before it is inflated past the limit', async () => {
    // 200 MB of zeros deflate to about 200 KB
    const bomb = Buffer.from(zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(200 * 1024 * 1024) }, { level: 9 }));
    expect(bomb.length).toBeLessThan(IMPORT_LIMITS.fileBytes);
    const error = await refusal(read(bomb));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/unpacks to more than 64 MB/);
  });

  it('refuses a workbook with more parts than a workbook has', async () => {
    const parts = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`p${i}.xml`, new Uint8Array(1)]));
    const error = await refusal(read(Buffer.from(zipSync(parts))));
    expect(error.message).toMatch(/300 parts/);
  });

  it('refuses an oversized file with 413 and an empty one with 400', async () => {
    const workbook = await imoWorkbook({ crew: [crewRow(master, 1)] });
    expect((await refusal(read(workbook, XLSX, { ...IMPORT_LIMITS, fileBytes: 1000 }))).status).toBe(413);
    expect((await refusal(read(Buffer.alloc(0), CSV))).status).toBe(400);
  });

  it('refuses a list longer than the largest declaration', async () => {
    const text = personsCsv({ crew: [master, officer, master] });
    const error = await refusal(read(text, CSV, { ...IMPORT_LIMITS, rows: 2 }));
    expect(error.message).toMatch(/more than 2 persons/);
  });
});
