// Every code the API can send the dashboard has words in English and in Chinese, so no page ever
// falls back to showing a raw code.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CallStatus } from '#calls/schema.ts';
import { ClearanceState } from '#clearance/schema.ts';
import { DEFAULT_AGENCIES } from '#departure/agencies.ts';
import { Danger } from '#gangway/danger.ts';
import { SEVERITY as ALERT_SEVERITY } from '#gangway/rules.ts';
import { PermitStatus } from '#permits/schema.ts';
import {
  AGENCY,
  ALERT_RULE,
  CLEARANCE,
  DANGER,
  PERMIT_STATUS,
  REASON,
  STATUS,
  say,
} from '../../dashboard/src/catalogue.ts';

/** The review reason codes the rules give (`code: 'X'` in functions/). */
function reasonCodes(): string[] {
  const dir = new URL('../../functions/', import.meta.url);
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  const codes = files.flatMap((f) =>
    [...readFileSync(new URL(f, dir), 'utf8').matchAll(/\bcode: '([A-Z][A-Z_]+)'/g)].map((m) => m[1]!),
  );
  return [...new Set(codes)];
}

const complete = (table: Record<string, { en: string; zh: string }>, codes: readonly string[]) =>
  codes.filter((code) => !table[code]?.en || !/[\u4e00-\u9fff]/.test(table[code]?.zh ?? ''));

describe('label catalogue', () => {
  it.each([
    ['call statuses', STATUS, [...CallStatus.options, 'ARRIVAL_REVIEW', 'DEPARTURE_REVIEW']],
    ['clearance states', CLEARANCE, ClearanceState.options],
    ['alert rules', ALERT_RULE, Object.keys(ALERT_SEVERITY)],
    ['dangers', DANGER, Danger.options],
    ['agencies', AGENCY, DEFAULT_AGENCIES],
    ['review reasons', REASON, reasonCodes()],
    ['permit states', PERMIT_STATUS, PermitStatus.options],
  ] as const)('has English and Chinese words for every one of the %s', (_what, table, codes) => {
    expect(codes.length).toBeGreaterThan(0);
    expect(complete(table, codes)).toEqual([]);
  });

  it('shows a code it does not know as the code, never as nothing', () => {
    expect(say(STATUS, 'SOMETHING_NEW', 'zh')).toBe('SOMETHING_NEW');
    expect(say(STATUS, 'IN_PORT', 'zh')).toBe('在港');
  });
});
