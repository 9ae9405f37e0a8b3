// In-app notifications: what others (the checks, officers, the port) did on the agent's calls
// since the agent last marked them seen, read from the timelines the API gives agents. "Last seen"
// is kept in this browser's localStorage, per agency: another browser starts afresh.
import type { AgentCall, AgentCallDetail } from './status.ts';

export interface Notice {
  id: string;
  callId: string;
  vessel: string;
  voyage: string;
  /** The call's port, whose clock the time is shown in. */
  port: string;
  at: string;
  action: string;
  toStatus?: string;
  /** The reason as the API gives it to agents; absent when it is for officers only. */
  reason?: string;
  redacted: boolean;
}

const key = (agentId: string) => `three-zeros-agent-seen:${agentId}`;

/** When the agent last marked its notifications seen; the first visit starts now. */
export function lastSeen(agentId: string, now = new Date()): string {
  const stored = localStorage.getItem(key(agentId));
  if (stored) return stored;
  const start = now.toISOString();
  localStorage.setItem(key(agentId), start);
  return start;
}

export function markSeen(agentId: string, at: string) {
  localStorage.setItem(key(agentId), at);
}

/** The calls whose timeline may hold something new: changed since `since`. */
export const changedSince = (calls: readonly AgentCall[], since: string) => calls.filter((c) => c.updatedAt > since);

/** What others did since `since`, newest first; the agent's own steps are no news to it. */
export function noticesOf(details: readonly AgentCallDetail[], since: string): Notice[] {
  return details
    .flatMap((call) =>
      call.timeline
        .filter((e) => e.at > since && e.actor.role !== 'agent')
        .map((e) => ({
          id: `${call.callId}#${e.seq}`,
          callId: call.callId,
          vessel: call.vessel.name,
          voyage: call.voyage,
          port: call.port,
          at: e.at,
          action: e.action,
          ...(e.toStatus && { toStatus: e.toStatus }),
          ...(e.reason && { reason: e.reason }),
          redacted: e.redacted === true,
        })),
    )
    .sort((a, b) => b.at.localeCompare(a.at));
}
