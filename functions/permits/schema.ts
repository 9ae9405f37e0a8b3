// Clearance permits: what was cleared, for which declaration version, when, and a code anyone can
// verify. A permit lives on its call, so the call's version check commits it with the status.
import * as z from 'zod';
import { ClearanceCondition } from '#clearance/schema.ts';

export const PermitKind = z.enum(['arrival', 'departure']);
export type PermitKind = z.infer<typeof PermitKind>;

export const PermitStatus = z
  .enum(['VALID', 'SUSPENDED', 'SUPERSEDED', 'REVOKED'])
  .describe(
    'VALID: stands; SUSPENDED: a re-check holds it until it clears again; SUPERSEDED: a newer declaration version was accepted; REVOKED: the call was rejected or cancelled',
  );
export type PermitStatus = z.infer<typeof PermitStatus>;

export const Permit = z
  .object({
    callId: z.string(),
    kind: PermitKind,
    version: z.number().int().describe('The declaration version the permit clears'),
    status: PermitStatus,
    issuedAt: z.string(),
    issuedBy: z.string().describe('"system" for automatic clearance, else the deciding officer'),
    verificationCode: z.string(),
    vesselName: z.string(),
    imo: z.string(),
    port: z.string(),
    /** The schedule the permit is for; a schedule-only amendment re-dates it. */
    eta: z.string(),
    etd: z.string(),
    redatedAt: z.string().optional(),
    /** The clearance's conditions: persons held on board or refused entry, anything else. */
    conditions: z.array(ClearanceCondition).optional(),
    /** When and why the status last changed. */
    statusChangedAt: z.string().optional(),
    statusReason: z.string().optional(),
  })
  .meta({ id: 'Permit' });
export type Permit = z.infer<typeof Permit>;

export const PermitPath = z.object({
  callId: z.string().regex(/^C[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a call id'),
  kind: PermitKind,
});

export const PermitPdf = z.string().meta({
  id: 'PermitPdf',
  description: 'The permit as an A4 PDF, in Chinese and English, with a QR code of its verification URL',
});

export const VerifyPath = z.object({
  code: z
    .string()
    .regex(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/, 'must be a code like 7KQ2-M4XD-9PRT-C3VW'),
});

export const PermitVerification = z
  .object({
    valid: z.boolean(),
    status: PermitStatus,
    kind: PermitKind,
    version: z.number().int(),
    vesselName: z.string(),
    imo: z.string(),
    port: z.string(),
    issuedAt: z.string(),
  })
  .meta({ id: 'PermitVerification' });
