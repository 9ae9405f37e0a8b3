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
    algorithm: z
      .string()
      .regex(
        /^[A-Za-z0-9][A-Za-z0-9._:@/+-]{0,63}$/,
        'must be a short algorithm identifier, e.g. vendor-x/face-1:1@4.2',
      )
      .optional(),
    capturedAt: Instant,
  })
  .refine((e) => e.method !== 'FACE' || (e.matchScore !== undefined && e.livenessPassed !== undefined), {
    message: 'a FACE event carries matchScore and livenessPassed',
    path: ['matchScore'],
  })
  .meta({ id: 'GangwayEvent' });
export type GangwayEvent = z.infer<typeof GangwayEvent>;

export const MAX_BATCH = 100;

export const GangwayBatch = z.strictObject({
  events: z
    .array(z.unknown())
    .min(1, 'a batch holds at least one event')
    .max(MAX_BATCH, `a batch holds at most ${MAX_BATCH} events: send the rest in further requests`),
});

/**
 * One event, or a batch of up to 100 buffered while the network was down. A body with `events`
 * is a batch and nothing else: it must never fall through to the single-event branch.
 */
export const GangwayPost = z
  .record(z.string(), z.unknown())
  .superRefine((body, ctx) => {
    if (!('events' in body)) return;
    const batch = GangwayBatch.safeParse(body);
    for (const issue of batch.error?.issues ?? [])
      ctx.addIssue({ code: 'custom', path: issue.path as (string | number)[], message: issue.message });
  })
  .meta({ id: 'GangwayPost' });

/** The largest body a legal batch can have (100 events with every field at its longest, escaped). */
export const MAX_GANGWAY_BODY_BYTES = 256 * 1024;

export const EventResult = z.object({
  eventId: z.string().optional(),
  index: z.number().int(),
  status: z.enum(['accepted', 'duplicate', 'rejected']),
  /** The HTTP status this event alone would have had: 400 malformed, 403 other call, 409 id reused. */
  httpStatus: z.number().int().optional(),
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
  /** Digest of the event as posted: a repeat of the id with other content is refused. */
  fingerprint: z.string().optional(),
  /** Why the event moved nobody (a failed match, an impossible capture time), if it did not. */
  attemptOnly: z.array(z.string()).optional(),
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
