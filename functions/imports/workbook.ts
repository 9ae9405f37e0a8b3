// The IMO Maritime Single Window data-import template: sheets "Crew List" and "Passenger List",
// headings on row 18, data from row 19, column A empty and B the serial number. Columns are found
// by their heading, so a template with a column moved or added still reads; a sheet whose
// headings are not the template's is refused with the headings it lacks.
import type ExcelJS from 'exceljs';
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
  // Loaded on the first workbook, not at cold start: it is most of this handler's bundle.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw new WorkbookRefused('The file is not a readable .xlsx workbook');
  }
  if (!workbook.worksheets.length) throw new WorkbookRefused('The file is not a readable .xlsx workbook (no sheets)');
  const sheets = LAYOUTS.map((layout) => ({ layout, sheet: workbook.getWorksheet(layout.name) })).filter(
    (s): s is { layout: SheetLayout; sheet: ExcelJS.Worksheet } => s.sheet !== undefined,
  );
  if (!sheets.length) {
    throw new WorkbookRefused('The workbook has neither a "Crew List" nor a "Passenger List" sheet', [
      { path: 'sheets', message: `found ${workbook.worksheets.map((w) => `"${w.name}"`).join(', ') || 'no sheets'}` },
    ]);
  }
  const rows: SourceRow[] = [];
  for (const { layout, sheet } of sheets) {
    const columns = headings(sheet, layout);
    for (let r = TEMPLATE.firstDataRow; r <= sheet.rowCount; r++) {
      const row = readRow(sheet.getRow(r), layout, columns);
      if (!row) continue;
      if (rows.length >= maxRows) throw new WorkbookRefused(`The workbook holds more than ${maxRows} persons`);
      rows.push(row);
    }
  }
  return rows;
}

function headings(sheet: ExcelJS.Worksheet, layout: SheetLayout): Map<number, PersonField | 'middleName'> {
  const found = new Map<number, PersonField | 'middleName'>();
  const seen = new Set<string>();
  sheet.getRow(TEMPLATE.headingRow).eachCell((cell, col) => {
    // A damaged file can carry a heading exceljs reads as no text at all: it is then no heading.
    const heading = fold(String(cell.text ?? ''));
    if (!(heading in layout.columns)) return;
    seen.add(heading);
    const field = layout.columns[heading];
    if (field) found.set(col, field);
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
  row: ExcelJS.Row,
  layout: SheetLayout,
  columns: Map<number, PersonField | 'middleName'>,
): SourceRow | undefined {
  const cells: SourceRow['cells'] = {};
  let middle: string | undefined;
  let any = false;
  for (const [col, field] of columns) {
    const cell = row.getCell(col);
    const value = cellValueOf(cell);
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
  return { sheet: layout.name, row: row.number, list: layout.list, cells };
}

function cellValueOf(cell: ExcelJS.Cell): CellValue {
  const v = cell.value;
  if (v === null || v === undefined) return undefined;
  if (v instanceof Date || typeof v !== 'object') return v;
  if ('result' in v) return (v.result as CellValue) ?? undefined; // formula
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('text' in v) return String(v.text); // hyperlink
  if ('error' in v) return String(v.error);
  return cell.text;
}

export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
