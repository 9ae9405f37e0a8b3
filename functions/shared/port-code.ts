// A port code checked against the vendored UN/LOCODE list. Apart from the other value formats
// (values.ts): only the payloads that name a port import this module, and the list (80 KB) is read
// from its file the first time a code is checked (#reference/un-locode.ts).
import * as z from 'zod';
import { describeLookalikes, lookalikeCharacters } from '#reference/lookalike.ts';
import { isKnownLocode, locodeEdition } from '#reference/un-locode.ts';

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
      message: `${ctx.value} is not in UN/LOCODE (${locodeEdition()})`,
      params: { rule: LOCODE_RULES.unknown, zh: `${ctx.value} 不在联合国贸易和运输地点代码 (${locodeEdition()}) 中` },
    });
  });
