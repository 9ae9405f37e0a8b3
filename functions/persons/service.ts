// Persons' border decisions as use cases: officers decide landing (crew-wide and per person) and
// visitors' boarding permits, agents request permits; each decision is recorded in the call's audit
// chain through the lifecycle (a change without a status change), then stored beside the call.
import { randomBytes } from 'node:crypto';
import type { DeclarationStore } from '#arrival/store.ts';
import type { ArrivalDeclaration } from '#arrival/schema.ts';
import type { CallDeps } from '#calls/service.ts';
import { actorOf, changeCall } from '#calls/service.ts';
import { canView } from '#calls/rules.ts';
import type { StoredCall } from '#calls/store.ts';
import type { DepartureDeclaration } from '#departure/schema.ts';
import type { Ports } from '#functions/wiring.ts';
import type { Principal } from '#shared/auth.ts';
import { ConflictError, ForbiddenError, NotFoundError, RuleViolationError } from '#shared/errors.ts';
import { newId } from '#shared/ids.ts';
import { type Violation, violation } from '#shared/i18n.ts';
import { screen } from '#watchlist/screening.ts';
import { sensitiveTextViolations } from './free-text.ts';
import type { LandingDecision, LandingDecisionRequest, Visitor, VisitorRequest } from './schema.ts';
import { agentVisitor } from './need-to-know.ts';

export type PersonsPorts = Pick<Ports, 'calls' | 'persons' | 'arrivals' | 'departures' | 'watchList' | 'clock'> &
  Partial<Pick<CallDeps, 'events'>>;

/** The call if the principal may see it; someone else's call answers like a missing one. */
export async function visibleCall(ports: Pick<Ports, 'calls'>, principal: Principal, callId: string) {
  const call = await ports.calls.get(callId);
  if (!call || !canView(principal, call)) throw new NotFoundError(`No call ${callId}`);
  return call;
}

function refuseSensitive(body: unknown) {
  const problems = sensitiveTextViolations(body);
  if (problems.length) throw new RuleViolationError('Free text must not carry document scans or images', problems);
}

/** Everyone on the call's lists, by reference: arrival crew and passengers, and crew signing on. */
export async function listedPersons(
  ports: { arrivals: DeclarationStore<ArrivalDeclaration>; departures: DeclarationStore<DepartureDeclaration> },
  call: StoredCall,
) {
  const [arrival, departure] = await Promise.all([
    call.arrival ? ports.arrivals.get(call.callId, call.arrival.version) : undefined,
    call.departure ? ports.departures.get(call.callId, call.departure.version) : undefined,
  ]);
  return { arrival: arrival?.declaration, departure: departure?.declaration };
}

function unknownRefs(refs: readonly string[], known: ReadonlySet<string>, field: string): Violation[] {
  return refs.flatMap((ref, i) =>
    known.has(ref)
      ? []
      : [
          violation(
            `${field}[${i}]`,
            'NOT_ON_LISTS',
            `${ref} is on neither the crew nor the passenger list of this call`,
            `${ref} 不在本航次的船员或旅客名单上`,
          ),
        ],
  );
}

function requireOfficer(principal: Principal) {
  if (principal.role !== 'officer' && principal.role !== 'supervisor')
    throw new ForbiddenError('Only border officers of the port decide about persons');
  return principal;
}

/** Landing permission for the whole crew, or for named persons as exceptions to it. */
export async function decideLanding(
  ports: PersonsPorts,
  principal: Principal,
  callId: string,
  request: LandingDecisionRequest,
): Promise<{ decisions: LandingDecision[] }> {
  const officer = requireOfficer(principal);
  refuseSensitive(request);
  const call = await visibleCall(ports, principal, callId);
  const subjects = request.scope === 'CREW' ? ['CREW'] : [...new Set(request.persons)];
  if (request.scope === 'PERSONS') {
    const { arrival, departure } = await listedPersons(ports, call);
    const known = new Set([
      ...(arrival?.crew ?? []).map((p) => p.ref),
      ...(arrival?.passengers ?? []).map((p) => p.ref),
      ...(departure?.signOn ?? []).map((p) => p.ref),
    ]);
    const problems = unknownRefs(request.persons, known, 'persons');
    if (problems.length) throw new RuleViolationError('Decide only about persons on the call’s lists', problems);
  }
  const at = ports.clock.now().toISOString();
  const decisions: LandingDecision[] = subjects.map((subject) => ({
    decisionId: newId('landing', ports.clock.now()),
    subject,
    decision: request.decision,
    ...(request.from && { from: request.from }),
    ...(request.until && { until: request.until }),
    reason: request.reason,
    ...(request.agentNotice && { agentNotice: request.agentNotice }),
    decidedBy: officer.sub,
    decidedAt: at,
  }));
  const window = request.from || request.until ? ` ${request.from ?? 'arrival'} – ${request.until ?? 'departure'}` : '';
  // The audit entry is the commit point: a call that may take no decision (sailed) stores none.
  // It also marks the call as having decisions, before any is stored, so the gangway reads them.
  await changeCall({ store: ports.calls, clock: ports.clock }, callId, () => ({
    event: 'DECIDE_LANDING',
    patch: { landingDecided: true },
    fact: {
      actor: actorOf(principal),
      action: 'LANDING_DECIDED',
      reason: `${request.decision}${window} for ${request.scope === 'CREW' ? 'the crew' : subjects.join(', ')}: ${request.reason}`,
    },
  }));
  await ports.persons.saveLanding(callId, decisions);
  await ports.events?.publish([
    {
      type: 'LandingDecided',
      callId,
      port: call.port,
      detail: { decision: request.decision, scope: request.scope, persons: subjects.length },
    },
  ]);
  return { decisions };
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const visitorId = () => `V${[...randomBytes(10)].map((b) => CROCKFORD[b % 32]).join('')}`;

/**
 * An agent asks for a boarding permit; the visitor is screened at once, for the officer's eyes
 * only: the answer is the agent's view, without the findings.
 */
export async function requestVisitor(
  ports: PersonsPorts,
  principal: Principal,
  callId: string,
  request: VisitorRequest,
): Promise<Omit<Visitor, 'reason' | 'findings'>> {
  if (principal.role !== 'agent') throw new ForbiddenError("Only the call's agent requests boarding permits");
  refuseSensitive(request);
  const call = await visibleCall(ports, principal, callId);
  const id = visitorId();
  const hits = await screen(ports.watchList, call.port, [{ ref: id, ...request }]);
  const visitor: Visitor = {
    visitorId: id,
    callId,
    ...request,
    status: 'REQUESTED',
    requestedBy: principal.agentId,
    requestedAt: ports.clock.now().toISOString(),
    ...(hits.length && { findings: hits.map((h) => h.detail) }),
  };
  await changeCall({ store: ports.calls, clock: ports.clock }, callId, () => ({
    event: 'REQUEST_VISITOR',
    fact: {
      actor: actorOf(principal),
      action: 'VISITOR_REQUESTED',
      reason: `${id}: ${request.purpose} of ${request.company}, ${request.from} – ${request.until}`,
    },
  }));
  if (!(await ports.persons.createVisitor(visitor)))
    throw new ConflictError('Visitor id taken: send the request again');
  await ports.events?.publish([
    { type: 'VisitorRequested', callId, port: call.port, detail: { visitorId: id, purpose: request.purpose } },
  ]);
  return agentVisitor(visitor);
}

/** An officer grants or refuses a boarding permit; the first of two concurrent decisions stands. */
export async function decideVisitor(
  ports: PersonsPorts,
  principal: Principal,
  callId: string,
  id: string,
  request: { decision: 'GRANT' | 'REFUSE'; reason: string },
): Promise<Visitor> {
  const officer = requireOfficer(principal);
  refuseSensitive(request);
  await visibleCall(ports, principal, callId);
  const current = await ports.persons.visitor(callId, id);
  if (!current) throw new NotFoundError(`No visitor ${id} on call ${callId}`);
  const status = request.decision === 'GRANT' ? 'GRANTED' : 'REFUSED';
  if (current.status === status) return current;
  const decided: Visitor = {
    ...current,
    status,
    decidedBy: officer.sub,
    decidedAt: ports.clock.now().toISOString(),
    reason: request.reason,
  };
  await changeCall({ store: ports.calls, clock: ports.clock }, callId, () => ({
    event: 'DECIDE_VISITOR',
    fact: { actor: actorOf(principal), action: `VISITOR_${status}`, reason: `${id}: ${request.reason}` },
  }));
  if (!(await ports.persons.updateVisitor(decided, current.status)))
    throw new ConflictError('Another officer decided this permit at the same moment; read it again');
  return decided;
}

/** An officer names those the ship may sail without (they did not come back); the departure re-checks. */
export async function decideSailWithout(
  ports: PersonsPorts & { recheck: (callId: string, why: string) => Promise<unknown> },
  principal: Principal,
  callId: string,
  request: { persons: string[]; reason: string },
) {
  const officer = requireOfficer(principal);
  refuseSensitive(request);
  const call = await visibleCall(ports, principal, callId);
  const { arrival } = await listedPersons(ports, call);
  const known = new Set([...(arrival?.crew ?? []), ...(arrival?.passengers ?? [])].map((p) => p.ref));
  const problems = unknownRefs(request.persons, known, 'persons');
  if (problems.length) throw new RuleViolationError('Name only persons on the call’s lists', problems);
  const at = ports.clock.now().toISOString();
  const refs = [...new Set(request.persons)];
  await changeCall({ store: ports.calls, clock: ports.clock }, callId, () => ({
    event: 'DECIDE_SAIL_WITHOUT',
    fact: {
      actor: actorOf(principal),
      action: 'SAIL_WITHOUT_DECIDED',
      reason: `${refs.join(', ')}: ${request.reason}`,
    },
  }));
  await ports.persons.saveSailWithout(
    callId,
    refs.map((ref) => ({ ref, reason: request.reason, decidedBy: officer.sub, decidedAt: at })),
  );
  await ports.recheck(callId, `sailing without ${refs.join(', ')} decided`);
  return { callId, persons: refs };
}
