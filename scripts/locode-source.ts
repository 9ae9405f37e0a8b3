// Reads UN/LOCODE codes out of the CSV forms the list is published in: the datasets/un-locode
// package's code-list.csv (header Change,Country,Location,…), per-country files with a
// country,location header, and UNECE's own CodeListPart files (no header; country and location
// in the second and third columns).
import { parse } from 'csv-parse/sync';

export interface LocodeRows {
  codes: string[];
  /** Rows with a location that is no UN/LOCODE form (kept out, counted for the report). */
  skipped: string[];
}

const FORM = /^[A-Z]{2}[A-Z2-9]{3}$/;

export function codesFromCsv(text: string): LocodeRows {
  const rows = parse(text, {
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    bom: true,
  }) as string[][];
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const named = header.includes('country') && header.includes('location');
  const country = named ? header.indexOf('country') : 1;
  const location = named ? header.indexOf('location') : 2;
  const codes: string[] = [];
  const skipped: string[] = [];
  for (const row of named ? rows.slice(1) : rows) {
    const code = `${row[country]?.trim() ?? ''}${row[location]?.trim() ?? ''}`;
    // A row without a location is a country's heading in UNECE's files, not a place.
    if (!row[location]?.trim()) continue;
    (FORM.test(code) ? codes : skipped).push(code);
  }
  return { codes, skipped };
}
