// Port-level changes into their hash chains: watch-list loads, AEO trust, the device registry,
// agency answers and alert resolutions. No personal data goes in: what changed, by whom, why.
import type { Actor } from '#shared/audit.ts';
import type { Clock } from '#shared/clock.ts';
import type { AuditStore } from './store.ts';

export type PortChain = `PORT#${string}` | 'WATCHLIST' | 'AGENTS';

export const portChain = (port: string): PortChain => `PORT#${port}`;

export interface PortChange {
  actor: Actor;
  action: string;
  subject: string;
  reason?: string;
}

export function recordPortChange(
  deps: { audit: Pick<AuditStore, 'append'>; clock: Clock },
  chain: PortChain,
  change: PortChange,
) {
  return deps.audit.append(chain, { at: deps.clock.now().toISOString(), ...change });
}
