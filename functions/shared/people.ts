// Persons on board as the FAL forms describe them: crew (FAL 5) and passengers (FAL 6).
import * as z from 'zod';
import { isCountryAlpha3, isCountryOfBirth } from './codes.ts';
import { UnLocode } from './port-code.ts';
import { NameText } from './values.ts';

/** A calendar date, YYYY-MM-DD, that exists. */
export const CalendarDate = z.iso.date({ message: 'must be a date YYYY-MM-DD' });

export const Alpha3 = z
  .string()
  .regex(/^[A-Z]{1,3}$/, 'must be an ISO 3166-1 alpha-3 code as printed on travel documents, e.g. CHN')
  .refine(isCountryAlpha3, { message: 'is not a country or document code' });

const Name = NameText(80).regex(/^[\p{L}\p{M}' .-]+$/u, 'may hold letters, spaces, apostrophes, dots and hyphens only');

export const IdentityDocument = z.strictObject({
  type: z.enum(['PASSPORT', 'SEAFARER_ID', 'ID_CARD', 'TRAVEL_DOCUMENT', 'OTHER']),
  number: z.string().regex(/^[A-Z0-9]{5,20}$/, 'must be 5 to 20 capital letters or digits'),
  issuingState: Alpha3,
  expiry: CalendarDate,
});

/** Country of birth: alpha-3, or a former country's ISO 3166-3 code (born in the USSR: SUHH). */
export const CountryOfBirth = z
  .string()
  .regex(/^[A-Z]{3,4}$/, 'must be an ISO 3166-1 alpha-3 code, or ISO 3166-3 alpha-4 for a former country (SUHH)')
  .refine(isCountryOfBirth, { message: 'is not a country, nor a former one' });

/** A visa or residence permit, where the person's nationality needs one (FAL 5 / FAL 6). */
export const EntryPermit = z.strictObject({
  kind: z.enum(['VISA', 'RESIDENCE_PERMIT']),
  number: z.string().regex(/^[A-Z0-9]{4,20}$/, 'must be 4 to 20 capital letters or digits'),
});

const PersonBase = {
  ref: z.string().regex(/^[A-Za-z0-9_-]{1,20}$/, 'must be 1 to 20 letters, digits, "_" or "-"'),
  familyName: Name,
  givenNames: Name,
  nationality: Alpha3,
  gender: z.enum(['M', 'F', 'X']),
  dateOfBirth: CalendarDate,
  placeOfBirth: NameText(80).optional(),
  countryOfBirth: CountryOfBirth.optional(),
  document: IdentityDocument,
  entryPermit: EntryPermit.optional(),
};

/** Ranks and ratings as crew lists name them; anything else is `OTHER` with its text. */
export const RANKS = [
  'MASTER',
  'CHIEF_OFFICER',
  'SECOND_OFFICER',
  'THIRD_OFFICER',
  'DECK_CADET',
  'BOSUN',
  'ABLE_SEAMAN',
  'ORDINARY_SEAMAN',
  'CHIEF_ENGINEER',
  'SECOND_ENGINEER',
  'THIRD_ENGINEER',
  'FOURTH_ENGINEER',
  'ENGINE_CADET',
  'ELECTRO_TECHNICAL_OFFICER',
  'FITTER',
  'MOTORMAN',
  'OILER',
  'WIPER',
  'PUMPMAN',
  'RADIO_OFFICER',
  'CHIEF_COOK',
  'COOK',
  'STEWARD',
  'MESSMAN',
  'DOCTOR',
  'PURSER',
  'HOTEL_STAFF',
  'OTHER',
] as const;

export const CrewMember = z
  .strictObject({
    ...PersonBase,
    rank: z.enum(RANKS, { message: `must be a rank from the list (${RANKS.slice(0, 3).join(', ')}, …) or OTHER` }),
    rankText: z.string().trim().min(1).max(60).optional().describe('The rank in words, when rank is OTHER'),
    /** Crew's effects declared to customs (FAL 4), as the crew list carries them. */
    effects: z
      .array(
        z.strictObject({
          description: z.string().trim().min(1).max(200),
          quantity: z.number().int().min(1).max(10_000),
        }),
      )
      .max(50)
      .optional(),
  })
  .refine((c) => c.rank !== 'OTHER' || c.rankText, { path: ['rankText'], message: 'say which rank, when it is OTHER' });
export type CrewMember = z.infer<typeof CrewMember>;

export const Passenger = z.strictObject({
  ...PersonBase,
  portOfEmbarkation: UnLocode.optional(),
  portOfDisembarkation: UnLocode.optional(),
  dateOfEmbarkation: CalendarDate.optional(),
  transit: z.boolean().default(false),
});
export type Passenger = z.infer<typeof Passenger>;

export type Person = CrewMember | Passenger;
