// The zero-delay guard wired to the deployed adapters (functions/wiring.ts): what the gangway,
// alert and agency handlers call when something the departure depends on changes.
import { adapters } from '#functions/wiring.ts';
import { type RecheckDeps, recheckDeparture } from './recheck.ts';

const { calls, reviews, workflows, events, clock } = adapters;
export const recheckDeps: RecheckDeps = { store: calls, reviews, workflows, events, clock };

export const recheck = (callId: string, why: string) => recheckDeparture(recheckDeps, callId, why);
