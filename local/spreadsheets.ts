// Crew and passenger lists as agents keep them: the IMO Maritime Single Window data-import
// template (.xlsx) and the plain CSV, built with exceljs from API persons. For tests, the
// benchmark and the demo files; nothing here is read by the import itself.
import ExcelJS from 'exceljs';
import { PERSON_FIELDS } from '#imports/persons.ts';
import type { CrewMember, Passenger } from '#shared/people.ts';

export type TemplateCell = string | number | Date | null;

const COMMON_HEADINGS = [
  'SrNo',
  'Last Name',
  'First Name',
  'Middle Name',
  'Nationality',
  'Sex',
  'Date of Birth',
  'Document Number',
  'Country of Issue',
  'Date of Expiry',
  'Port of Embarkation',
  'Port of Debarkation',
];
export const CREW_HEADINGS = [...COMMON_HEADINGS, 'Rank or Rating', 'Place of birth', 'Effects (customs)'];
export const PASSENGER_HEADINGS = [...COMMON_HEADINGS, 'Visa number', 'Place of birth', 'Transit (Y/N)'];

const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
const sex = (g: string) => (g === 'X' ? 'Other' : g);
const title = (rank: string) =>
  rank
    .split('_')
    .map((w) => w[0] + w.slice(1).toLowerCase())
    .join(' ');

/** Columns B to K, the same on both sheets, with real Excel dates. */
function personCells(p: CrewMember | Passenger, srNo: number): TemplateCell[] {
  const d = p.document;
  const [first, ...middle] = p.givenNames.split(' ');
  return [
    srNo,
    p.familyName,
    first!,
    middle.join(' ') || null,
    p.nationality,
    sex(p.gender),
    date(p.dateOfBirth),
    d.number,
    d.issuingState,
    date(d.expiry),
  ];
}

/** A crew member as a template row (columns B onwards). */
export function crewRow(p: CrewMember, srNo: number): TemplateCell[] {
  return [...personCells(p, srNo), null, null, title(p.rank), p.placeOfBirth ?? null, null];
}

export function passengerRow(p: Passenger, srNo: number): TemplateCell[] {
  return [
    ...personCells(p, srNo),
    p.portOfEmbarkation ?? null,
    p.portOfDisembarkation ?? null,
    null,
    p.placeOfBirth ?? null,
    p.transit ? 'Y' : 'N',
  ];
}

export interface TemplateSheets {
  crew?: TemplateCell[][];
  passengers?: TemplateCell[][];
  /** Numbered rows left empty after the data, as the template ships them. */
  blankNumberedRows?: number;
}

/** A workbook laid out as the IMO template: headings on row 18, data from row 19, column A empty. */
export async function imoWorkbook(sheets: TemplateSheets): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const add = (name: string, headings: string[], rows: TemplateCell[][]) => {
    const sheet = workbook.addWorksheet(name);
    sheet.getCell('B2').value = name;
    sheet.getCell('B4').value = 'Name of ship';
    sheet.getCell('B5').value = 'IMO number';
    sheet.getRow(18).values = [null, ...headings];
    rows.forEach((cells, i) => {
      sheet.getRow(19 + i).values = [null, ...cells];
    });
    for (let i = 0; i < (sheets.blankNumberedRows ?? 0); i++) {
      sheet.getCell(19 + rows.length + i, 2).value = rows.length + i + 1;
    }
    for (const col of [7, 10]) sheet.getColumn(col + 1).numFmt = 'yyyy/mm/dd';
  };
  if (sheets.crew) add('Crew List', CREW_HEADINGS, sheets.crew);
  if (sheets.passengers) add('Passenger List', PASSENGER_HEADINGS, sheets.passengers);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The documented CSV header, in the order examples/persons.csv uses. */
export const CSV_HEADER = ['list', ...PERSON_FIELDS];

/** Persons as the documented CSV, quoted where a value needs it. */
export function personsCsv(persons: { crew?: CrewMember[]; passengers?: Passenger[] }, delimiter = ','): string {
  const quote = (v: unknown) => {
    const s = v === undefined ? '' : String(v);
    return /[",;\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const line = (list: string, p: CrewMember | Passenger) =>
    [
      list,
      p.ref,
      p.familyName,
      p.givenNames,
      p.nationality,
      p.gender,
      p.dateOfBirth,
      p.placeOfBirth,
      p.document.type,
      p.document.number,
      p.document.issuingState,
      p.document.expiry,
      'rank' in p ? p.rank : undefined,
      'portOfEmbarkation' in p ? p.portOfEmbarkation : undefined,
      'portOfDisembarkation' in p ? p.portOfDisembarkation : undefined,
      'transit' in p ? p.transit : undefined,
    ]
      .map(quote)
      .join(delimiter);
  return [
    CSV_HEADER.join(delimiter),
    ...(persons.crew ?? []).map((p) => line('crew', p)),
    ...(persons.passengers ?? []).map((p) => line('passenger', p)),
  ].join('\r\n');
}
