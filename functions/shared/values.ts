// Value formats shared by every payload: instants, port codes and names.
import * as z from 'zod';
import { describeLookalikes, lookalikeCharacters } from '#reference/lookalike.ts';
import { isKnownLocode, LOCODE_EDITION } from '#reference/un-locode.ts';

/** ISO 8601 instant; any offset is accepted and normalised to UTC so keys sort by time. */
export const Instant = z.iso
  .datetime({ offset: true, message: 'must be an ISO 8601 date-time, e.g. 2026-12-03T06:00:00Z' })
  .transform((s) => new Date(s).toISOString());

/** The rule codes of a refused port code: a 422 naming the field. */
export const LOCODE_RULES = { lookalike: 'LOCODE_LOOKALIKE', unknown: 'LOCODE_UNKNOWN' } as const;

/**
 * A UN/LOCODE that exists in the vendored UNECE list (its edition in the message). Letters that
 * only look Latin (Cyrillic С, fullwidth Ｃ) are refused before the form is checked, so the
 * message says what is wrong with a code that reads right.
 */
export const UnLocode = z
  .string()
  .check((ctx) => {
    const lookalikes = lookalikeCharacters(ctx.value);
    if (lookalikes.length === 0) return;
    ctx.issues.push({
      code: 'custom',
      input: ctx.value,
      continue: false,
      message: `is written in A–Z and 2–9 only: ${describeLookalikes(lookalikes)}`,
      params: { rule: LOCODE_RULES.lookalike, zh: '含有形似拉丁字母或数字的其他文字字符' },
    });
  })
  .regex(/^[A-Z]{2}[A-Z2-9]{3}$/, {
    abort: true,
    message: 'must be a UN/LOCODE: 2-letter country and 3 letters or digits, e.g. CNTXG',
  })
  .check((ctx) => {
    if (isKnownLocode(ctx.value)) return;
    ctx.issues.push({
      code: 'custom',
      input: ctx.value,
      message: `${ctx.value} is not in UN/LOCODE (${LOCODE_EDITION})`,
      params: { rule: LOCODE_RULES.unknown, zh: `${ctx.value} 不在联合国贸易和运输地点代码 (${LOCODE_EDITION}) 中` },
    });
  });

/** A call's id: `C` and a ULID. */
export const CallId = z.string().regex(/^C[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a call id');

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
