// Value formats shared by every payload: instants and port codes.
import * as z from 'zod';

/** ISO 8601 instant; any offset is accepted and normalised to UTC so keys sort by time. */
export const Instant = z.iso
  .datetime({ offset: true, message: 'must be an ISO 8601 date-time, e.g. 2026-12-03T06:00:00Z' })
  .transform((s) => new Date(s).toISOString());

export const UnLocode = z
  .string()
  .regex(/^[A-Z]{2}[A-Z2-9]{3}$/, 'must be a UN/LOCODE: 2-letter country and 3 letters or digits, e.g. CNTXG');

/** A call's id: `C` and a ULID. */
export const CallId = z.string().regex(/^C[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a call id');
