// The ship's actual arrival (ATA) and departure (ATD): proposed by its agent, confirmed by a port
// officer or the port feed (times-of-record.ts). Departing closes the call and ends the gangway
// devices' assignment to it.
import { dynamoDeviceStore } from '#devices/store.ts';
import type { Principal } from '#shared/auth.ts';
import { clock } from '#shared/clock.ts';
import { NotFoundError } from '#shared/errors.ts';
import { eventBridgePublisher as events } from '#shared/events.ts';
import type { TimeOfRecord } from './schema.ts';
import { actorOf, changeCall } from './service.ts';
import { type TimeSource, nextTimeOfRecord } from './times-of-record.ts';
import { canView } from './rules.ts';
import { dynamoCallStore as store } from './store.ts';

const deps = { store, clock };

async function visible(principal: Principal, callId: string) {
  const call = await store.get(callId);
  if (!call || !canView(principal, call)) throw new NotFoundError(`No call ${callId}`);
  return call;
}

/** The record on a call from before times were confirmed: what the agent said. */
function legacy(at: string | undefined, agentId: string): TimeOfRecord | undefined {
  return at ? { at, source: 'AGENT', recordedBy: agentId, recordedAt: at, confirmed: false } : undefined;
}

export async function recordArrival(principal: Principal, callId: string, at?: string, source?: TimeSource) {
  await visible(principal, callId);
  const now = clock.now().toISOString();
  const ata = at ?? now;
  const call = await changeCall(deps, callId, (fresh) => {
    const arrived = Boolean(fresh.ata);
    const record = nextTimeOfRecord(fresh.ataRecord ?? legacy(fresh.ata, fresh.agentId), principal, ata, now, source);
    if (!record) return undefined;
    return {
      event: arrived ? 'CONFIRM_ARRIVAL_TIME' : 'ARRIVE',
      patch: { ata, ataRecord: record },
      fact: {
        actor: actorOf(principal),
        action: arrived ? 'ATA_CONFIRMED' : 'SHIP_ARRIVED',
        reason: `ATA ${ata} (${record.confirmed ? `confirmed, ${record.source.toLowerCase()}` : 'proposed by the agent'})`,
      },
    };
  });
  await events.publish([{ type: 'ShipArrived', callId, port: call.port, detail: { ata: call.ata } }]);
  return call;
}

export async function recordDeparture(principal: Principal, callId: string, at?: string, source?: TimeSource) {
  await visible(principal, callId);
  const now = clock.now().toISOString();
  const atd = at ?? now;
  const call = await changeCall(deps, callId, (fresh) => {
    const departed = fresh.status === 'DEPARTED';
    const record = nextTimeOfRecord(
      fresh.atdRecord ?? (departed ? legacy(fresh.atd, fresh.agentId) : undefined),
      principal,
      atd,
      now,
      source,
    );
    if (!record) return undefined;
    return {
      event: departed ? 'CONFIRM_DEPARTURE_TIME' : 'DEPART',
      patch: { atd, atdRecord: record },
      fact: {
        actor: actorOf(principal),
        action: departed ? 'ATD_CONFIRMED' : 'SHIP_DEPARTED',
        reason: `ATD ${atd} (${record.confirmed ? `confirmed, ${record.source.toLowerCase()}` : 'proposed by the agent'})`,
      },
    };
  });
  for (const device of await dynamoDeviceStore.listByPort(call.port)) {
    if (device.callId !== callId) continue;
    await dynamoDeviceStore.save({
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
