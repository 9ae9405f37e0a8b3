// Who stands behind an ATA or ATD: the agent proposes, an officer (or the port feed, through an
// officer's integration) confirms. Pure, so movements and figures agree on what counts.
import type { Principal } from '#shared/auth.ts';
import { ConflictError, ForbiddenError } from '#shared/errors.ts';
import type { TimeOfRecord } from './schema.ts';

export type TimeSource = 'OFFICER' | 'PORT_FEED';

/**
 * The record `principal` makes of a movement at `at`, over `previous`; undefined when it changes
 * nothing (a retry, or an agent proposing again what is on record).
 */
export function nextTimeOfRecord(
  previous: TimeOfRecord | undefined,
  principal: Principal,
  at: string,
  now: string,
  source?: TimeSource,
): TimeOfRecord | undefined {
  if (principal.role === 'device') throw new ForbiddenError('Devices do not record movements');
  if (principal.role === 'agent') {
    if (source) throw new ForbiddenError('Only officers confirm a time for the port feed or themselves');
    if (previous?.confirmed) {
      if (previous.at === at || previous.proposed === at) return undefined;
      throw new ConflictError('An officer has confirmed this time; the agent can no longer change it', [
        { path: 'at', message: `confirmed as ${previous.at} by ${previous.source.toLowerCase()}` },
      ]);
    }
    if (previous) return undefined;
    return { at, source: 'AGENT', recordedBy: principal.agentId, recordedAt: now, confirmed: false };
  }
  const by = source ?? 'OFFICER';
  if (previous?.confirmed && previous.at === at && previous.source === by) return undefined;
  const proposed = previous?.source === 'AGENT' ? previous.at : previous?.proposed;
  return {
    at,
    source: by,
    recordedBy: principal.sub,
    recordedAt: now,
    confirmed: true,
    ...(proposed && proposed !== at && { proposed }),
  };
}

/** The time the figures may use: only a confirmed one. */
export function confirmedTime(record: TimeOfRecord | undefined): string | undefined {
  return record?.confirmed ? record.at : undefined;
}
