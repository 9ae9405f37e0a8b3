// Arrival rules, pure: what makes a declaration unacceptable (422), and what makes a call a risk
// an officer must look at. "Now" and every looked-up fact come in as arguments.
import { MOVEMENT_CLOCK_SKEW_MS, scheduleViolations } from '#calls/rules.ts';
import type { Call } from '#calls/schema.ts';
import { type Violation, violation } from '#shared/i18n.ts';
import { matchKey } from '#shared/name-match.ts';
import type { Person } from '#shared/people.ts';
import type { RiskReason } from '#clearance/schema.ts';
import type { ArrivalDeclaration } from './schema.ts';
import type { DeclarationShape } from '#clearance/amendment.ts';
import { masterViolations, underAgeViolations } from '#persons/fal.ts';
import { sensitiveTextViolations } from '#persons/free-text.ts';

const DAY = 86_400_000;

/** The schedule the declaration asks for: its changes over the call's current one. */
export function effectiveSchedule(call: Pick<Call, 'eta' | 'etd' | 'berth'>, d: ArrivalDeclaration) {
  return {
    eta: d.schedule?.eta ?? call.eta,
    etd: d.schedule?.etd ?? call.etd,
    berth: d.schedule?.berth ?? call.berth,
  };
}

function everyone(d: ArrivalDeclaration): { person: Person; path: string }[] {
  return [
    ...d.crew.map((person, i) => ({ person, path: `crew[${i}]` })),
    ...d.passengers.map((person, i) => ({ person, path: `passengers[${i}]` })),
  ];
}

/** Every rule the declaration breaks, with the path of the field an agent must fix. */
export function declarationViolations(
  d: ArrivalDeclaration,
  call: Pick<Call, 'eta' | 'etd' | 'berth'>,
  now: Date,
): Violation[] {
  const problems: Violation[] = [];
  const g = d.general;
  if (g.crewCount !== d.crew.length) {
    problems.push(
      violation(
        'general.crewCount',
        'CREW_COUNT_MISMATCH',
        `says ${g.crewCount} crew but the crew list has ${d.crew.length}`,
        `申报船员 ${g.crewCount} 人，但船员名单有 ${d.crew.length} 人`,
      ),
    );
  }
  if (g.passengerCount !== d.passengers.length) {
    problems.push(
      violation(
        'general.passengerCount',
        'PASSENGER_COUNT_MISMATCH',
        `says ${g.passengerCount} passengers but the passenger list has ${d.passengers.length}`,
        `申报旅客 ${g.passengerCount} 人，但旅客名单有 ${d.passengers.length} 人`,
      ),
    );
  }
  if (g.personsOnBoard !== d.crew.length + d.passengers.length) {
    problems.push(
      violation(
        'general.personsOnBoard',
        'PERSONS_ON_BOARD_MISMATCH',
        `says ${g.personsOnBoard} persons on board but the lists hold ${d.crew.length + d.passengers.length}`,
        `申报在船人数 ${g.personsOnBoard}，但名单合计 ${d.crew.length + d.passengers.length} 人`,
      ),
    );
  }

  const schedule = effectiveSchedule(call, d);
  // The FAL 5 crew list as the border reads it, and free text that must not carry a document scan.
  problems.push(
    ...masterViolations(d.crew, g.masterName),
    ...underAgeViolations(d.crew, schedule.eta.slice(0, 10), 'crew'),
    ...sensitiveTextViolations(d),
  );
  if (Date.parse(schedule.eta) <= now.getTime()) {
    problems.push(
      violation(
        'schedule.eta',
        'ETA_IN_PAST',
        'the arrival must be declared before the ship arrives: send the current ETA in schedule.eta',
        '抵港申报须在船舶抵港前提交：请在 schedule.eta 中填写最新预计抵港时间',
      ),
    );
  }
  problems.push(...scheduleViolations(schedule, now, 'schedule'));

  const refs = new Map<string, string>();
  const documents = new Map<string, string>();
  const persons = new Map<string, string>();
  const etdDay = schedule.etd.slice(0, 10);
  for (const { person, path } of everyone(d)) {
    const seenRef = refs.get(person.ref);
    if (seenRef) {
      problems.push(
        violation(
          `${path}.ref`,
          'DUPLICATE_REF',
          `reference ${person.ref} is already used by ${seenRef}`,
          `编号 ${person.ref} 已被 ${seenRef} 使用`,
        ),
      );
    } else refs.set(person.ref, path);

    const doc = `${person.document.type}#${person.document.issuingState}#${person.document.number}`;
    const seenDoc = documents.get(doc);
    if (seenDoc) {
      problems.push(
        violation(
          `${path}.document.number`,
          'DUPLICATE_DOCUMENT',
          `the same document is declared for ${seenDoc}`,
          `该证件已为 ${seenDoc} 申报`,
        ),
      );
    } else documents.set(doc, path);

    const who = `${matchKey(person)}#${person.dateOfBirth}`;
    const seenPerson = persons.get(who);
    if (seenPerson) {
      problems.push(
        violation(
          path,
          'DUPLICATE_PERSON',
          `the same person is already declared as ${seenPerson}`,
          `同一人员已作为 ${seenPerson} 申报`,
        ),
      );
    } else persons.set(who, path);

    if (person.document.expiry < etdDay) {
      problems.push(
        violation(
          `${path}.document.expiry`,
          'DOCUMENT_EXPIRES_BEFORE_ETD',
          `the document expires on ${person.document.expiry}, before the departure`,
          `证件于 ${person.document.expiry} 到期，早于预计离港时间`,
        ),
      );
    }
    const born = Date.parse(person.dateOfBirth);
    if (born > now.getTime() || now.getTime() - born > 130 * 365.25 * DAY) {
      problems.push(
        violation(
          `${path}.dateOfBirth`,
          'BIRTH_DATE_IMPLAUSIBLE',
          'the date of birth is not plausible',
          '出生日期不合理',
        ),
      );
    }
  }

  g.lastPortsOfCall.forEach((p, i) => {
    if (Date.parse(p.departed) >= Date.parse(schedule.eta)) {
      problems.push(
        violation(
          `general.lastPortsOfCall[${i}].departed`,
          'PORT_AFTER_ARRIVAL',
          'the ship cannot have left a previous port after arriving here',
          '离开上一港的时间不能晚于抵达本港的时间',
        ),
      );
    } else if (Date.parse(p.departed) < Date.parse(schedule.eta) - HISTORY_YEARS * 365 * DAY) {
      problems.push(tooOld(`general.lastPortsOfCall[${i}].departed`));
    }
  });
  d.security.shipToShipActivities.forEach((a, i) => {
    const path = `general.shipToShipActivities[${i}].at`;
    if (Date.parse(a.at) > now.getTime() + MOVEMENT_CLOCK_SKEW_MS) {
      problems.push(
        violation(
          path,
          'ACTIVITY_IN_FUTURE',
          'a ship-to-ship activity cannot be ahead of the clock',
          '船对船活动时间不能晚于当前时间',
        ),
      );
    } else if (Date.parse(a.at) < Date.parse(schedule.eta) - HISTORY_YEARS * 365 * DAY) {
      problems.push(tooOld(path));
    }
  });
  return problems;
}

/** How far back the security history of a declaration reaches (ISPS asks for the last 10 calls). */
export const HISTORY_YEARS = 5;

const tooOld = (path: string) =>
  violation(
    path,
    'HISTORY_TOO_OLD',
    `is more than ${HISTORY_YEARS} years before the arrival`,
    `早于本次抵港 ${HISTORY_YEARS} 年以上`,
  );

export interface VesselFacts {
  vesselListed?: string;
  flagListed?: string;
}

/** Vessel and security findings: watch-listed vessel or flag, ISPS certificate, security levels. */
export function vesselFindings(call: Pick<Call, 'etd'>, d: ArrivalDeclaration, facts: VesselFacts): RiskReason[] {
  const reasons: RiskReason[] = [];
  if (facts.vesselListed) reasons.push({ code: 'VESSEL_WATCH_LISTED', severity: 'MAJOR', detail: facts.vesselListed });
  if (facts.flagListed) reasons.push({ code: 'FLAG_WATCH_LISTED', severity: 'MAJOR', detail: facts.flagListed });
  const s = d.security;
  if (s.isscValidUntil < call.etd.slice(0, 10)) {
    reasons.push({
      code: 'ISSC_EXPIRED',
      severity: 'MAJOR',
      detail: `ISSC valid until ${s.isscValidUntil}, before departure`,
    });
  }
  if (!s.shipSecurityPlanOnBoard)
    reasons.push({
      code: 'NO_SHIP_SECURITY_PLAN',
      severity: 'MAJOR',
      detail: 'no approved ship security plan on board',
    });
  if (s.securityLevel >= 2) {
    reasons.push({
      code: 'SECURITY_LEVEL_RAISED',
      severity: s.securityLevel === 3 ? 'MAJOR' : 'MINOR',
      detail: `ship at security level ${s.securityLevel}`,
    });
  }
  const raised = d.general.lastPortsOfCall.filter((p) => p.securityLevel >= 2).map((p) => p.port);
  if (raised.length)
    reasons.push({
      code: 'PORT_SECURITY_LEVEL_RAISED',
      severity: 'MINOR',
      detail: `raised security level at ${raised.join(', ')}`,
    });
  if (s.shipToShipActivities.length) {
    reasons.push({
      code: 'SHIP_TO_SHIP_ACTIVITY',
      severity: 'MINOR',
      detail: `${s.shipToShipActivities.length} ship-to-ship activities declared`,
    });
  }
  return reasons;
}

/** Findings of the Maritime Declaration of Health. */
export function healthFindings(d: ArrivalDeclaration, eta: string): RiskReason[] {
  const h = d.health;
  const reasons: RiskReason[] = [];
  if (h.deathsOnBoard)
    reasons.push({ code: 'DEATH_ON_BOARD', severity: 'MAJOR', detail: 'death on board during the voyage' });
  if (h.illnessSuspectedInfectious)
    reasons.push({
      code: 'SUSPECTED_INFECTIOUS_ILLNESS',
      severity: 'MAJOR',
      detail: 'illness suspected to be infectious',
    });
  if (h.illPersonsCount > 0)
    reasons.push({ code: 'ILL_PERSONS', severity: 'MAJOR', detail: `${h.illPersonsCount} ill persons on board` });
  if (h.stowaways) reasons.push({ code: 'STOWAWAYS', severity: 'MAJOR', detail: 'stowaways found on board' });
  if (h.sickAnimals) reasons.push({ code: 'SICK_ANIMALS', severity: 'MINOR', detail: 'sick animals on board' });
  if (h.visitedAffectedAreas)
    reasons.push({
      code: 'AFFECTED_AREA_VISITED',
      severity: 'MINOR',
      detail: 'visited an area affected by a public health event',
    });
  if (h.sanitationCertificateValidUntil < eta.slice(0, 10)) {
    reasons.push({
      code: 'SANITATION_CERTIFICATE_EXPIRED',
      severity: 'MINOR',
      detail: `ship sanitation certificate expired ${h.sanitationCertificateValidUntil}`,
    });
  }
  return reasons;
}

export interface Assessment {
  needsReview: boolean;
  reasons: RiskReason[];
}

/**
 * Low risk clears at once. A major finding (a watch-list hit, a health event…) always goes to an
 * officer; minor findings do too, unless the agent is AEO-certified (measure 7 of the seed).
 */
export function assess(reasons: RiskReason[], trustedAgent: boolean): Assessment {
  const needsReview = reasons.some((r) => r.severity === 'MAJOR' || !trustedAgent);
  return { needsReview, reasons };
}

/** How long an officer has: until an hour before ETA, at least 15 minutes, at most a week. */
export function reviewTimeoutSeconds(eta: string, now: Date): number {
  const untilDeadline = Math.floor((Date.parse(eta) - 3_600_000 - now.getTime()) / 1000);
  return Math.min(7 * 86_400, Math.max(900, untilDeadline));
}

/** Findings that depend on the schedule alone: what a schedule-only amendment must check again. */
export function scheduleFindings(d: ArrivalDeclaration, schedule: { eta: string; etd: string }): RiskReason[] {
  const dated = new Set(['ISSC_EXPIRED', 'SANITATION_CERTIFICATE_EXPIRED']);
  return [...vesselFindings(schedule, d, {}), ...healthFindings(d, schedule.eta)].filter((r) => dated.has(r.code));
}

/** How amendments of an arrival declaration are compared (functions/clearance/amendment.ts). */
export const arrivalShape: DeclarationShape<ArrivalDeclaration> = {
  withoutSchedule: ({ schedule: _schedule, ...rest }) => rest,
  withoutPersons: ({ schedule: _s, crew: _c, passengers: _p, general, ...rest }) => {
    const { crewCount: _cc, passengerCount: _pc, personsOnBoard: _pob, ...g } = general;
    return { ...rest, general: g };
  },
  persons: (d) => [...d.crew, ...d.passengers].map((p) => ({ ref: p.ref, particulars: p })),
};
