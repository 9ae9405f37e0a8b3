// Need to know: what a shipping agent may read of its own call. It sees the state of the call and
// what it must do; never a watch-list finding, rule evidence about a person (a gangway alert) or an
// officer's internal reason. Officers of the port see everything.
import type { AuditEntry } from '#shared/audit.ts';
import type { Call } from '#calls/schema.ts';
import type { RiskReason } from '#clearance/schema.ts';
import type { Visitor } from './schema.ts';

/** Findings that name what the border knows about a person: never shown to the agent. */
const CONFIDENTIAL_FINDINGS = new Set(['WATCH_LIST_HIT']);

/** Audit actions whose reason is an officer's internal note about persons. */
const INTERNAL_REASONS = new Set(['LANDING_DECIDED', 'VISITOR_GRANTED', 'VISITOR_REFUSED', 'SAIL_WITHOUT_DECIDED']);

/** Findings named in a check's or review's reason that tell what the border knows about a person. */
const CONFIDENTIAL_IN_REASON = /\b(WATCH_LIST_HIT|UNRESOLVED_HIGH_ALERT)\b/;

function agentReasons(reasons: readonly RiskReason[]): RiskReason[] {
  return reasons
    .filter((r) => !CONFIDENTIAL_FINDINGS.has(r.code))
    .map((r) =>
      // An open gangway alert is the border's evidence about a person: the agent learns only that one is open.
      r.code === 'UNRESOLVED_HIGH_ALERT'
        ? { code: r.code, severity: r.severity, detail: 'a gangway alert awaits an officer' }
        : r,
    );
}

export function agentCall<T extends Call>(call: T): T {
  return {
    ...call,
    ...(call.arrival && { arrival: { ...call.arrival, reasons: agentReasons(call.arrival.reasons) } }),
    ...(call.departure && { departure: { ...call.departure, reasons: agentReasons(call.departure.reasons) } }),
  };
}

/**
 * The timeline an agent reads: an entry whose reason it must not know keeps its place, actor and
 * hashes but loses the reason, marked `redacted` (its hash then verifies only for officers).
 */
export function agentTimeline(entries: readonly AuditEntry[]): AuditEntry[] {
  return entries.map((e) => {
    if (e.reason === undefined || !(INTERNAL_REASONS.has(e.action) || CONFIDENTIAL_IN_REASON.test(e.reason))) return e;
    const { reason: _reason, ...rest } = e;
    return { ...rest, redacted: true } as AuditEntry;
  });
}

/** A visitor as the agent who asked for the permit reads it: the decision, not the officer's reason or findings. */
export function agentVisitor<T extends Partial<Visitor>>(visitor: T): Omit<T, 'reason' | 'findings'> {
  const { reason: _reason, findings: _findings, ...rest } = visitor;
  return rest;
}
