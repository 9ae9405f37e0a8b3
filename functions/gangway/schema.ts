// Gangway scan events as devices post them, and what the system keeps of them. The device matches
// the face against the document itself: no image, template or MRZ is ever accepted.
import * as z from 'zod';
import { Instant } from '#shared/values.ts';
import { Danger } from './danger.ts';

export const GangwayEvent = z
  .strictObject({
    eventId: z.uuid({ message: 'must be the UUID the device gave the event' }),
    callId: z.string().regex(/^C[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a call id'),
    personRef: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,20}$/, 'must be the person reference from the crew or passenger list'),
    direction: z.enum(['BOARD', 'DISEMBARK']),
    method: z.enum(['FACE', 'CARD']),
    matchScore: z.number().min(0).max(1).optional(),
    livenessPassed: z.boolean().optional(),
    algorithm: z.string().trim().min(1).max(100).optional(),
    capturedAt: Instant,
  })
  .refine((e) => e.method !== 'FACE' || (e.matchScore !== undefined && e.livenessPassed !== undefined), {
    message: 'a FACE event carries matchScore and livenessPassed',
    path: ['matchScore'],
  })
  .meta({ id: 'GangwayEvent' });
export type GangwayEvent = z.infer<typeof GangwayEvent>;

/** One event, or a batch of up to 100 buffered while the network was down. */
export const GangwayPost = z
  .union([z.strictObject({ events: z.array(z.unknown()).min(1).max(100) }), z.record(z.string(), z.unknown())])
  .meta({ id: 'GangwayPost' });

export const EventResult = z.object({
  eventId: z.string().optional(),
  index: z.number().int(),
  status: z.enum(['accepted', 'duplicate', 'rejected']),
  reason: z.string().optional(),
  details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type EventResult = z.infer<typeof EventResult>;

export const GangwayReceipt = z
  .object({
    accepted: z.number().int(),
    duplicates: z.number().int(),
    rejected: z.number().int(),
    results: z.array(EventResult),
  })
  .meta({ id: 'GangwayReceipt' });

export const ScoreBand = z.enum(['HIGH', 'MEDIUM', 'LOW']);

/** What is stored of an event: the decision, a score band, liveness and algorithm; nothing else. */
export const StoredEvent = z.object({
  eventId: z.string(),
  callId: z.string(),
  deviceId: z.string(),
  personRef: z.string(),
  direction: z.enum(['BOARD', 'DISEMBARK']),
  method: z.enum(['FACE', 'CARD']),
  scoreBand: ScoreBand.optional(),
  livenessPassed: z.boolean().optional(),
  algorithm: z.string().optional(),
  capturedAt: z.string(),
  receivedAt: z.string(),
});
export type StoredEvent = z.infer<typeof StoredEvent>;

export const PresenceState = z.enum(['ON_BOARD', 'ASHORE', 'UNKNOWN']);

export const Presence = z.object({
  ref: z.string(),
  state: PresenceState,
  lastEvent: z
    .object({
      eventId: z.string(),
      direction: z.enum(['BOARD', 'DISEMBARK']),
      capturedAt: z.string(),
      deviceId: z.string(),
    })
    .optional(),
});
export type Presence = z.infer<typeof Presence>;

export const PersonOnCall = z
  .object({
    ref: z.string(),
    list: z.enum(['CREW', 'PASSENGER', 'NOT_DECLARED']),
    familyName: z.string().optional(),
    givenNames: z.string().optional(),
    rank: z.string().optional(),
    nationality: z.string().optional(),
    state: PresenceState,
    lastEvent: Presence.shape.lastEvent,
    danger: Danger.optional(),
  })
  .meta({ id: 'PersonOnCall' });
export type PersonOnCall = z.infer<typeof PersonOnCall>;

export const PersonsOnCall = z
  .object({
    callId: z.string(),
    counts: z.object({
      onBoard: z.number().int().describe('declared persons on board (never someone on no list)'),
      ashore: z.number().int().describe('declared persons ashore, the overdue and missing among them'),
      unknown: z.number().int(),
      undeclared: z.number().int().describe('seen at the gangway, on neither the crew nor the passenger list'),
      overdue: z.number().int().describe('ashore past the shore-leave limit'),
      missing: z.number().int().describe('not on board while the ship is cleared or due to sail'),
    }),
    persons: z.array(PersonOnCall),
  })
  .meta({ id: 'PersonsOnCall' });

/** Field names that would carry biometrics or document scans: refused outright. */
export const FORBIDDEN_FIELDS =
  /^(image|images|photo|photos|picture|face|faceimage|faceimages|facetemplate|template|templates|biometric|biometrics|embedding|mrz|mrzline|mrzlines|rawmrz|fingerprint|portrait|snapshot)$/i;
