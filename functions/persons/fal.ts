// The crew list (FAL 5) as the border reads it: no seafarer under 16 (MLC 2006, Standard A1.1),
// and one master, on the crew list and named in the general declaration (FAL 1). Pure.
import { type Violation, violation } from '#shared/i18n.ts';
import { matchKey } from '#shared/name-match.ts';
import type { CrewMember } from '#shared/people.ts';

export const MINIMUM_CREW_AGE = 16;

/** Age in whole years on `day` (YYYY-MM-DD), by the calendar: a birthday counts from its day. */
export function ageOn(dateOfBirth: string, day: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Crew under the minimum age on `day`, each at its path. */
export function underAgeViolations(crew: readonly CrewMember[], day: string, field: string): Violation[] {
  return crew.flatMap((p, i) =>
    ageOn(p.dateOfBirth, day) < MINIMUM_CREW_AGE
      ? [
          violation(
            `${field}[${i}].dateOfBirth`,
            'CREW_UNDER_MINIMUM_AGE',
            `${p.ref} is under ${MINIMUM_CREW_AGE} on ${day}: no one under ${MINIMUM_CREW_AGE} may work on board (MLC 2006)`,
            `${p.ref} 于 ${day} 未满 ${MINIMUM_CREW_AGE} 岁：未满 ${MINIMUM_CREW_AGE} 岁者不得在船工作（MLC 2006）`,
          ),
        ]
      : [],
  );
}

/** The master: exactly one crew member of rank MASTER, whose name the general declaration gives. */
export function masterViolations(crew: readonly CrewMember[], masterName: string): Violation[] {
  const masters = crew.map((p, i) => ({ p, i })).filter(({ p }) => p.rank === 'MASTER');
  if (masters.length === 0)
    return [
      violation(
        'crew',
        'MASTER_NOT_ON_CREW_LIST',
        'the crew list has no MASTER: list the master with rank MASTER',
        '船员名单中没有船长：请以 MASTER 职务列出船长',
      ),
    ];
  if (masters.length > 1)
    return masters
      .slice(1)
      .map(({ i }) =>
        violation(
          `crew[${i}].rank`,
          'MORE_THAN_ONE_MASTER',
          'the crew list has more than one MASTER',
          '船员名单中有多名船长',
        ),
      );
  const { p } = masters[0]!;
  const named = matchKey({ familyName: masterName, givenNames: '' });
  if (named !== matchKey(p))
    return [
      violation(
        'general.masterName',
        'MASTER_NAME_MISMATCH',
        `names ${masterName} but the crew list's MASTER is ${p.familyName} ${p.givenNames} (${p.ref})`,
        `船长姓名为 ${masterName}，但船员名单中的船长是 ${p.familyName} ${p.givenNames}（${p.ref}）`,
      ),
    ];
  return [];
}
