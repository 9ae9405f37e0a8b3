// The ship's actual arrival (ATA) and departure (ATD): proposed by its agent, confirmed by a port
// officer or the port feed (times-of-record.ts). Departing closes the call, ends the gangway
// devices' assignment to it, reports who did not come back (exit control) and schedules the
// reduction of its declarations.
import type { Ports } from '#functions/wiring.ts';
import { type ExitPorts, recordMissing } from '#persons/exit.ts';
import { config } from '#shared/config.ts';
import type { Principal } from '#shared/auth.ts';
import { NotFoundError, RuleViolationError } from '#shared/errors.ts';
import type { TimeOfRecord } from './schema.ts';
import { actorOf, changeCall } from './service.ts';
import { canView, movementViolations } from './rules.ts';
import { type TimeSource, nextTimeOfRecord } from './times-of-record.ts';

export type MovementPorts = Pick<Ports, 'calls' | 'devices' | 'events' | 'clock' | 'reduction'> & ExitPorts;

async function visible(ports: MovementPorts, principal: Principal, callId: string) {
  const call = await ports.calls.get(callId);
  if (!call || !canView(principal, call)) throw new NotFoundError(`No call ${callId}`);
  return call;
}

/** The record on a call from before times were confirmed: what the agent said. */
function legacy(at: string | undefined, agentId: string): TimeOfRecord | undefined {
  return at ? { at, source: 'AGENT', recordedBy: agentId, recordedAt: at, confirmed: false } : undefined;
}

const described = (kind: 'ATA' | 'ATD', record: TimeOfRecord) =>
  `${kind} ${record.at} (${record.confirmed ? `confirmed, ${record.source.toLowerCase()}` : 'proposed by the agent'})`;

export async function recordArrival(
  ports: MovementPorts,
  principal: Principal,
  callId: string,
  at?: string,
  source?: TimeSource,
) {
  const { clock, events } = ports;
  await visible(ports, principal, callId);
  const clockNow = clock.now();
  const now = clockNow.toISOString();
  const ata = at ?? now;
  const call = await changeCall({ store: ports.calls, clock }, callId, (fresh) => {
    const arrived = Boolean(fresh.ata);
    const record = nextTimeOfRecord(fresh.ataRecord ?? legacy(fresh.ata, fresh.agentId), principal, ata, now, source);
    if (!record) return undefined;
    const problems = movementViolations(fresh, 'ata', ata, clockNow);
    if (problems.length) throw new RuleViolationError('The arrival time is not plausible', problems);
    return {
      event: arrived ? 'CONFIRM_ARRIVAL_TIME' : 'ARRIVE',
      patch: { ata, ataRecord: record },
      fact: {
        actor: actorOf(principal),
        action: arrived ? 'ATA_CONFIRMED' : 'SHIP_ARRIVED',
        reason: described('ATA', record),
      },
    };
  });
  await events.publish([{ type: 'ShipArrived', callId, port: call.port, detail: { ata: call.ata } }]);
  return call;
}

export async function recordDeparture(
  ports: MovementPorts,
  principal: Principal,
  callId: string,
  at?: string,
  source?: TimeSource,
) {
  const { clock, events, devices } = ports;
  await visible(ports, principal, callId);
  const clockNow = clock.now();
  const now = clockNow.toISOString();
  const atd = at ?? now;
  const call = await changeCall({ store: ports.calls, clock }, callId, (fresh) => {
    const departed = fresh.status === 'DEPARTED';
    const previous = fresh.atdRecord ?? (departed ? legacy(fresh.atd, fresh.agentId) : undefined);
    const record = nextTimeOfRecord(previous, principal, atd, now, source);
    if (!record) return undefined;
    const problems = movementViolations(fresh, 'atd', atd, clockNow);
    if (problems.length) throw new RuleViolationError('The departure time is not plausible', problems);
    return {
      event: departed ? 'CONFIRM_DEPARTURE_TIME' : 'DEPART',
      patch: { atd, atdRecord: record },
      fact: {
        actor: actorOf(principal),
        action: departed ? 'ATD_CONFIRMED' : 'SHIP_DEPARTED',
        reason: described('ATD', record),
      },
    };
  });
  for (const device of await devices.listByCall(callId)) {
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
