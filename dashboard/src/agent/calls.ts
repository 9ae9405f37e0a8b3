// The agent's calls as the portal's pages share them: the list, the timelines of the calls that
// ask for the agent or changed since last seen, and the notifications those give.
import { useSyncExternalStore } from 'react';
import { api, loadSession } from '../api';
import { type Loaded, useLoad } from '../live';
import { allCalls } from './client';
import { type Notice, changedSince, lastSeen, markSeen, noticesOf } from './notifications';
import type { AgentCall, AgentCallDetail } from './status';

export interface AgentCalls {
  calls: AgentCall[];
  details: Map<string, AgentCallDetail>;
  notices: Notice[];
}

const seenListeners = new Set<() => void>();
const agentId = () => loadSession()?.agentId ?? '';

function useLastSeen(): string {
  return useSyncExternalStore(
    (l) => (seenListeners.add(l), () => seenListeners.delete(l)),
    () => lastSeen(agentId()),
  );
}

/** Marks every notification shown so far as seen (in this browser). */
export function markAllSeen(notices: readonly Notice[]) {
  const newest = notices[0]?.at;
  markSeen(agentId(), newest && newest > new Date().toISOString() ? newest : new Date().toISOString());
  seenListeners.forEach((l) => l());
}

export function useAgentCalls(): Loaded<AgentCalls> {
  const since = useLastSeen();
  return useLoad(async () => {
    const calls = await allCalls();
    const wanted = new Set([
      ...changedSince(calls, since).map((c) => c.callId),
      // An amendment request's reason is on the timeline only.
      ...calls
        .filter((c) => c.arrival?.state === 'AMENDMENT_REQUESTED' || c.departure?.state === 'AMENDMENT_REQUESTED')
        .map((c) => c.callId),
    ]);
    const details = new Map<string, AgentCallDetail>();
    await Promise.all(
      [...wanted].map(async (id) => details.set(id, await api<AgentCallDetail>('GET', `/v1/calls/${id}`))),
    );
    return { calls, details, notices: noticesOf([...details.values()], since) };
  }, [since]);
}
