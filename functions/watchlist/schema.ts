// The watch list: documents, persons (name and date of birth), vessels and flags that always send
// a call to an officer. Loaded by supervisors as JSON.
import * as z from 'zod';
import { NameText } from '#shared/values.ts';
import { Alpha3, CalendarDate } from '#shared/people.ts';

const Reason = z.string().trim().min(1).max(300);

export const WatchEntry = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('DOCUMENT'),
      issuingState: Alpha3,
      number: z.string().regex(/^[A-Z0-9]{5,20}$/, 'must be 5 to 20 capital letters or digits'),
      reason: Reason,
    }),
    z.strictObject({
      kind: z.literal('PERSON'),
      familyName: NameText(80),
      givenNames: NameText(80),
      dateOfBirth: CalendarDate,
      reason: Reason,
    }),
    z.strictObject({
      kind: z.literal('VESSEL'),
      imo: z.string().regex(/^\d{7}$/, 'must be the 7-digit IMO number'),
      reason: Reason,
    }),
    z.strictObject({
      kind: z.literal('FLAG'),
      flag: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code'),
      reason: Reason,
    }),
  ])
  .meta({ id: 'WatchEntry' });
export type WatchEntry = z.infer<typeof WatchEntry>;

export const WatchListLoad = z
  .strictObject({
    entries: z.array(WatchEntry).min(1).max(1_000),
    reason: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .optional()
      .describe('Why this load: its source or order (recorded in the audit; default: the entries’ reasons)'),
  })
  .meta({ id: 'WatchListLoad' });

export const WatchListLoaded = z.object({ loaded: z.number().int() }).meta({ id: 'WatchListLoaded' });

export const StoredWatchEntry = z.object({
  /** The port whose list holds it: a port's supervisors keep their own. */
  port: z.string(),
  key: z.string(),
  entry: WatchEntry,
  loadedAt: z.string(),
  loadedBy: z.string(),
});
export type StoredWatchEntry = z.infer<typeof StoredWatchEntry>;

export const WatchListPage = z
  .object({ items: z.array(StoredWatchEntry), nextToken: z.string().optional() })
  .meta({ id: 'WatchListPage' });

export const WatchListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  nextToken: z.string().max(2048).optional(),
});
