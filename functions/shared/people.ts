// Persons on board as the FAL forms describe them: crew (FAL 5) and passengers (FAL 6).
import * as z from 'zod';
import { isCountryAlpha3 } from './codes.ts';
import { matchKey } from './name-match.ts';

/** A calendar date, YYYY-MM-DD, that exists. */
export const CalendarDate = z.iso.date({ message: 'must be a date YYYY-MM-DD' });

export const Alpha3 = z
  .string()
  .regex(/^[A-Z]{1,3}$/, 'must be an ISO 3166-1 alpha-3 code as printed on travel documents, e.g. CHN')
  .refine(isCountryAlpha3, { message: 'is not a country or document code' });

const Name = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .regex(/^[\p{L}\p{M}' .-]+$/u, 'may hold letters, spaces, apostrophes, dots and hyphens only');

export const IdentityDocument = z.strictObject({
  type: z.enum(['PASSPORT', 'SEAFARER_ID', 'ID_CARD', 'TRAVEL_DOCUMENT', 'OTHER']),
  number: z.string().regex(/^[A-Z0-9]{5,20}$/, 'must be 5 to 20 capital letters or digits'),
  issuingState: Alpha3,
  expiry: CalendarDate,
});

const PersonBase = {
  ref: z.string().regex(/^[A-Za-z0-9_-]{1,20}$/, 'must be 1 to 20 letters, digits, "_" or "-"'),
  familyName: Name,
  givenNames: Name,
  nationality: Alpha3,
  gender: z.enum(['M', 'F', 'X']),
  dateOfBirth: CalendarDate,
  placeOfBirth: z.string().trim().min(1).max(80).optional(),
  document: IdentityDocument,
};

export const CrewMember = z.strictObject({
  ...PersonBase,
  rank: z.string().regex(/^[A-Z_]{2,40}$/, 'must be a rank in capitals, e.g. CHIEF_OFFICER'),
});
export type CrewMember = z.infer<typeof CrewMember>;

export const Passenger = z.strictObject({
  ...PersonBase,
  portOfEmbarkation: z
    .string()
    .regex(/^[A-Z]{2}[A-Z2-9]{3}$/, 'must be a UN/LOCODE')
    .optional(),
  portOfDisembarkation: z
    .string()
    .regex(/^[A-Z]{2}[A-Z2-9]{3}$/, 'must be a UN/LOCODE')
    .optional(),
  transit: z.boolean().default(false),
});
export type Passenger = z.infer<typeof Passenger>;

export type Person = CrewMember | Passenger;

/**
 * The name as matching compares it (watch list, duplicates): spelling tricks folded away and
 * tokens sorted, so "Li Wei", "WEI, LI" and a Cyrillic look-alike compare equal.
 */
export function normalisedName(p: Pick<Person, 'familyName' | 'givenNames'>): string {
  return matchKey(p);
}
