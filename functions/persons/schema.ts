// Persons' border decisions: landing permission (shore pass, refused, held on board) for those on
// the call's lists, and boarding permits for visitors (pilots, surveyors, chandlers, repair crews).
import * as z from 'zod';
import { Alpha3, CalendarDate } from '#shared/people.ts';
import { CallId, Instant } from '#shared/values.ts';
import { FreeText } from './free-text.ts';

const Ref = z.string().regex(/^[A-Za-z0-9_-]{1,20}$/, 'must be a person reference from the crew or passenger list');

export const LandingDecisionKind = z
  .enum(['SHORE_PASS', 'REFUSED', 'HELD_ON_BOARD'])
  .describe('SHORE_PASS: may land within the window; REFUSED: landing refused; HELD_ON_BOARD: must stay on board');
export type LandingDecisionKind = z.infer<typeof LandingDecisionKind>;

const DecisionFields = {
  decision: LandingDecisionKind,
  from: Instant.optional().describe('Start of the shore pass; default: the ship’s arrival'),
  until: Instant.optional().describe('End of the shore pass; default: the ship’s departure'),
  reason: FreeText(3, 500).describe('Why: kept for officers and the audit trail, never shown to the agent'),
  agentNotice: FreeText(1, 300).optional().describe('What the agent is told, if anything'),
};

/** Set for the whole crew in one action, or for named persons as exceptions to it. */
export const LandingDecisionRequest = z
  .discriminatedUnion('scope', [
    z.strictObject({ scope: z.literal('CREW'), ...DecisionFields }),
    z.strictObject({
      scope: z.literal('PERSONS'),
      persons: z.array(Ref).min(1).max(2_000),
      ...DecisionFields,
    }),
  ])
  .superRefine((d, ctx) => {
    if (d.decision !== 'SHORE_PASS' && (d.from || d.until))
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'only a shore pass has a window' });
    if (d.from && d.until && d.from >= d.until)
      ctx.addIssue({ code: 'custom', path: ['until'], message: 'must be after from' });
  })
  .meta({ id: 'LandingDecisionRequest' });
export type LandingDecisionRequest = z.infer<typeof LandingDecisionRequest>;

export const LandingDecision = z.object({
  decisionId: z.string(),
  /** `CREW` for the crew-wide decision, else the person's reference. */
  subject: z.string(),
  decision: LandingDecisionKind,
  from: z.string().optional(),
  until: z.string().optional(),
  reason: z.string(),
  agentNotice: z.string().optional(),
  decidedBy: z.string(),
  decidedAt: z.string(),
});
export type LandingDecision = z.infer<typeof LandingDecision>;

/** What a person may do at the gangway now, and on which decision it rests. */
export const LandingPermission = z
  .object({
    status: z.enum(['SHORE_PASS', 'REFUSED', 'HELD_ON_BOARD', 'NOT_YET_CLEARED', 'NONE']),
    from: z.string().optional(),
    until: z.string().optional(),
    basis: z.enum(['PERSON', 'CREW', 'PORT_DEFAULT', 'SIGN_OFF', 'ARRIVAL_NOT_CLEARED']),
    decisionId: z.string().optional(),
  })
  .meta({ id: 'LandingPermission' });
export type LandingPermission = z.infer<typeof LandingPermission>;

export const VisitorPurpose = z.enum(['PILOT', 'SURVEYOR', 'AGENT_STAFF', 'CHANDLER', 'REPAIR_CREW', 'OTHER']);

export const VisitorRequest = z
  .strictObject({
    familyName: FreeText(1, 80),
    givenNames: FreeText(1, 80),
    dateOfBirth: CalendarDate,
    nationality: Alpha3,
    document: z.strictObject({
      type: z.enum(['PASSPORT', 'SEAFARER_ID', 'ID_CARD', 'TRAVEL_DOCUMENT', 'OTHER']),
      number: z.string().regex(/^[A-Z0-9]{5,20}$/, 'must be 5 to 20 capital letters or digits'),
      issuingState: Alpha3,
    }),
    company: FreeText(1, 100),
    purpose: VisitorPurpose,
    from: Instant,
    until: Instant,
  })
  .refine((v) => v.from < v.until, { path: ['until'], message: 'must be after from' })
  .refine((v) => Date.parse(v.until) - Date.parse(v.from) <= 14 * 86_400_000, {
    path: ['until'],
    message: 'a boarding permit lasts at most 14 days',
  })
  .meta({ id: 'VisitorRequest' });
export type VisitorRequest = z.infer<typeof VisitorRequest>;

export const VisitorStatus = z.enum(['REQUESTED', 'GRANTED', 'REFUSED']);

export const Visitor = z
  .object({
    /** The reference the visitor's scans carry at the gangway. */
    visitorId: z.string(),
    callId: z.string(),
    familyName: z.string(),
    givenNames: z.string(),
    dateOfBirth: z.string(),
    nationality: z.string(),
    document: z.object({ type: z.string(), number: z.string(), issuingState: z.string() }),
    company: z.string(),
    purpose: VisitorPurpose,
    from: z.string(),
    until: z.string(),
    status: VisitorStatus,
    requestedBy: z.string(),
    requestedAt: z.string(),
    decidedBy: z.string().optional(),
    decidedAt: z.string().optional(),
    /** The officer's reason: never shown to the agent. */
    reason: z.string().optional(),
    /** Watch-list findings at the request: never shown to the agent. */
    findings: z.array(z.string()).optional(),
  })
  .meta({ id: 'Visitor' });
export type Visitor = z.infer<typeof Visitor>;

export const VisitorPath = z.object({ callId: CallId, visitorId: z.string().regex(/^V[0-9A-Z]{10}$/) });

export const VisitorDecisionRequest = z
  .strictObject({ decision: z.enum(['GRANT', 'REFUSE']), reason: FreeText(3, 500) })
  .meta({ id: 'VisitorDecisionRequest' });

export const MissingDecisionRequest = z
  .strictObject({ persons: z.array(Ref).min(1).max(2_000), reason: FreeText(3, 500) })
  .meta({ id: 'MissingDecisionRequest' });

/** One person as the border view shows them; officer-only fields are absent for agents. */
export const BorderPerson = z.object({
  ref: z.string(),
  list: z.enum(['CREW', 'PASSENGER', 'SIGN_ON']),
  familyName: z.string(),
  givenNames: z.string(),
  rank: z.string().optional(),
  presence: z.enum(['ON_BOARD', 'ASHORE', 'UNKNOWN', 'MISSING']),
  /** An officer decided the ship may sail without them. */
  sailWithout: z.boolean().optional(),
  landing: LandingPermission,
  /** Officers only: the reason behind the decision. */
  reason: z.string().optional(),
  agentNotice: z.string().optional(),
});

export const BorderView = z
  .object({
    callId: z.string(),
    persons: z.array(BorderPerson),
    visitors: z.array(Visitor.partial({ reason: true, findings: true })),
    missing: z.array(z.string()),
  })
  .meta({ id: 'BorderView' });
export type BorderView = z.infer<typeof BorderView>;
