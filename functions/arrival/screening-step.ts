// The arrival's screening step: persons against the watch list, a batch at a time. A module of its
// own, so the transliteration table the watch list's name keys need (185 KB) is in this
// function's bundle only, not in every arrival step's.
import { BatchRef, clearanceAccess } from '#clearance/steps.ts';
import { stepHandler } from '#shared/steps.ts';
import { screen } from '#watchlist/screening.ts';
import { type ArrivalPorts, arrivalReads } from './steps.ts';

export function arrivalScreening(ports: ArrivalPorts) {
  const { toScreen } = arrivalReads(ports, clearanceAccess(ports, 'arrival'));
  const screenPersons = stepHandler('screenPersons', BatchRef, async ({ callId, version, round, from, to }) => {
    const { call, persons } = await toScreen(callId, version, round);
    return { hits: await screen(ports.watchList, call.port, persons.slice(from, to)) };
  });

  return { screenPersons };
}
