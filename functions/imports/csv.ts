// The plain CSV layout: one header row with the API's field names (document fields dotted,
// "document.number"), a `list` column saying crew or passenger, UTF-8 with or without a byte-order
// mark, comma or semicolon. Rows keep their file order within each list.
import { parse } from 'csv-parse/sync';
import { PERSON_FIELDS, type PersonField, type SourceRow } from './persons.ts';
import { columnLetter, WorkbookRefused } from './workbook.ts';

const LISTS: Record<string, 'crew' | 'passengers'> = {
  crew: 'crew',
  passenger: 'passengers',
  passengers: 'passengers',
};
const KNOWN = new Set<string>([...PERSON_FIELDS, 'list']);

export function rowsFromCsv(file: Buffer, maxRows: number): SourceRow[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    throw new WorkbookRefused('The CSV file is not UTF-8 text; save it as "CSV UTF-8"');
  }
  // A gateway that decoded the body as text has already replaced bytes that were not UTF-8.
  if (text.includes('\uFFFD')) throw new WorkbookRefused('The CSV file is not UTF-8 text; save it as "CSV UTF-8"');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // `info` wraps each record with its line number, which csv-parse's types do not model.
    records = parse(text, {
      bom: true,
      delimiter: [',', ';'],
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new WorkbookRefused('The CSV file cannot be read', [
      { path: line ? `row ${line}` : '', message: (error as Error).message.replace(/^Invalid[^:]*: /, '') },
    ]);
  }
  const [header, ...data] = records;
  const names = (header?.record ?? []).map((h) => h.trim());
  const unknown = names.filter((n) => n && !KNOWN.has(n));
  if (!names.includes('list') || unknown.length) {
    throw new WorkbookRefused('The CSV header row is not the documented one', [
      ...(names.includes('list') ? [] : [{ path: 'list', message: 'column is missing (crew or passenger per row)' }]),
      ...unknown.map((n) => ({ path: n, message: 'is not a field of a person' })),
    ]);
  }
  if (data.length > maxRows) throw new WorkbookRefused(`The CSV file holds more than ${maxRows} persons`);
  const listColumn = names.indexOf('list');
  return data.map(({ record, info }) => {
    const row = info.lines;
    const list = LISTS[(record[listColumn] ?? '').toLowerCase()];
    if (!list) {
      throw new WorkbookRefused('A CSV row does not say which list it belongs to', [
        { path: `row ${row}`, message: 'list must be "crew" or "passenger"' },
      ]);
    }
    const cells: SourceRow['cells'] = {};
    names.forEach((name, col) => {
      const value = record[col];
      if (name === 'list' || !value) return;
      cells[name as PersonField] = { value, column: columnLetter(col + 1) };
    });
    return { sheet: 'CSV', row, list, cells };
  });
}
