// Port calls: the announcement an agent sends, the call as stored and shown, and list queries.
import * as z from 'zod';
import { AuditEntry } from '#shared/audit.ts';
import { UnLocode } from '#shared/port-code.ts';
import { Instant, NameText } from '#shared/values.ts';
import { Clearance } from '#clearance/schema.ts';
import { Permit } from '#permits/schema.ts';
import { CALL_STATES, STATE_MEANING } from './lifecycle.ts';

export const VesselType = z.enum([
  'CONTAINER',
  'BULK',
  'TANKER',
  'GENERAL_CARGO',
  'RO_RO',
  'CAR_CARRIER',
  'REEFER',
  'LNG',
  'LPG',
  'PASSENGER',
  'CRUISE',
  'OFFSHORE',
  'FISHING',
  'TUG',
  'OTHER',
]);

export const Vessel = z
  .strictObject({
    imo: z.string().regex(/^\d{7}$/, 'must be the 7-digit IMO number'),
    mmsi: z.string().regex(/^\d{9}$/, 'must be the 9-digit MMSI'),
    name: NameText(100),
    callSign: z.string().regex(/^[A-Z0-9]{3,10}$/, 'must be 3 to 10 capital letters or digits'),
    flag: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code, e.g. HK'),
    type: VesselType,
    grossTonnage: z.number().int().positive().max(1_000_000).optional(),
  })
  .meta({ id: 'Vessel' });

export const CallAnnouncement = z
  .strictObject({
    vessel: Vessel,
    voyage: z.string().regex(/^[A-Za-z0-9/-]{1,20}$/, 'must be 1 to 20 letters, digits, "/" or "-"'),
    port: UnLocode,
    berth: NameText(100).optional(),
    eta: Instant,
    etd: Instant,
    lastPort: UnLocode.optional(),
    nextPort: UnLocode.optional(),
  })
  .meta({ id: 'CallAnnouncement' });
export type CallAnnouncement = z.infer<typeof CallAnnouncement>;

/** The body of ATA and ATD (`…/arrived`, `…/departed`): the time, by default now. */
export const Movement = z
  .strictObject({
    at: Instant.optional(),
    source: z
      .enum(['OFFICER', 'PORT_FEED'])
      .optional()
      .describe("Officers only: the time is the officer's own (default) or the port feed's (VTS, port system)"),
  })
  .meta({ id: 'Movement' });

export const CallStatus = z.enum(CALL_STATES).meta({
  id: 'CallStatus',
  description: `Where the call stands in its lifecycle (functions/calls/lifecycle.ts; the README draws its transitions). ${Object.entries(
    STATE_MEANING,
  )
    .map(([state, m]: [string, { agent: string }]) => `${state}: ${m.agent}`)
    .join(' ')}`,
});
export type CallStatus = z.infer<typeof CallStatus>;

/**
 * An actual time (ATA or ATD) as the figures may use it: the agent proposes, an officer or the
 * port's feed confirms. Only a confirmed time counts in waiting, delay and the published ranking.
 */
export const TimeOfRecord = z
  .object({
    at: z.string(),
    source: z.enum(['AGENT', 'OFFICER', 'PORT_FEED']),
    recordedBy: z.string(),
    recordedAt: z.string(),
    confirmed: z.boolean(),
    proposed: z.string().optional().describe("The agent's proposal, when the confirmed time differs from it"),
  })
  .meta({ id: 'TimeOfRecord' });
export type TimeOfRecord = z.infer<typeof TimeOfRecord>;

/** A warning on an accepted call, in English and Chinese, naming the field it concerns. */
export const CallWarning = z
  .object({ path: z.string(), rule: z.string(), en: z.string(), zh: z.string() })
  .meta({ id: 'CallWarning' });

export const Call = z
  .object({
    callId: z.string(),
    agentId: z.string(),
    status: CallStatus,
    version: z.number().int().positive(),
    vessel: Vessel,
    voyage: z.string(),
    port: z.string(),
    berth: z.string().optional(),
    eta: z.string(),
    etd: z.string(),
    ata: z.string().optional(),
    atd: z.string().optional(),
    /** Who stands behind the ATA and the ATD: proposed by the agent, or confirmed. */
    ataRecord: TimeOfRecord.optional(),
    atdRecord: TimeOfRecord.optional(),
    lastPort: z.string().optional(),
    nextPort: z.string().optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
    cancelReason: z.string().optional(),
    /** The clearance of the newest arrival declaration. */
    arrival: Clearance.optional(),
    /** The clearance of the newest departure declaration. */
    departure: Clearance.optional(),
    /** What the agent should check although the call was accepted (an MMSI of another state than the flag). */
    warnings: z.array(CallWarning).optional(),
    /** The permits issued for this call, kept on the call so its version check commits them too. */
    permits: z.object({ arrival: Permit.optional(), departure: Permit.optional() }).optional(),
  })
  .meta({ id: 'Call' });
export type Call = z.infer<typeof Call>;

export const CallDetail = Call.extend({ timeline: z.array(AuditEntry) }).meta({ id: 'CallDetail' });
export type CallDetail = z.infer<typeof CallDetail>;

export const CallCreated = z
  .object({
    callId: z.string(),
    status: CallStatus,
    version: z.number().int(),
    warnings: z
      .array(z.object({ path: z.string(), rule: z.string(), message: z.string() }))
      .optional()
      .describe("Accepted, but worth a look: e.g. an MMSI whose MID is not the flag state's"),
  })
  .meta({ id: 'CallCreated' });

export const ListCallsQuery = z.strictObject({
  status: CallStatus.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  nextToken: z.string().max(2048).optional(),
});
export type ListCallsQuery = z.infer<typeof ListCallsQuery>;

export const CallPage = z.object({ items: z.array(Call), nextToken: z.string().optional() }).meta({ id: 'CallPage' });

export const CancelCall = z
  .strictObject({ reason: z.string().trim().min(1).max(500).optional() })
  .meta({ id: 'CancelCall' });
