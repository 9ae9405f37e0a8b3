// Gangway alerts: what happened, to whom, on which evidence; who owns it and how it ended.
import * as z from 'zod';

export const AlertId = z.string().regex(/^A[0-9A-HJKMNP-TV-Z]{26}$/, 'must be an alert id');
export const AlertStatus = z.enum(['OPEN', 'ACKNOWLEDGED', 'RESOLVED']);

export const Alert = z
  .object({
    alertId: AlertId,
    callId: z.string(),
    port: z.string(),
    personRef: z.string().optional(),
    rule: z.string(),
    severity: z.enum(['HIGH', 'MEDIUM', 'LOW']),
    detail: z.string(),
    evidence: z.object({
      eventId: z.string().optional(),
      deviceId: z.string().optional(),
      capturedAt: z.string().optional(),
      scoreBand: z.string().optional(),
    }),
    status: AlertStatus,
    raisedAt: z.string(),
    owner: z.string().optional(),
    acknowledgedAt: z.string().optional(),
    resolvedAt: z.string().optional(),
    resolution: z.string().optional(),
  })
  .meta({ id: 'Alert' });
export type Alert = z.infer<typeof Alert>;

export const AlertPath = z.object({ alertId: AlertId });
export const AlertQuery = z.strictObject({
  status: AlertStatus.default('OPEN'),
  callId: z
    .string()
    .regex(/^C[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a call id')
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  nextToken: z.string().max(2048).optional(),
});
export const AlertPage = z
  .object({ items: z.array(Alert), nextToken: z.string().optional() })
  .meta({ id: 'AlertPage' });
export const ResolveAlert = z
  .strictObject({ resolution: z.string().trim().min(1).max(1000) })
  .meta({ id: 'ResolveAlert' });
