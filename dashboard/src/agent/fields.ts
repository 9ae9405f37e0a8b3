// Forms check what they send with the API's own zod schemas, and show the API's refusals on the
// fields they name: both speak paths like `vessel.imo` or `crew.3.document.expiry`. Pure.
import type * as z from 'zod';
import { type Lang, zodErrorMap } from '../../../functions/shared/i18n.ts';
/** An entry of the API's error `details`. */
interface ErrorDetail {
  path: string;
  message: string;
}

export type FieldErrors = Record<string, string>;

/** Each offending path's first message, as the API's `details` would name it (and word it:
 *  zod's own messages in the page's language, those written into the schemas in English). */
export function issuesOf(schema: z.ZodType, value: unknown, lang: Lang = 'en'): FieldErrors {
  const error = zodErrorMap(lang);
  const parsed = schema.safeParse(value, error ? { error } : undefined);
  if (parsed.success) return {};
  const out: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.join('.');
    out[path] ??= issue.message;
  }
  return out;
}

/** One spelling of a path: `/crew/3/rank` and `crew[3].rank` are both `crew.3.rank`. */
export const pathOf = (path: string) =>
  path
    .replace(/^\//, '')
    .replaceAll('/', '.')
    .replace(/\[(\d+)\]/g, '.$1');

/** The API's details as field errors. */
export function detailsOf(details: readonly ErrorDetail[]): FieldErrors {
  const out: FieldErrors = {};
  for (const d of details) out[pathOf(d.path)] ??= d.message;
  return out;
}

/** The errors under `prefix` (e.g. `crew.3.`), with the prefix taken off. */
export function under(errors: FieldErrors, prefix: string): FieldErrors {
  return Object.fromEntries(
    Object.entries(errors)
      .filter(([p]) => p.startsWith(prefix))
      .map(([p, m]) => [p.slice(prefix.length), m]),
  );
}

/** The zone's offset from UTC in ms at the instant `utc`. */
function offsetAt(zone: string, utc: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utc));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - utc;
}

/**
 * The UTC instant of a wall-clock date (`2026/12/03` or `2026-12-03`) and time (`14:30`) in the
 * port's zone, or undefined when either is incomplete. Checked twice so a change of offset between
 * the guess and the answer (daylight saving) lands on the right side.
 */
export function fromPortTime(date: string, time: string, zone: string): string | undefined {
  const d = /^(\d{4})[/-](\d{2})[/-](\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return undefined;
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  if (Number.isNaN(wall)) return undefined;
  let utc = wall - offsetAt(zone, wall);
  utc = wall - offsetAt(zone, utc);
  return new Date(utc).toISOString();
}

/** The port's wall-clock date (`YYYY-MM-DD`) and time (`HH:mm`) of a UTC instant. */
export function toPortTime(iso: string, zone: string): { date: string; time: string } {
  const utc = Date.parse(iso);
  const local = new Date(utc + offsetAt(zone, utc)).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}
