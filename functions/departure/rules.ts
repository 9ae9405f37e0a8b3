// Departure rules, pure: what makes a departure declaration unacceptable (422), and what keeps a
// departure from clearing by itself, read from the gangway record, alerts and other agencies.
import type { ArrivalDeclaration } from '#arrival/schema.ts';
import { SCHEDULE_HORIZON_DAYS } from '#calls/rules.ts';
import type { RiskReason } from '#clearance/schema.ts';
import { type Violation, violation } from '#shared/i18n.ts';
import type { DepartureDeclaration } from './schema.ts';
import type { DeclarationShape } from '#clearance/amendment.ts';
import { underAgeViolations } from '#persons/fal.ts';

export function arrivalRefs(a: ArrivalDeclaration): string[] {
  return [...a.crew.map((p) => p.ref), ...a.passengers.map((p) => p.ref)];
}

export function departureViolations(d: DepartureDeclaration, arrival: ArrivalDeclaration, now: Date): Violation[] {
  const problems: Violation[] = [];
  const declared = new Set(arrivalRefs(arrival));
  const sailing = new Set<string>();
  d.sailing.forEach((ref, i) => {
    if (!declared.has(ref))
      problems.push(
        violation(
          `sailing[${i}]`,
          'NOT_ON_ARRIVAL_LISTS',
          `${ref} is not on the arrival lists: add them as a sign-on`,
          `${ref} 不在抵港名单上：请作为新上船人员申报`,
        ),
      );
    if (sailing.has(ref))
      problems.push(violation(`sailing[${i}]`, 'DUPLICATE_REF', `${ref} is listed twice`, `${ref} 重复列出`));
    sailing.add(ref);
  });
  const off = new Set<string>();
  d.signOff.forEach((ref, i) => {
    if (!declared.has(ref))
      problems.push(
        violation(
          `signOff[${i}]`,
          'NOT_ON_ARRIVAL_LISTS',
          `${ref} is not on the arrival lists`,
          `${ref} 不在抵港名单上`,
        ),
      );
    if (sailing.has(ref))
      problems.push(
        violation(
          `signOff[${i}]`,
          'BOTH_SAILING_AND_SIGNED_OFF',
          `${ref} cannot both sail and sign off`,
          `${ref} 不能既随船离港又离船`,
        ),
      );
    off.add(ref);
  });
  for (const ref of declared) {
    if (!sailing.has(ref) && !off.has(ref)) {
      problems.push(
        violation(
          'sailing',
          'PERSON_UNACCOUNTED',
          `${ref} from the arrival lists is neither sailing nor signed off`,
          `抵港名单中的 ${ref} 既未随船离港也未申报离船`,
        ),
      );
    }
  }
  const documents = new Set<string>();
  d.signOn.forEach((p, i) => {
    if (declared.has(p.ref) || d.signOn.findIndex((q) => q.ref === p.ref) !== i) {
      problems.push(
        violation(`signOn[${i}].ref`, 'DUPLICATE_REF', `reference ${p.ref} is already used`, `编号 ${p.ref} 已被使用`),
      );
    }
    const doc = `${p.document.type}#${p.document.issuingState}#${p.document.number}`;
    if (documents.has(doc))
      problems.push(
        violation(
          `signOn[${i}].document.number`,
          'DUPLICATE_DOCUMENT',
          'the same document is declared twice',
          '同一证件重复申报',
        ),
      );
    documents.add(doc);
    if (p.document.expiry < d.etd.slice(0, 10)) {
      problems.push(
        violation(
          `signOn[${i}].document.expiry`,
          'DOCUMENT_EXPIRES_BEFORE_ETD',
          `the document expires on ${p.document.expiry}, before the departure`,
          `证件于 ${p.document.expiry} 到期，早于离港时间`,
        ),
      );
    }
  });
  problems.push(...travelViolations(d, now), ...underAgeViolations(d.signOn, d.etd.slice(0, 10), 'signOn'));
  const expected = d.sailing.length + d.signOn.length;
  if (d.personsOnBoard !== expected) {
    problems.push(
      violation(
        'personsOnBoard',
        'PERSONS_ON_BOARD_MISMATCH',
        `says ${d.personsOnBoard} but ${expected} are sailing`,
        `申报在船 ${d.personsOnBoard} 人，但离港名单为 ${expected} 人`,
      ),
    );
  }
  if (Date.parse(d.etd) <= now.getTime()) {
    problems.push(violation('etd', 'ETD_IN_PAST', 'the departure is already in the past', '预计离港时间已过'));
  } else if (Date.parse(d.etd) > now.getTime() + SCHEDULE_HORIZON_DAYS * 86_400_000) {
    problems.push(
      violation(
        'etd',
        'ETD_TOO_FAR',
        `the departure is more than ${SCHEDULE_HORIZON_DAYS} days ahead`,
        `预计离港时间超过 ${SCHEDULE_HORIZON_DAYS} 天之后`,
      ),
    );
  }
  return problems;
}

/**
 * A crew change declares each journey: the onward transport of everyone signing off (their pass
 * ends when it leaves) and the arrival of everyone signing on.
 */
export function travelViolations(d: DepartureDeclaration, now: Date): Violation[] {
  const problems: Violation[] = [];
  const onward = new Map((d.travel?.onward ?? []).map((t) => [t.ref, t]));
  const arrival = new Map((d.travel?.arrival ?? []).map((t) => [t.ref, t]));
  d.signOff.forEach((ref, i) => {
    if (!onward.has(ref))
      problems.push(
        violation(
          `signOff[${i}]`,
          'ONWARD_TRAVEL_MISSING',
          `declare ${ref}'s onward travel (flight or transport and date) in travel.onward`,
          `请在 travel.onward 中申报 ${ref} 的离境行程（航班或交通方式及日期）`,
        ),
      );
  });
  d.signOn.forEach((p, i) => {
    if (!arrival.has(p.ref))
      problems.push(
        violation(
          `signOn[${i}]`,
          'ARRIVAL_TRAVEL_MISSING',
          `declare how and when ${p.ref} arrives at the port in travel.arrival`,
          `请在 travel.arrival 中申报 ${p.ref} 抵达港口的方式和时间`,
        ),
      );
  });
  const signingOff = new Set(d.signOff);
  const signingOn = new Set(d.signOn.map((p) => p.ref));
  (d.travel?.onward ?? []).forEach((t, i) => {
    if (!signingOff.has(t.ref))
      problems.push(
        violation(`travel.onward[${i}].ref`, 'NOT_SIGNING_OFF', `${t.ref} does not sign off`, `${t.ref} 未申报离船`),
      );
    if (Date.parse(t.at) <= now.getTime())
      problems.push(
        violation(
          `travel.onward[${i}].at`,
          'TRANSPORT_ALREADY_LEFT',
          'the onward transport has already left',
          '离境交通工具已出发',
        ),
      );
  });
  (d.travel?.arrival ?? []).forEach((t, i) => {
    if (!signingOn.has(t.ref))
      problems.push(
        violation(`travel.arrival[${i}].ref`, 'NOT_SIGNING_ON', `${t.ref} does not sign on`, `${t.ref} 未申报上船`),
      );
  });
  return problems;
}

export type PresenceOf = (ref: string) => 'ON_BOARD' | 'ASHORE' | 'UNKNOWN' | 'MISSING';

/**
 * Crew reconciliation from the gangway record: everyone sailing is on board, everyone signing on
 * has boarded, everyone signing off has landed, nobody else is on board, and the count matches.
 */
export function reconcile(d: DepartureDeclaration, presence: PresenceOf, onBoardNow: readonly string[]): RiskReason[] {
  const reasons: RiskReason[] = [];
  for (const ref of d.sailing) {
    if (presence(ref) !== 'ON_BOARD')
      reasons.push({
        code: 'SAILING_PERSON_ASHORE',
        severity: 'MAJOR',
        personRef: ref,
        detail: `${ref} is to sail but is ashore by the gangway record`,
      });
  }
  for (const p of d.signOn) {
    if (presence(p.ref) !== 'ON_BOARD')
      reasons.push({
        code: 'SIGN_ON_NOT_BOARDED',
        severity: 'MAJOR',
        personRef: p.ref,
        detail: `${p.ref} signs on but has not boarded`,
      });
  }
  for (const ref of d.signOff) {
    if (presence(ref) === 'ON_BOARD')
      reasons.push({
        code: 'SIGN_OFF_STILL_ON_BOARD',
        severity: 'MAJOR',
        personRef: ref,
        detail: `${ref} signs off but is still on board`,
      });
  }
  const listed = new Set([...d.sailing, ...d.signOn.map((p) => p.ref)]);
  for (const ref of onBoardNow) {
    if (!listed.has(ref))
      reasons.push({
        code: 'ON_BOARD_NOT_LISTED',
        severity: 'MAJOR',
        personRef: ref,
        detail: `${ref} is on board but not on the departure list`,
      });
  }
  if (onBoardNow.length !== d.personsOnBoard) {
    reasons.push({
      code: 'COUNT_MISMATCH',
      severity: 'MAJOR',
      detail: `${onBoardNow.length} on board by the gangway record, ${d.personsOnBoard} declared`,
    });
  }
  return reasons;
}

/** How long an officer has: until half an hour before ETD, at least 15 minutes, at most a week. */
export function departureReviewSeconds(etd: string, now: Date): number {
  return Math.min(7 * 86_400, Math.max(900, Math.floor((Date.parse(etd) - 1_800_000 - now.getTime()) / 1000)));
}

/** How amendments of a departure declaration are compared (functions/clearance/amendment.ts). */
export const departureShape: DeclarationShape<DepartureDeclaration> = {
  withoutSchedule: ({ etd: _etd, ...rest }) => rest,
  withoutPersons: ({ etd: _etd, signOn: _signOn, personsOnBoard: _pob, sailing, signOff }) => ({ sailing, signOff }),
  persons: (d) => d.signOn.map((p) => ({ ref: p.ref, particulars: p })),
};
