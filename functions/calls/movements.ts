// The ship's actual arrival (ATA) and departure (ATD), recorded by its agent or a port officer.
// Departing closes the call, ends the gangway devices' assignment to it, reports who did not come
// back (exit control) and schedules the reduction of its declarations.
import type { Ports } from '#functions/wiring.ts';
import { type ExitPorts, recordMissing } from '#persons/exit.ts';
import { config } from '#shared/config.ts';
import type { Principal } from '#shared/auth.ts';
import { NotFoundError } from '#shared/errors.ts';
import { actorOf, changeCall } from './service.ts';
import { canView } from './rules.ts';

export type MovementPorts = Pick<Ports, 'calls' | 'devices' | 'events' | 'clock' | 'reduction'> & ExitPorts;

async function visible(ports: MovementPorts, principal: Principal, callId: string) {
  const call = await ports.calls.get(callId);
  if (!call || !canView(principal, call)) throw new NotFoundError(`No call ${callId}`);
  return call;
}

export async function recordArrival(ports: MovementPorts, principal: Principal, callId: string, at?: string) {
  const { clock, events } = ports;
  await visible(ports, principal, callId);
  const ata = at ?? clock.now().toISOString();
  const call = await changeCall({ store: ports.calls, clock }, callId, (fresh) => {
    if (fresh.ata) return undefined;
    return {
      event: 'ARRIVE',
      patch: { ata },
      fact: { actor: actorOf(principal), action: 'SHIP_ARRIVED', reason: `ATA ${ata}` },
    };
  });
  await events.publish([{ type: 'ShipArrived', callId, port: call.port, detail: { ata: call.ata } }]);
  return call;
}

export async function recordDeparture(ports: MovementPorts, principal: Principal, callId: string, at?: string) {
  const { clock, events, devices } = ports;
  await visible(ports, principal, callId);
  const atd = at ?? clock.now().toISOString();
  const call = await changeCall({ store: ports.calls, clock }, callId, (fresh) => {
    if (fresh.status === 'DEPARTED') return undefined;
    return {
      event: 'DEPART',
      patch: { atd },
      fact: { actor: actorOf(principal), action: 'SHIP_DEPARTED', reason: `ATD ${atd}` },
    };
  });
  for (const device of await devices.listByPort(call.port)) {
    if (device.callId !== callId) continue;
    await devices.save({
      ...device,
      callId: undefined,
      assignedAt: undefined,
      updatedAt: atd,
      rev: device.rev + 1,
    });
  }
  await events.publish([{ type: 'ShipDeparted', callId, port: call.port, detail: { atd: call.atd, etd: call.etd } }]);
  // Exit control: whoever was to sail and is still ashore is missing now, with an alert each.
  await recordMissing(ports, call, config().LANDING_DEFAULT);
  // Its declarations are reduced to statistics once DECLARATION_REDUCE_AFTER_DAYS have passed.
  await ports.reduction.markSailed(callId, call.atd ?? atd);
  return call;
}
