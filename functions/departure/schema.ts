// The departure declaration: who sails (by reference to the arrival lists), who signs on with full
// particulars, who signs off, and when the ship leaves.
import * as z from 'zod';
import { CrewMember } from '#shared/people.ts';
import { UnLocode } from '#shared/port-code.ts';
import { CallId, Instant } from '#shared/values.ts';
import type { Stored } from '#clearance/store.ts';
import { ReducedDeclaration } from '#clearance/schema.ts';
import { Agency, AgencyId } from '#functions/agencies/schema.ts';

const Ref = z.string().regex(/^[A-Za-z0-9_-]{1,20}$/, 'must be a person reference');

/** A seafarer's journey to or from the port: a crew change is a border event, not a list edit. */
export const Travel = z.strictObject({
  ref: Ref,
  mode: z.enum(['AIR', 'SEA', 'RAIL', 'ROAD']),
  reference: z
    .string()
    .regex(/^[A-Z0-9][A-Z0-9 -]{1,19}$/, 'must be the flight, vessel, train or coach number, e.g. CA1234'),
  /** Sign-off: when the onward transport leaves; sign-on: when the seafarer arrives at the port. */
  at: Instant,
  place: UnLocode.optional().describe('Where the transport leaves from or arrives at'),
});
export type Travel = z.infer<typeof Travel>;

export const DepartureDeclaration = z
  .strictObject({
    sailing: z.array(Ref).max(12_000).describe('References, from the arrival lists, of everyone sailing'),
    signOn: z.array(CrewMember).max(2_000).default([]),
    signOff: z.array(Ref).max(2_000).default([]),
    /** Crew change: each sign-off's onward travel and each sign-on's arrival at the port. */
    travel: z
      .strictObject({
        onward: z.array(Travel).max(2_000).default([]),
        arrival: z.array(Travel).max(2_000).default([]),
      })
      .optional(),
    etd: Instant,
    personsOnBoard: z.number().int().min(1).max(12_000),
  })
  .meta({ id: 'DepartureDeclaration' });
export type DepartureDeclaration = z.infer<typeof DepartureDeclaration>;
export type StoredDeparture = Stored<DepartureDeclaration>;

export const StoredDepartureDeclaration = z
  .object({
    callId: z.string(),
    version: z.number().int(),
    submittedAt: z.string(),
    submittedBy: z.string(),
    declaration: DepartureDeclaration,
  })
  .meta({ id: 'StoredDepartureDeclaration' });

export const DepartureDraft = z
  .object({
    draft: DepartureDeclaration,
    basedOn: z.object({ arrivalVersion: z.number().int(), departureVersion: z.number().int().optional() }),
  })
  .meta({ id: 'DepartureDraft' });

export const DepartureQuery = z.strictObject({ version: z.coerce.number().int().positive().optional() });

export const DepartureAccepted = z
  .object({ callId: z.string(), version: z.number().int(), status: z.string(), duplicate: z.boolean() })
  .meta({ id: 'DepartureAccepted' });

export const AgencyPath = z.object({ callId: CallId, agency: AgencyId });

export const AgencyAnswer = z
  .strictObject({ status: z.enum(['CLEAR', 'HOLD']), note: z.string().trim().max(500).optional() })
  .meta({ id: 'AgencyAnswer' });
export type AgencyAnswer = z.infer<typeof AgencyAnswer>;

export const RecordedAgencyAnswer = AgencyAnswer.extend({
  agency: z.string(),
  recordedBy: z.string(),
  recordedAt: z.string(),
}).meta({
  id: 'RecordedAgencyAnswer',
});

export const CallAgencies = z
  .object({
    callId: z.string(),
    port: z.string(),
    agencies: z.array(Agency.omit({ check: true }).extend({ answer: RecordedAgencyAnswer.optional() })),
    holding: z.array(z.string()).describe('Agencies whose latest answer is HOLD: the departure waits for them'),
  })
  .meta({ id: 'CallAgencies' });

/** What GET …/departure answers: the pre-filled draft, or with ?version=N the declaration as submitted. */
export const DepartureRead = z
  .union([DepartureDraft, StoredDepartureDeclaration, ReducedDeclaration])
  .meta({ id: 'DepartureRead' });
