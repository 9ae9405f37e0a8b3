// The ship's actual arrival (ATA) and departure (ATD), recorded by its agent or a port officer.
// Departing closes the call and ends the gangway devices' assignment to it.
import { dynamoDeviceStore } from '#devices/store.ts';
import { adapters } from '#functions/wiring.ts';
import { recordMissing } from '#persons/exit.ts';
import { dynamoReductionStore } from '#persons/reduction-store.ts';
import { config } from '#shared/config.ts';
import type { Principal } from '#shared/auth.ts';
import { clock } from '#shared/clock.ts';
import { NotFoundError } from '#shared/errors.ts';
import { eventBridgePublisher as events } from '#shared/events.ts';
import { actorOf, changeCall } from './service.ts';
import { canView } from './rules.ts';
import { dynamoCallStore as store } from './store.ts';

const deps = { store, clock };

async function visible(principal: Principal, callId: string) {
  const call = await store.get(callId);
  if (!call || !canView(principal, call)) throw new NotFoundError(`No call ${callId}`);
  return call;
}

export async function recordArrival(principal: Principal, callId: string, at?: string) {
  await visible(principal, callId);
  const ata = at ?? clock.now().toISOString();
  const call = await changeCall(deps, callId, (fresh) => {
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

export async function recordDeparture(principal: Principal, callId: string, at?: string) {
  await visible(principal, callId);
  const atd = at ?? clock.now().toISOString();
  const call = await changeCall(deps, callId, (fresh) => {
    if (fresh.status === 'DEPARTED') return undefined;
    return {
      event: 'DEPART',
      patch: { atd },
      fact: { actor: actorOf(principal), action: 'SHIP_DEPARTED', reason: `ATD ${atd}` },
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
  // Exit control: whoever was to sail and is still ashore is missing now, with an alert each.
  await recordMissing(adapters, call, config().LANDING_DEFAULT);
  // Its declarations are reduced to statistics once DECLARATION_REDUCE_AFTER_DAYS have passed.
  await dynamoReductionStore.markSailed(callId, call.atd ?? atd);
  return call;
}
