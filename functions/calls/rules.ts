// Port-call rules: pure checks an officer would recognise. No I/O; "now" comes in as an argument.
import type { Principal } from '#shared/auth.ts';
import { isCountryAlpha2, isUnLocode } from '#shared/codes.ts';
import { type Violation, violation } from '#shared/i18n.ts';
import { midOf } from '#reference/mid.ts';
import type { Call, CallAnnouncement } from './schema.ts';

/** The check digit of an IMO number's first six digits (weights 7..2, mod 10). */
export function imoCheckDigit(six: string): number {
  return [...six].reduce((acc, d, i) => acc + Number(d) * (7 - i), 0) % 10;
}

/** IMO ship identification number: 7 digits, the last a check digit. */
export function isImoNumber(imo: string): boolean {
  return /^\d{7}$/.test(imo) && imoCheckDigit(imo.slice(0, 6)) === Number(imo[6]);
}

/** A ship station MMSI: 9 digits starting with a Maritime Identification Digit (2–7). */
export function isShipMmsi(mmsi: string): boolean {
  return /^[2-7]\d{8}$/.test(mmsi);
}

/** Every rule the announcement breaks, each with the field it concerns. */
export function announcementViolations(a: CallAnnouncement, now: Date): Violation[] {
  const problems: Violation[] = [];
  if (!isImoNumber(a.vessel.imo)) {
    problems.push(
      violation('vessel.imo', 'IMO_CHECK_DIGIT', 'the IMO check digit does not match', 'IMO 编号校验位不正确'),
    );
  }
  if (!isShipMmsi(a.vessel.mmsi)) {
    problems.push(
      violation(
        'vessel.mmsi',
        'MMSI_NOT_A_SHIP',
        'a ship MMSI starts with a maritime identification digit 2 to 7',
        '船舶 MMSI 应以海上识别数字 2 至 7 开头',
      ),
    );
  }
  if (!isCountryAlpha2(a.vessel.flag)) {
    problems.push(
      violation(
        'vessel.flag',
        'FLAG_UNKNOWN',
        `${a.vessel.flag} is not an ISO 3166-1 country`,
        `${a.vessel.flag} 不是 ISO 3166-1 国家代码`,
      ),
    );
  }
  for (const field of ['port', 'lastPort', 'nextPort'] as const) {
    const code = a[field];
    if (code !== undefined && !isUnLocode(code)) {
      problems.push(
        violation(
          field,
          'LOCODE_COUNTRY_UNKNOWN',
          `${code} does not start with an ISO 3166-1 country code`,
          `${code} 的前两位不是 ISO 3166-1 国家代码`,
        ),
      );
    }
  }
  if (a.lastPort && a.lastPort === a.port) {
    problems.push(
      violation(
        'lastPort',
        'LAST_PORT_IS_THIS_PORT',
        'the last port must differ from the port of call',
        '上一港不能与本港相同',
      ),
    );
  }
  if (Date.parse(a.eta) < now.getTime() - DAY_MS) {
    problems.push(
      violation(
        'eta',
        'ETA_IMPLAUSIBLE',
        'a call is announced before the ship arrives: the ETA is more than a day in the past',
        '船舶抵港前须申报：预计抵港时间已过去一天以上',
      ),
    );
  }
  problems.push(...scheduleViolations(a, now));
  return problems;
}

/**
 * What the agent should look at but may announce anyway: a ship station MMSI whose MID (its first
 * three digits) belongs to another state than the flag. Ships change flag and keep their MMSI for
 * a while, so this warns rather than refuses. MMSIs that are no ship station are refused above.
 */
export function announcementWarnings(a: CallAnnouncement): Violation[] {
  const { mmsi, flag } = a.vessel;
  if (!isShipMmsi(mmsi) || !isCountryAlpha2(flag)) return [];
  const mid = midOf(mmsi);
  if (!mid) {
    return [
      violation(
        'vessel.mmsi',
        'MMSI_MID_UNALLOCATED',
        `the MMSI starts with ${mmsi.slice(0, 3)}, a MID that ITU has not allocated to any state: check the MMSI on the ship's radio licence`,
        `MMSI 前三位 ${mmsi.slice(0, 3)} 不是国际电联分配的海上识别数字：请核对船舶电台执照上的 MMSI`,
      ),
    ];
  }
  if (mid.country === flag) return [];
  return [
    violation(
      'vessel.mmsi',
      'MMSI_MID_NOT_FLAG',
      `the MMSI's MID ${mid.mid} belongs to ${mid.name} (${mid.country}), not to the flag ${flag}: if the ship changed flag, its new flag state assigns a new MMSI; correct the MMSI or the flag`,
      `MMSI 的海上识别数字 ${mid.mid} 属于 ${mid.country}，与船旗 ${flag} 不符：如船舶已变更船旗，新船旗国会分配新的 MMSI；请更正 MMSI 或船旗`,
    ),
  ];
}

const DAY_MS = 86_400_000;
/** How far ahead a call may be announced, and how long a ship may stay. */
export const SCHEDULE_HORIZON_DAYS = 366;
/** How far a reported movement time may be ahead of the server clock. */
export const MOVEMENT_CLOCK_SKEW_MS = 5 * 60_000;

/** ETA before ETD, and a departure still ahead: checked on announcement and on every amendment. */
export function scheduleViolations(s: { eta: string; etd: string }, now: Date, path = ''): Violation[] {
  const at = (field: string) => (path ? `${path}.${field}` : field);
  const problems: Violation[] = [];
  if (Date.parse(s.eta) >= Date.parse(s.etd)) {
    problems.push(
      violation(
        at('etd'),
        'ETD_NOT_AFTER_ETA',
        'the departure must be after the arrival (ETA before ETD)',
        '预计离港时间必须晚于预计抵港时间',
      ),
    );
  }
  if (Date.parse(s.etd) <= now.getTime()) {
    problems.push(violation(at('etd'), 'ETD_IN_PAST', 'the departure is already in the past', '预计离港时间已过'));
  }
  if (Date.parse(s.eta) > now.getTime() + SCHEDULE_HORIZON_DAYS * DAY_MS) {
    problems.push(
      violation(
        at('eta'),
        'ETA_TOO_FAR',
        `the arrival is more than ${SCHEDULE_HORIZON_DAYS} days ahead`,
        `预计抵港时间超过 ${SCHEDULE_HORIZON_DAYS} 天之后`,
      ),
    );
  }
  if (Date.parse(s.etd) - Date.parse(s.eta) > SCHEDULE_HORIZON_DAYS * DAY_MS) {
    problems.push(
      violation(
        at('etd'),
        'STAY_TOO_LONG',
        `the departure is more than ${SCHEDULE_HORIZON_DAYS} days after the arrival`,
        `预计离港时间晚于预计抵港时间 ${SCHEDULE_HORIZON_DAYS} 天以上`,
      ),
    );
  }
  return problems;
}

/**
 * An actual arrival (ATA) or departure (ATD) the ship can have made: not before the call was
 * announced (a day's grace for an agent's late announcement), not before its arrival, not ahead
 * of the clock.
 */
export function movementViolations(
  call: Pick<Call, 'createdAt' | 'ata'>,
  kind: 'ata' | 'atd',
  at: string,
  now: Date,
): Violation[] {
  const time = Date.parse(at);
  const earliest = kind === 'atd' && call.ata ? Date.parse(call.ata) : Date.parse(call.createdAt) - DAY_MS;
  const name = kind === 'ata' ? 'arrival' : 'departure';
  if (time > now.getTime() + MOVEMENT_CLOCK_SKEW_MS) {
    return [violation('at', 'MOVEMENT_IN_FUTURE', `the ${name} time is ahead of the clock`, '实际时间晚于当前时间')];
  }
  if (time < earliest) {
    return [
      violation(
        'at',
        'MOVEMENT_BEFORE_CALL',
        kind === 'atd' && call.ata
          ? `the departure time ${at} is before the ship arrived (${call.ata})`
          : `the arrival time ${at} is before the call was announced (${call.createdAt})`,
        kind === 'atd' && call.ata ? '实际离港时间早于实际抵港时间' : '实际抵港时间早于本次靠港申报时间',
      ),
    ];
  }
  return [];
}

/** Agents see their own calls; officers and supervisors those of their port. */
export function canView(principal: Principal, call: Pick<Call, 'callId' | 'agentId' | 'port'>): boolean {
  switch (principal.role) {
    case 'agent':
      return call.agentId === principal.agentId;
    case 'device':
      return call.callId === principal.callId;
    default:
      return call.port === principal.port;
  }
}
