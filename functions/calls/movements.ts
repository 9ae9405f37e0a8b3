// The ship's actual arrival (ATA) and departure (ATD), recorded by its agent or a port officer.
// Departing closes the call and ends the gangway devices' assignment to it.
import type { Ports } from '#functions/wiring.ts';
import type { Principal } from '#shared/auth.ts';
import { NotFoundError, RuleViolationError } from '#shared/errors.ts';
import { actorOf, changeCall } from './service.ts';
import { canView, movementViolations } from './rules.ts';

export type MovementPorts = Pick<Ports, 'calls' | 'devices' | 'events' | 'clock'>;

async function visible(ports: MovementPorts, principal: Principal, callId: string) {
  const call = await ports.calls.get(callId);
  if (!call || !canView(principal, call)) throw new NotFoundError(`No call ${callId}`);
  return call;
}

export async function recordArrival(ports: MovementPorts, principal: Principal, callId: string, at?: string) {
  const { clock, events } = ports;
  await visible(ports, principal, callId);
  const now = clock.now();
  const ata = at ?? now.toISOString();
  const call = await changeCall({ store: ports.calls, clock }, callId, (fresh) => {
    if (fresh.ata) return undefined;
    const problems = movementViolations(fresh, 'ata', ata, now);
    if (problems.length) throw new RuleViolationError('The arrival time is not plausible', problems);
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
  const now = clock.now();
  const atd = at ?? now.toISOString();
  const call = await changeCall({ store: ports.calls, clock }, callId, (fresh) => {
    if (fresh.status === 'DEPARTED') return undefined;
    const problems = movementViolations(fresh, 'atd', atd, now);
    if (problems.length) throw new RuleViolationError('The departure time is not plausible', problems);
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
  return call;
}
