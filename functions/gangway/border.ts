// What the gangway asks of persons' border decisions for one upload: each listed person's landing
// permission, the boarding permit of each visitor, and the call's times. Read once per request,
// and only what the upload's events need.
import type { CallStore, StoredCall } from '#calls/store.ts';
import type { DeclarationStore } from '#arrival/store.ts';
import type { DepartureDeclaration } from '#departure/schema.ts';
import { type CallFacts, type LandingDefault, landingPermission, signOffTimes } from '#persons/rules.ts';
import type { LandingDecision, LandingPermission, Visitor } from '#persons/schema.ts';
import type { PersonsStore } from '#persons/store.ts';
import type { GangwayEvent } from './schema.ts';

export interface BorderDeps {
  border: Pick<PersonsStore, 'landingDecisions' | 'visitor'>;
  departures: Pick<DeclarationStore<DepartureDeclaration>, 'get'>;
  landingDefault: LandingDefault;
}

export interface BorderContext {
  times: { eta: string; ata?: string; atd?: string };
  landingOf(ref: string): LandingPermission | undefined;
  visitorOf(ref: string): Visitor | undefined;
}

/** When each seafarer signing off from the call leaves on their onward transport. */
export async function signOffsOf(
  deps: { calls: Pick<CallStore, 'get'>; departures: BorderDeps['departures'] },
  callId: string,
): Promise<Map<string, string>> {
  const call = await deps.calls.get(callId);
  if (!call?.departure) return new Map();
  return signOffTimes((await deps.departures.get(callId, call.departure.version))?.declaration);
}

const VISITOR_REF = /^V[0-9A-Z]{10}$/;

/**
 * The call's landing decisions, without reading the store when the call says it has none: a call
 * is marked before its first decision is stored, and one stored before the mark is always read.
 */
export function decisionsOf(
  persons: Pick<PersonsStore, 'landingDecisions'>,
  call: StoredCall,
): Promise<LandingDecision[]> {
  return call.landingDecided === false ? Promise.resolve([]) : persons.landingDecisions(call.callId);
}

export function callFacts(call: StoredCall): CallFacts {
  return {
    eta: call.eta,
    etd: call.etd,
    ...(call.ata && { ata: call.ata }),
    ...(call.atd && { atd: call.atd }),
    // Cleared means a standing arrival permit: a superseded one (an amended declaration) is not.
    arrivalCleared: call.permits?.arrival?.status === 'VALID',
  };
}

export async function borderContext(
  deps: BorderDeps,
  call: StoredCall,
  events: readonly GangwayEvent[],
  declared: ReadonlyMap<string, { list: 'CREW' | 'PASSENGER' }>,
): Promise<BorderContext> {
  const facts = callFacts(call);
  const landing = events.some((e) => e.direction === 'DISEMBARK' && declared.has(e.personRef));
  const visitorRefs = [...new Set(events.map((e) => e.personRef))].filter(
    (ref) => !declared.has(ref) && VISITOR_REF.test(ref),
  );
  const judged = landing && facts.arrivalCleared;
  const [decisions, visitors, departure] = await Promise.all([
    judged ? decisionsOf(deps.border, call) : [],
    Promise.all(visitorRefs.map((ref) => deps.border.visitor(call.callId, ref))),
    judged && call.departure ? deps.departures.get(call.callId, call.departure.version) : undefined,
  ]);
  const signOff = signOffTimes(departure?.declaration);
  const visitorByRef = new Map(visitors.filter((v) => v !== undefined).map((v) => [v.visitorId, v]));
  return {
    times: { eta: facts.eta, ...(facts.ata && { ata: facts.ata }), ...(facts.atd && { atd: facts.atd }) },
    landingOf: (ref) => {
      const person = declared.get(ref);
      const until = signOff.get(ref);
      return (
        person &&
        landingPermission(
          { ref, list: person.list, ...(until && { signOffUntil: until }) },
          decisions,
          facts,
          deps.landingDefault,
        )
      );
    },
    visitorOf: (ref) => visitorByRef.get(ref),
  };
}
