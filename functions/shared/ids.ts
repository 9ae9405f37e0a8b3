// Identifiers: time-sortable ULIDs with a short prefix that says what they name.
import { monotonicFactory } from 'ulid';

const next = monotonicFactory();

export type IdKind = 'call' | 'review' | 'alert' | 'device' | 'permit' | 'landing' | 'webhook';

const PREFIX: Record<IdKind, string> = {
  call: 'C',
  review: 'R',
  alert: 'A',
  device: 'D',
  permit: 'P',
  landing: 'L',
  webhook: 'W',
};

export function newId(kind: IdKind, at: Date = new Date()): string {
  return `${PREFIX[kind]}${next(at.getTime())}`;
}

export const ID_PATTERN = /^[CRADP][0-9A-HJKMNP-TV-Z]{26}$/;
