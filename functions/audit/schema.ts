// The verifiable audit: a day's signed Merkle root over every chain's head that day, and the
// export a third party checks a chain with, without the server.
import * as z from 'zod';
import { AuditEntry } from '#shared/audit.ts';
import { CallId } from '#shared/values.ts';

export const ChainName = z
  .string()
  .regex(/^(CALL#C[0-9A-HJKMNP-TV-Z]{26}|PORT#[A-Z]{2}[A-Z2-9]{3}|WATCHLIST|AGENTS)$/, 'must be an audit chain')
  .describe('CALL#<callId>, PORT#<port> (devices, agency answers, alert resolutions), WATCHLIST or AGENTS (AEO trust)');

export const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day such as 2026-12-01');

export const LeafSchema = z.object({ chain: z.string(), seq: z.number().int(), hash: z.string() });

export const DailyRoot = z
  .object({
    day: z.string(),
    root: z.string().describe('SHA-256 Merkle root (hex) over the leaves, ordered by chain'),
    leaves: z.array(LeafSchema).describe("Each chain's last entry that day"),
    publishedAt: z.string(),
    keyId: z.string(),
    algorithm: z.literal('ECDSA_SHA_256'),
    signature: z.string().describe('base64 DER ECDSA P-256 signature over "three-zeros audit root <day> <root>"'),
  })
  .meta({ id: 'DailyRoot' });
export type DailyRoot = z.infer<typeof DailyRoot>;

/** A root as published: the leaves stay in the store; an export carries one leaf and its proof. */
export const PublishedRoot = DailyRoot.omit({ leaves: true })
  .extend({ leafCount: z.number().int() })
  .meta({ id: 'PublishedRoot' });
export type PublishedRoot = z.infer<typeof PublishedRoot>;

export const ProofStep = z.object({ side: z.enum(['L', 'R']), hash: z.string() });

export const ExportedDay = PublishedRoot.extend({
  leaf: LeafSchema.describe("The chain's last entry that day, as the root holds it"),
  proof: z.array(ProofStep).describe('Sibling hashes from the leaf up to the root'),
});
export type ExportedDay = z.infer<typeof ExportedDay>;

export const AuditExport = z
  .object({
    chain: z.string(),
    entries: z.array(AuditEntry),
    days: z.array(ExportedDay).describe('Each published day the chain has entries on'),
    publicKey: z.string().describe('PEM of the signing key; compare it with GET /v1/audit/key'),
  })
  .meta({ id: 'AuditExport' });
export type AuditExport = z.infer<typeof AuditExport>;

export const DayCheck = z.object({
  day: z.string(),
  published: z.boolean(),
  signatureValid: z.boolean().optional(),
  included: z.boolean().optional().describe('the chain’s last entry that day is in the root'),
});

export const Verification = z
  .object({
    chain: z.string(),
    entries: z.number().int(),
    intact: z.boolean(),
    problems: z.array(z.object({ seq: z.number().int().optional(), day: z.string().optional(), message: z.string() })),
    days: z.array(DayCheck),
  })
  .meta({ id: 'AuditVerification' });
export type Verification = z.infer<typeof Verification>;

export const AuditQuery = z
  .strictObject({ callId: CallId.optional(), chain: ChainName.optional() })
  .refine((q) => Boolean(q.callId) !== Boolean(q.chain), {
    message: 'give either callId or chain',
    path: ['callId'],
  });
export const RootPath = z.object({ day: Day });
export const AuditKey = z
  .object({ keyId: z.string(), algorithm: z.literal('ECDSA_SHA_256'), publicKey: z.string() })
  .meta({ id: 'AuditKey' });
