// The departure's exit screening: everyone sailing against the watch list as it stands now, a
// batch at a time. A module of its own, so the transliteration table the watch list's name keys
// need (185 KB) is in this function's bundle only, not in every departure step's.
import { BatchRef, clearanceAccess } from '#clearance/steps.ts';
import { stepHandler } from '#shared/steps.ts';
import { screen } from '#watchlist/screening.ts';
import { type DeparturePorts, departureReads } from './steps.ts';

export function departureScreening(ports: DeparturePorts) {
  const { signOnsToScreen } = departureReads(ports, clearanceAccess(ports, 'departure'));
  const screenSignOns = stepHandler('screenSignOns', BatchRef, async ({ callId, version, round, from, to }) => {
    const { port, signOn } = await signOnsToScreen(callId, version, round);
    return { hits: await screen(ports.watchList, port, signOn.slice(from, to)) };
  });

  return { screenSignOns };
}
