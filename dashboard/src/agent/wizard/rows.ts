// The rows of a crew or passenger list as the wizard keeps them: a cell read and written by its
// API path, each row's problems (the import's, the schema's, the declaration's rules') and what
// an upload left for each list. Pure: the unit tests read it too.
import type { ImportProblem, PersonsImport } from '../../../../functions/imports/schema.ts';
import { CrewMember, Passenger } from '../../../../functions/shared/people.ts';
import { type FieldErrors, issuesOf } from '../fields.ts';

export type Person = Record<string, unknown> & { ref?: string };
export type List = 'crew' | 'passengers';

export const get = (p: Person, path: string): unknown =>
  path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], p);

export function set(p: Person, path: string, value: string): Person {
  const [head, ...rest] = path.split('.');
  if (!rest.length) return { ...p, [head!]: value };
  return { ...p, [head!]: set({ ...((p[head!] as Person) ?? {}) }, rest.join('.'), value) };
}

/** The problems of each row: the import's (until the row is edited) and the schema's and rules' now. */
export function rowProblems(
  list: List,
  persons: readonly Person[],
  imported: readonly ImportProblem[],
  edited: ReadonlySet<number>,
  extra: FieldErrors,
  lang: 'en' | 'zh' = 'en',
): FieldErrors[] {
  const schema = list === 'crew' ? CrewMember : Passenger;
  return persons.map((p, i) => {
    const out: FieldErrors = {};
    // Where it is in the agent's own spreadsheet, to fix it there too: "Crew List, K20".
    for (const problem of imported)
      if (problem.list === list && problem.index === i && !edited.has(i))
        out[problem.field || ''] ??= `${problem.message} (${problem.sheet}, ${problem.column}${problem.row})`;
    for (const [path, message] of Object.entries(issuesOf(schema, p, lang))) out[path] ??= message;
    for (const [path, message] of Object.entries(extra))
      if (path === String(i) || path.startsWith(`${i}.`)) out[path.slice(String(i).length + 1)] ??= message;
    return out;
  });
}

/** What an upload left for a list: its problems, the rows edited since, and what was read. */
export interface ImportState {
  problems: ImportProblem[];
  edited: number[];
  file?: string;
  count?: number;
}
export const NO_IMPORT: ImportState = { problems: [], edited: [] };

/** An upload's answer as the wizard takes it: this list's rows, and the other list's if the file has them. */
export function importStates(answer: PersonsImport, file: string): Record<List, ImportState> {
  const of = (list: List): ImportState => ({
    problems: answer.problems.filter((p) => p.list === list),
    edited: [],
    file,
    count: answer[list].length,
  });
  return { crew: of('crew'), passengers: of('passengers') };
}
