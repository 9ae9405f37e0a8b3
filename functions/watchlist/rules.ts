// Watch-list matching keys: a person matches on their document, or on their normalised name and
// date of birth; a vessel on its IMO number or its flag.
import { normalisedName } from '#shared/people.ts';
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
export const personKey = (name: { familyName: string; givenNames: string }, dateOfBirth: string) =>
  `PERSON#${normalisedName(name)}#${dateOfBirth}`;

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
    { key: personKey(p, p.dateOfBirth), matchedOn: 'NAME_AND_BIRTH_DATE' },
  ];
}
