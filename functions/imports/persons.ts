// Rows read from a spreadsheet become persons in the API's shape. The same rules serve both
// layouts (IMO template, plain CSV): cells are normalised the way agents' files write them
// (Excel dates, "2026/03/01", "Other", "Y"), then checked by the declaration's own schemas, so an
// import finds exactly the problems a submission would, each pinned to its cell.
import type * as z from 'zod';
import { CrewMember, Passenger } from '#shared/people.ts';
import { type Lang, zodErrorMap } from '#shared/i18n.ts';
import type { ImportProblem, PersonList, PersonsImport } from './schema.ts';

export type CellValue = string | number | boolean | Date | null | undefined;

/** The fields a sheet may fill, named as the API names them ("document.expiry"). */
export const PERSON_FIELDS = [
  'ref',
  'familyName',
  'givenNames',
  'nationality',
  'gender',
  'dateOfBirth',
  'placeOfBirth',
  'document.type',
  'document.number',
  'document.issuingState',
  'document.expiry',
  'rank',
  'portOfEmbarkation',
  'portOfDisembarkation',
  'transit',
] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];

export interface SourceRow {
  sheet: string;
  /** 1-based, as the spreadsheet shows it. */
  row: number;
  list: PersonList;
  cells: Partial<Record<PersonField, { value: CellValue; column: string }>>;
}

const MESSAGES = {
  master: {
    en: 'the first crew row is the master: its rank must be Master',
    zh: '船员名单第一行应为船长：职务须为 Master',
  },
  duplicateRef: { en: 'is used by an earlier row', zh: '与前面的行重复' },
};

export function personsFromRows(rows: readonly SourceRow[], lang: Lang): PersonsImport {
  const out: PersonsImport = { crew: [], passengers: [], problems: [] };
  const seenRefs = { crew: new Set<string>(), passengers: new Set<string>() };
  for (const source of rows) {
    const list = out[source.list] as unknown[];
    const index = list.length;
    const person = normalise(source, index);
    const problem = (field: string, message: string): ImportProblem => ({
      sheet: source.sheet,
      row: source.row,
      column: source.cells[field as PersonField]?.column ?? '',
      field,
      message,
      list: source.list,
      index,
    });
    if (source.list === 'crew' && index === 0) {
      if (person.rank === undefined || person.rank === 'CAPTAIN') person.rank = 'MASTER';
      else if (person.rank !== 'MASTER') out.problems.push(problem('rank', MESSAGES.master[lang]));
    }
    const schema: z.ZodType = source.list === 'crew' ? CrewMember : Passenger;
    const parsed = schema.safeParse(person, { error: zodErrorMap(lang) });
    if (parsed.success) list.push(parsed.data);
    else {
      list.push(person);
      // One problem per cell: a value that fails a pattern would fail the code list after it too.
      const fields = new Set<string>();
      for (const issue of parsed.error.issues) {
        const field = issue.path.map(String).join('.');
        if (!fields.has(field)) out.problems.push(problem(field, issue.message));
        fields.add(field);
      }
    }
    const ref = typeof person.ref === 'string' ? person.ref : undefined;
    if (ref !== undefined) {
      if (seenRefs[source.list].has(ref)) out.problems.push(problem('ref', MESSAGES.duplicateRef[lang]));
      seenRefs[source.list].add(ref);
    }
  }
  return out;
}

type Draft = Record<string, unknown> & { rank?: unknown; ref?: unknown; document: Record<string, unknown> };

function normalise(source: SourceRow, index: number): Draft {
  const draft: Draft = { document: {} };
  for (const [field, cell] of Object.entries(source.cells) as [PersonField, { value: CellValue }][]) {
    const value = NORMALISE[field](cell.value);
    if (value === undefined) continue;
    if (field.startsWith('document.')) draft.document[field.slice('document.'.length)] = value;
    else draft[field] = value;
  }
  // Files without these columns (the IMO template has neither) get what a paper list implies.
  draft.ref ??= source.list === 'crew' ? `C${pad(index + 1, 2)}` : `P${pad(index + 1, 4)}`;
  draft.document.type ??= 'PASSPORT';
  return draft;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Text of a cell, trimmed; numbers as written (document numbers are often typed as numbers). */
export function cellText(value: CellValue): string | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value instanceof Date ? isoDate(value) : String(value).trim();
  return text === '' ? undefined : text;
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

// Excel counts days from 1899-12-30 (its 1900 leap-year bug included); the reader turns formatted
// date cells into Dates itself, this catches dates stored as plain numbers.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export function cellDate(value: CellValue): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : isoDate(value);
  if (typeof value === 'number' && value > 0 && value < 2_958_466) {
    return isoDate(new Date(EXCEL_EPOCH_MS + Math.round(value) * DAY_MS));
  }
  const text = cellText(value);
  const m = text && /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(text);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : text;
}

const upper = (value: CellValue) => cellText(value)?.toUpperCase();

const GENDERS: Record<string, string> = { M: 'M', MALE: 'M', F: 'F', FEMALE: 'F', X: 'X', O: 'X', OTHER: 'X' };
const YES_NO: Record<string, boolean> = {
  Y: true,
  YES: true,
  TRUE: true,
  '1': true,
  N: false,
  NO: false,
  FALSE: false,
  '0': false,
};
const ORDINALS: Record<string, string> = { '1ST': 'FIRST', '2ND': 'SECOND', '3RD': 'THIRD', '4TH': 'FOURTH' };

const NORMALISE: Record<PersonField, (value: CellValue) => unknown> = {
  ref: cellText,
  familyName: cellText,
  givenNames: cellText,
  nationality: upper,
  gender: (v) => {
    const g = upper(v);
    return g === undefined ? undefined : (GENDERS[g] ?? g);
  },
  dateOfBirth: cellDate,
  placeOfBirth: cellText,
  'document.type': (v) => upper(v)?.replace(/[\s-]+/g, '_'),
  'document.number': (v) => upper(v)?.replace(/\s+/g, ''),
  'document.issuingState': upper,
  'document.expiry': cellDate,
  // "Chief Officer", "2nd Engineer", "A/B" → CHIEF_OFFICER, SECOND_ENGINEER, A_B
  rank: (v) =>
    upper(v)
      ?.split(/[^A-Z0-9]+/)
      .filter(Boolean)
      .map((word) => ORDINALS[word] ?? word)
      .join('_'),
  portOfEmbarkation: (v) => upper(v)?.replace(/\s+/g, ''),
  portOfDisembarkation: (v) => upper(v)?.replace(/\s+/g, ''),
  transit: (v) => {
    if (typeof v === 'boolean') return v;
    const t = upper(v);
    return t === undefined ? undefined : (YES_NO[t] ?? t);
  },
};
