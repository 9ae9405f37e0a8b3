// Exit control once the ship has sailed: everyone who was to sail and is still ashore is MISSING,
// with a HIGH alert to the port for each (once per person, however often the departure is recorded).
import { alertIdFor } from '#alerts/store.ts';
import type { Alert } from '#alerts/schema.ts';
import type { StoredCall } from '#calls/store.ts';
import type { Ports } from '#functions/wiring.ts';
import type { LandingDefault } from './rules.ts';
import { type ViewPorts, fullView } from './view.ts';

export type ExitPorts = ViewPorts & Pick<Ports, 'alerts' | 'events' | 'clock'>;

export async function recordMissing(
  ports: ExitPorts,
  call: StoredCall,
  landingDefault: LandingDefault,
): Promise<string[]> {
  const view = await fullView(ports, call, landingDefault);
  const at = ports.clock.now().toISOString();
  const raised: Alert[] = [];
  for (const p of view.persons.filter((x) => x.presence === 'MISSING')) {
    const alert: Alert = {
      alertId: alertIdFor(call.callId, 'PERSON_MISSING', p.ref),
      callId: call.callId,
      port: call.port,
      personRef: p.ref,
      rule: 'PERSON_MISSING',
      severity: 'HIGH',
      detail: `${p.ref} did not return on board before the ship sailed${p.sailWithout ? ' (sailing without them was decided by an officer)' : ''}`,
      evidence: {},
      status: 'OPEN',
      raisedAt: at,
    };
    if (await ports.alerts.raise(alert)) raised.push(alert);
  }
  if (raised.length)
    await ports.events.publish(
      raised.map((a) => ({
        type: 'AlertRaised',
        callId: a.callId,
        port: a.port,
        detail: { alertId: a.alertId, rule: a.rule, severity: a.severity, personRef: a.personRef },
      })),
    );
  return view.missing;
}
