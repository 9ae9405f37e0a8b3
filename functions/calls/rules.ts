// Port-call rules: pure checks an officer would recognise. No I/O; "now" comes in as an argument.
import type { Principal } from '#shared/auth.ts';
import { isCountryAlpha2, isUnLocode } from '#shared/codes.ts';
import type { ErrorDetail } from '#shared/errors.ts';
import type { Call, CallAnnouncement, CallStatus } from './schema.ts';

/** IMO ship identification number: 7 digits, the last a check digit (weights 7..2, mod 10). */
export function isImoNumber(imo: string): boolean {
  if (!/^\d{7}$/.test(imo)) return false;
  const digits = [...imo].map(Number);
  const sum = digits.slice(0, 6).reduce((acc, d, i) => acc + d * (7 - i), 0);
  return sum % 10 === digits[6];
}

/** A ship station MMSI: 9 digits starting with a Maritime Identification Digit (2–7). */
export function isShipMmsi(mmsi: string): boolean {
  return /^[2-7]\d{8}$/.test(mmsi);
}

/** Every rule the announcement breaks, each with the field it concerns. */
export function announcementViolations(a: CallAnnouncement, now: Date): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (!isImoNumber(a.vessel.imo)) {
    problems.push({ path: 'vessel.imo', message: 'the IMO check digit does not match' });
  }
  if (!isShipMmsi(a.vessel.mmsi)) {
    problems.push({ path: 'vessel.mmsi', message: 'a ship MMSI starts with a maritime identification digit 2 to 7' });
  }
  if (!isCountryAlpha2(a.vessel.flag)) {
    problems.push({ path: 'vessel.flag', message: `${a.vessel.flag} is not an ISO 3166-1 country` });
  }
  for (const field of ['port', 'lastPort', 'nextPort'] as const) {
    const code = a[field];
    if (code !== undefined && !isUnLocode(code)) {
      problems.push({ path: field, message: `${code} does not start with an ISO 3166-1 country code` });
    }
  }
  if (a.lastPort && a.lastPort === a.port) {
    problems.push({ path: 'lastPort', message: 'the last port must differ from the port of call' });
  }
  if (Date.parse(a.eta) >= Date.parse(a.etd)) {
    problems.push({ path: 'etd', message: 'the departure must be after the arrival (ETA before ETD)' });
  }
  if (Date.parse(a.etd) <= now.getTime()) {
    problems.push({ path: 'etd', message: 'the departure is already in the past' });
  }
  return problems;
}

/** Agents see their own calls; officers and supervisors those of their port. */
export function canView(principal: Principal, call: Pick<Call, 'agentId' | 'port'>): boolean {
  return principal.role === 'agent' ? call.agentId === principal.agentId : call.port === principal.port;
}

/** A call can be cancelled until it has been cleared for arrival. */
export const CANCELLABLE: readonly CallStatus[] = ['DRAFT', 'SUBMITTED', 'IN_REVIEW', 'REJECTED'];

export function canCancel(status: CallStatus): boolean {
  return CANCELLABLE.includes(status);
}
