// The call's persons as the border sees them: presence, landing permission and pass window, the
// visitors with their permits, and who is missing. Need to know: an agent sees what it must act
// on, never a watch-list finding or an officer's internal reason.
import type { Principal } from '#shared/auth.ts';
import type { Ports } from '#functions/wiring.ts';
import type { StoredCall } from '#calls/store.ts';
import { callFacts, decisionsOf } from '#gangway/border.ts';
import { type LandingDefault, exitPresence, landingPermission, signOffTimes } from './rules.ts';
import { agentVisitor } from './need-to-know.ts';
import type { BorderView } from './schema.ts';
import { listedPersons, visibleCall } from './service.ts';

export type ViewPorts = Pick<Ports, 'calls' | 'persons' | 'arrivals' | 'departures' | 'gangway'>;

export async function borderView(
  ports: ViewPorts,
  principal: Principal,
  callId: string,
  landingDefault: LandingDefault,
): Promise<BorderView> {
  const call = await visibleCall(ports, principal, callId);
  const view = await fullView(ports, call, landingDefault);
  return principal.role === 'agent' ? agentView(view) : view;
}

/** Everything, as officers of the port see it. */
export async function fullView(ports: ViewPorts, call: StoredCall, landingDefault: LandingDefault) {
  const [{ arrival, departure }, presence, decisions, visitors, sailWithout] = await Promise.all([
    listedPersons(ports, call),
    ports.gangway.presence(call.callId),
    decisionsOf(ports.persons, call),
    ports.persons.visitors(call.callId),
    ports.persons.sailWithout(call.callId),
  ]);
  const stateOf = new Map(presence.map((p) => [p.ref, p.state]));
  const signedOff = new Set(departure?.signOff ?? []);
  const signOffUntil = signOffTimes(departure);
  const decidedWithout = new Set(sailWithout.map((s) => s.ref));
  const sailed = call.status === 'DEPARTED';
  const facts = callFacts(call);
  const listed = [
    ...(arrival?.crew ?? []).map((p) => ({ p, list: 'CREW' as const, rank: p.rank })),
    ...(arrival?.passengers ?? []).map((p) => ({ p, list: 'PASSENGER' as const, rank: undefined })),
    ...(departure?.signOn ?? []).map((p) => ({ p, list: 'SIGN_ON' as const, rank: p.rank })),
  ];
  const persons = listed.map(({ p, list, rank }) => {
    const until = signOffUntil.get(p.ref);
    const landing = landingPermission(
      { ref: p.ref, list, ...(until && { signOffUntil: until }) },
      decisions,
      facts,
      landingDefault,
    );
    const decision = decisions.find((d) => d.decisionId === landing.decisionId);
    // Someone signing on is not on board until the gangway says so.
    const state = stateOf.get(p.ref) ?? (list === 'SIGN_ON' ? 'ASHORE' : undefined);
    return {
      ref: p.ref,
      list,
      familyName: p.familyName,
      givenNames: p.givenNames,
      ...(rank && { rank }),
      presence: exitPresence(state, sailed, signedOff.has(p.ref)),
      ...(decidedWithout.has(p.ref) && { sailWithout: true }),
      landing,
      ...(decision && { reason: decision.reason }),
      ...(decision?.agentNotice && { agentNotice: decision.agentNotice }),
    };
  });
  return {
    callId: call.callId,
    persons,
    visitors,
    missing: persons.filter((p) => p.presence === 'MISSING').map((p) => p.ref),
  };
}

/** What the agent may see: the state and what to do, never findings or officers' reasons. */
export function agentView(view: BorderView): BorderView {
  return {
    ...view,
    persons: view.persons.map(({ reason: _reason, ...p }) => p),
    visitors: view.visitors.map(agentVisitor),
  };
}
