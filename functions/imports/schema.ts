// What a crew or passenger list read from a spreadsheet comes back as: the persons in the API's
// own shape and every problem with the cell it was found in, so the portal can mark the row.
import * as z from 'zod';
import { CrewMember, Passenger } from '#shared/people.ts';

export const PERSON_LISTS = ['crew', 'passengers'] as const;
export type PersonList = (typeof PERSON_LISTS)[number];

export const ImportProblem = z
  .object({
    sheet: z.string().describe('"Crew List" or "Passenger List" of the IMO template, or "CSV"'),
    row: z.number().int().describe('Spreadsheet row, 1-based as Excel shows it (the CSV header is row 1)'),
    column: z.string().describe('Column letter, e.g. "I"; "" when the problem is the whole row'),
    field: z.string().describe('Field of the API the cell fills, e.g. "document.expiry"'),
    message: z.string(),
    list: z.enum(PERSON_LISTS).describe('Which list of the answer the row went into'),
    index: z.number().int().describe('Position of the row in that list'),
  })
  .meta({ id: 'ImportProblem' });
export type ImportProblem = z.infer<typeof ImportProblem>;

export const PersonsImport = z
  .object({
    crew: z
      .array(CrewMember)
      .describe('Crew in sheet order, the master first; a row named in problems may miss fields or hold invalid ones'),
    passengers: z.array(Passenger),
    problems: z.array(ImportProblem),
  })
  .meta({ id: 'PersonsImport' });
export type PersonsImport = z.infer<typeof PersonsImport>;

/** The media types the import reads; anything else is refused before a byte is parsed. */
export const SPREADSHEET_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
} as const;

/** Limits that keep a hostile file from costing more than a real one: a 5,000-passenger workbook
 *  is about 0.4 MB zipped and 6 MB unzipped, its CSV about 1 MB. */
export interface ImportLimits {
  fileBytes: number;
  unzippedBytes: number;
  zipEntries: number;
  /** Persons in one file: the largest declaration's 2,000 crew and 10,000 passengers. */
  rows: number;
}
export const IMPORT_LIMITS: ImportLimits = {
  fileBytes: 4 * 1024 * 1024,
  unzippedBytes: 64 * 1024 * 1024,
  zipEntries: 200,
  rows: 12_000,
};
