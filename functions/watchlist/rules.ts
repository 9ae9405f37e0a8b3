// Watch-list matching keys: a person matches on their document, or on their normalised name and
// date of birth; a vessel on its IMO number or its flag.
import { watchNameKey, watchNameKeys } from './name-key.ts';
import type { WatchEntry } from './schema.ts';

export function entryKey(entry: WatchEntry): string {
  switch (entry.kind) {
    case 'DOCUMENT':
      return documentKey(entry.issuingState, entry.number);
    case 'PERSON':
      return personKey(entry, entry.dateOfBirth);
    case 'VESSEL':
      return `VESSEL#${entry.imo}`;
    case 'FLAG':
      return `FLAG#${entry.flag}`;
  }
}

export const documentKey = (issuingState: string, number: string) => `DOCUMENT#${issuingState}#${number}`;
const nameKey = (name: string, dateOfBirth: string) => `PERSON#${name}#${dateOfBirth}`;
export const personKey = (name: { familyName: string; givenNames: string }, dateOfBirth: string) =>
  nameKey(watchNameKey(name), dateOfBirth);

export interface ScreenedPerson {
  ref: string;
  familyName: string;
  givenNames: string;
  dateOfBirth: string;
  document: { issuingState: string; number: string };
}

/** The keys to look up for one person, with what a hit on each means. */
export function personKeys(p: ScreenedPerson): { key: string; matchedOn: 'DOCUMENT' | 'NAME_AND_BIRTH_DATE' }[] {
  return [
    { key: documentKey(p.document.issuingState, p.document.number), matchedOn: 'DOCUMENT' },
    ...watchNameKeys(p).map((name) => ({
      key: nameKey(name, p.dateOfBirth),
      matchedOn: 'NAME_AND_BIRTH_DATE' as const,
    })),
  ];
}
