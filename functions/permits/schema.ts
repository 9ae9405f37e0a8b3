// Clearance permits: what was cleared, when, and a code anyone can verify.
import * as z from 'zod';

export const PermitKind = z.enum(['arrival', 'departure']);
export type PermitKind = z.infer<typeof PermitKind>;

export const Permit = z
  .object({
    callId: z.string(),
    kind: PermitKind,
    version: z.number().int().describe('The declaration version the permit clears'),
    issuedAt: z.string(),
    issuedBy: z.string().describe('"system" for automatic clearance, else the deciding officer'),
    verificationCode: z.string(),
    vesselName: z.string(),
    imo: z.string(),
    port: z.string(),
    /** Set while the permit is suspended (departure: something changed after it was issued). */
    suspendedAt: z.string().optional(),
    suspendedBecause: z.string().optional(),
  })
  .meta({ id: 'Permit' });
export type Permit = z.infer<typeof Permit>;

export const PermitPath = z.object({
  callId: z.string().regex(/^C[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a call id'),
  kind: PermitKind,
});

export const VerifyPath = z.object({
  code: z
    .string()
    .regex(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/, 'must be a code like 7KQ2-M4XD-9PRT-C3VW'),
});

export const PermitVerification = z
  .object({
    valid: z.boolean(),
    status: z.enum(['VALID', 'SUPERSEDED', 'SUSPENDED']),
    kind: PermitKind,
    vesselName: z.string(),
    imo: z.string(),
    port: z.string(),
    issuedAt: z.string(),
  })
  .meta({ id: 'PermitVerification' });
