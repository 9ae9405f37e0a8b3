// The IMO Maritime Single Window data-import template: sheets "Crew List" and "Passenger List",
// headings on row 18, data from row 19, column A empty and B the serial number. Columns are found
// by their heading, so a template with a column moved or added still reads; a sheet whose
// headings are not the template's is refused with the headings it lacks.
import readXlsxFile, { type Sheet, type SheetData } from 'read-excel-file/universal';
import type { CellValue, PersonField, SourceRow } from './persons.ts';
import type { PersonList } from './schema.ts';

export const TEMPLATE = { headingRow: 18, firstDataRow: 19 } as const;

interface SheetLayout {
  name: string;
  list: PersonList;
  /** Heading (lower case, spaces folded) → the field it fills; `null` is read and not kept. */
  columns: Record<string, PersonField | 'middleName' | null>;
}

const COMMON = {
  srno: null,
  'last name': 'familyName',
  'first name': 'givenNames',
  'middle name': 'middleName',
  nationality: 'nationality',
  sex: 'gender',
  'date of birth': 'dateOfBirth',
  'document number': 'document.number',
  'country of issue': 'document.issuingState',
  'date of expiry': 'document.expiry',
  'place of birth': 'placeOfBirth',
} as const;

export const LAYOUTS: readonly SheetLayout[] = [
  {
    name: 'Crew List',
    list: 'crew',
    // The crew list's ports and customs effects have no place in FAL 5 as the API holds it.
    columns: {
      ...COMMON,
      'port of embarkation': null,
      'port of debarkation': null,
      'rank or rating': 'rank',
      'effects (customs)': null,
    },
  },
  {
    name: 'Passenger List',
    list: 'passengers',
    columns: {
      ...COMMON,
      'port of embarkation': 'portOfEmbarkation',
      'port of debarkation': 'portOfDisembarkation',
      'visa number': null,
      'transit (y/n)': 'transit',
    },
  },
];

const REQUIRED = ['last name', 'first name', 'nationality', 'date of birth', 'document number'];

export class WorkbookRefused extends Error {
  readonly details: { path: string; message: string }[];
  constructor(message: string, details: { path: string; message: string }[] = []) {
    super(message);
    this.details = details;
  }
}

export async function rowsFromWorkbook(file: Buffer, maxRows: number): Promise<SourceRow[]> {
  let workbook: Sheet[];
  try {
    // The archive is read from its central directory, as the zip check before read it: the parts
    // measured there are the parts read here. A copy, for `file` may be a view of a larger buffer.
    workbook = await readXlsxFile(new Uint8Array(file).buffer);
  } catch {
    // A damaged zip, a part that is not XML, cells of shapes no workbook has: unreadable, not a fault.
    throw new WorkbookRefused('The file is not a readable .xlsx workbook');
  }
  if (!workbook.length) throw new WorkbookRefused('The file is not a readable .xlsx workbook (no sheets)');
  const sheets = LAYOUTS.flatMap((layout) => {
    const sheet = workbook.find((s) => s.sheet === layout.name);
    return sheet ? [{ layout, data: sheet.data }] : [];
  });
  if (!sheets.length) {
    throw new WorkbookRefused('The workbook has neither a "Crew List" nor a "Passenger List" sheet', [
      { path: 'sheets', message: `found ${workbook.map((w) => `"${w.sheet}"`).join(', ')}` },
    ]);
  }
  const rows: SourceRow[] = [];
  for (const { layout, data } of sheets) {
    const columns = headings(data, layout);
    for (let r = TEMPLATE.firstDataRow; r <= data.length; r++) {
      const row = readRow(data, r, layout, columns);
      if (!row) continue;
      if (rows.length >= maxRows) throw new WorkbookRefused(`The workbook holds more than ${maxRows} persons`);
      rows.push(row);
    }
  }
  return rows;
}

/** A cell's value as the rows take it: empty is undefined. (The library types a date cell as the `Date` class.) */
const cellValue = (value: SheetData[number][number] | undefined): CellValue =>
  value === null ? undefined : (value as CellValue);

/** The cell at 1-based `row` and `col`, as the spreadsheet numbers them. */
const cellAt = (data: SheetData, row: number, col: number): CellValue => cellValue(data[row - 1]?.[col - 1]);

function headings(data: SheetData, layout: SheetLayout): Map<number, PersonField | 'middleName'> {
  const found = new Map<number, PersonField | 'middleName'>();
  const seen = new Set<string>();
  (data[TEMPLATE.headingRow - 1] ?? []).forEach((value, index) => {
    const heading = fold(String(cellValue(value) ?? ''));
    if (!(heading in layout.columns)) return;
    seen.add(heading);
    const field = layout.columns[heading];
    if (field) found.set(index + 1, field);
  });
  const missing = REQUIRED.filter((h) => !seen.has(h));
  if (missing.length) {
    throw new WorkbookRefused(`Sheet "${layout.name}" does not have the IMO template's headings on row 18`, [
      { path: `${layout.name}!${TEMPLATE.headingRow}`, message: `missing ${missing.map((m) => `"${m}"`).join(', ')}` },
    ]);
  }
  return found;
}

const fold = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

function readRow(
  data: SheetData,
  row: number,
  layout: SheetLayout,
  columns: Map<number, PersonField | 'middleName'>,
): SourceRow | undefined {
  const cells: SourceRow['cells'] = {};
  let middle: string | undefined;
  let any = false;
  for (const [col, field] of columns) {
    const value = cellAt(data, row, col);
    if (value === undefined || value === '') continue;
    any = true;
    if (field === 'middleName') middle = String(value).trim();
    else cells[field] = { value, column: columnLetter(col) };
  }
  // A numbered row with nothing else in it is the template's blank line, not a person.
  if (!any) return undefined;
  if (middle) {
    const given = cells.givenNames;
    const first = typeof given?.value === 'string' ? given.value.trim() : '';
    cells.givenNames = { value: [first, middle].filter(Boolean).join(' '), column: given?.column ?? 'D' };
  }
  return { sheet: layout.name, row, list: layout.list, cells };
}

export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
