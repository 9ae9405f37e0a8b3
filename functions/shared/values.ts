// Value formats shared by every payload: instants, call ids and names (port codes: port-code.ts).
import * as z from 'zod';

/** ISO 8601 instant; any offset is accepted and normalised to UTC so keys sort by time. */
export const Instant = z.iso
  .datetime({ offset: true, message: 'must be an ISO 8601 date-time, e.g. 2026-12-03T06:00:00Z' })
  .transform((s) => new Date(s).toISOString());

/** A call's id: `C` and a ULID. */
export const CallId = z.string().regex(/^C[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a call id');

/** The path of every route under `/v1/calls/{callId}`. */
export const CallPath = z.object({ callId: CallId });

/**
 * Characters no name is written with, that would hide or reorder what an officer or the public
 * verification page shows: controls (Cc), format characters (Cf: bidi overrides and isolates,
 * zero-width spaces and joiners, soft hyphens), surrogates (Cs), private use (Co), line and
 * paragraph separators. Refused, never stripped: the name on the document is what was sent.
 */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Zl}\p{Zp}]/u;

/** The rule code of a refused name: a 422 naming the field (see `ruleOf` in the middy chain). */
export const HIDDEN_CHARACTERS_RULE = 'HIDDEN_CHARACTERS';

export const hasHiddenCharacters = (s: string): boolean => HIDDEN.test(s);

/** A name (of a vessel, a person, a berth, a device…): trimmed, 1 to `max` characters, nothing hidden. */
export const NameText = (max: number) =>
  z
    .string()
    .refine((s) => !hasHiddenCharacters(s), {
      abort: true,
      message: 'must not hold control, invisible or direction-changing characters',
      params: { rule: HIDDEN_CHARACTERS_RULE, zh: '不得包含控制字符、不可见字符或改变文字方向的字符' },
    })
    .trim()
    .min(1)
    .max(max);
