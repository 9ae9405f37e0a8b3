// The arrival declaration an agent submits before the ship arrives: FAL 1 general declaration,
// FAL 5 crew list, FAL 6 passenger list, Maritime Declaration of Health, ISPS security information.
import * as z from 'zod';
import { UnLocode } from '#shared/port-code.ts';
import { Instant, NameText } from '#shared/values.ts';
import { CalendarDate, CrewMember, Passenger } from '#shared/people.ts';
import type { Stored } from '#clearance/store.ts';
import { ReducedDeclaration } from '#clearance/schema.ts';

export const PortOfCall = z.strictObject({
  port: UnLocode,
  departed: Instant,
  securityLevel: z.union([z.literal(1), z.literal(2), z.literal(3)]),
});

export const GeneralDeclaration = z.strictObject({
  masterName: NameText(100),
  // Up to the lists' limits together: 2,000 crew and 10,000 passengers (the departure says the same).
  personsOnBoard: z.number().int().min(1).max(12_000),
  crewCount: z.number().int().min(1).max(2_000),
  passengerCount: z.number().int().min(0).max(10_000),
  cargoSummary: z.string().trim().max(500).optional(),
  lastPortsOfCall: z.array(PortOfCall).max(10, 'list at most the last 10 ports of call'),
});

export const HealthDeclaration = z.strictObject({
  sanitationCertificateValidUntil: CalendarDate,
  deathsOnBoard: z.boolean(),
  illnessSuspectedInfectious: z.boolean(),
  illPersonsCount: z.number().int().min(0),
  stowaways: z.boolean(),
  sickAnimals: z.boolean(),
  visitedAffectedAreas: z.boolean(),
});

export const SecurityDeclaration = z.strictObject({
  isscValidUntil: CalendarDate,
  securityLevel: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  shipSecurityPlanOnBoard: z.boolean(),
  companySecurityOfficer: z.strictObject({
    name: NameText(100),
    phone: z.string().regex(/^\+?[0-9 ()-]{6,30}$/, 'must be a phone number'),
  }),
  shipToShipActivities: z
    .array(
      z.strictObject({
        location: z.string().trim().min(1).max(100),
        at: Instant,
        activity: z.string().trim().min(1).max(200),
      }),
    )
    .max(10),
});

/** A change of schedule travels with the declaration: it is an amendment, never an error. */
export const ScheduleChange = z.strictObject({
  eta: Instant.optional(),
  etd: Instant.optional(),
  berth: NameText(100).optional(),
});

export const ArrivalDeclaration = z
  .strictObject({
    general: GeneralDeclaration,
    crew: z.array(CrewMember).min(1).max(2_000),
    passengers: z.array(Passenger).max(10_000).default([]),
    health: HealthDeclaration,
    security: SecurityDeclaration,
    schedule: ScheduleChange.optional(),
  })
  .meta({ id: 'ArrivalDeclaration' });
export type ArrivalDeclaration = z.infer<typeof ArrivalDeclaration>;

export const ArrivalAccepted = z
  .object({ callId: z.string(), version: z.number().int(), status: z.string(), duplicate: z.boolean() })
  .meta({ id: 'ArrivalAccepted' });

export const StoredDeclaration = z
  .object({
    callId: z.string(),
    version: z.number().int(),
    submittedAt: z.string(),
    submittedBy: z.string(),
    declaration: ArrivalDeclaration,
  })
  .meta({ id: 'StoredArrivalDeclaration' });
export type StoredDeclaration = Stored<ArrivalDeclaration>;

/** What GET …/arrival answers: the declaration as submitted, or reduced once the ship sailed long ago. */
export const ArrivalDeclarationRead = z
  .union([StoredDeclaration, ReducedDeclaration])
  .meta({ id: 'ArrivalDeclarationRead' });

export const DeclarationQuery = z.strictObject({ version: z.coerce.number().int().positive().optional() });
