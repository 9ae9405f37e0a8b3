// Reference data from kept sources: every port code the API takes is in UNECE's UN/LOCODE list
// (vendored, refreshed by a script), and a ship's MMSI is checked against ITU's MID table.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { announcementWarnings } from '#calls/rules.ts';
import { decodeLocodes, encodeLocodes, hasLocode, locodesOf } from '#reference/un-locode-codec.ts';
import { isKnownLocode, locodeEdition } from '#reference/un-locode.ts';
import { midOf } from '#reference/mid.ts';
import { splitRuleIssues } from '#shared/errors.ts';
import { UnLocode } from '#shared/port-code.ts';
import vendored from '#reference/un-locode.json' with { type: 'json' };
import { announcement } from '../support/fixtures.ts';

const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url).pathname;

/** What a port field answers: accepted, a 422 rule, or a 400 (malformed). */
function verdict(code: string): string {
  const parsed = z.object({ port: UnLocode }).safeParse({ port: code });
  if (parsed.success) return 'accepted';
  const { malformed, rules } = splitRuleIssues(parsed.error);
  return rules.length && !malformed.length ? rules.map((r) => r.rule).join(',') : 'malformed';
}

describe('UN/LOCODE: every port code the API takes exists in the vendored list', () => {
  it.each([
    ['CNTXG', 'Tianjin Xingang'],
    ['CNSHA', 'Shanghai'],
    ['NLRTM', 'Rotterdam'],
    ['SGSIN', 'Singapore'],
    ['DEHAM', 'Hamburg'],
    ['KRPUS', 'Busan'],
    ['USLAX', 'Los Angeles'],
    ['JPYOK', 'Yokohama'],
    ['AEJEA', 'Jebel Ali'],
  ])('accepts %s (%s)', (code) => expect(verdict(code)).toBe('accepted'));

  it.each([
    ['XXABC', 'a country that does not exist'],
    ['CNAAZ', 'a well-formed code China never registered'],
    ['QQABC', 'a user-assigned country code'],
    ['NLRTX', 'one letter off a real port'],
  ])('refuses %s (%s) as a rule naming the edition', (code) => {
    expect(verdict(code)).toBe('LOCODE_UNKNOWN');
    const parsed = z.object({ port: UnLocode }).safeParse({ port: code });
    expect(parsed.error?.issues[0]?.message).toBe(`${code} is not in UN/LOCODE (${locodeEdition()})`);
  });

  it.each([
    ['\u0421NTXG', 'Cyrillic С for C'],
    ['CNT\u0425G', 'Cyrillic Х for X'],
    ['\u039DLRTM', 'Greek Ν for N'],
    ['\uFF23\uFF2E\uFF34\uFF38\uFF27', 'fullwidth ＣＮＴＸＧ'],
    ['CNTXG\u200B', 'a zero-width space after a real code'],
  ])('refuses %s (%s): letters that only look Latin', (code) => {
    expect(verdict(code)).toBe('LOCODE_LOOKALIKE');
  });

  it('names the character that only looks right', () => {
    const parsed = z.object({ port: UnLocode }).safeParse({ port: '\u0421NTXG' });
    expect(parsed.error?.issues[0]?.message).toMatch(/U\+0421 is not a Latin letter/);
    const wide = z.object({ port: UnLocode }).safeParse({ port: '\uFF23NTXG' });
    expect(wide.error?.issues[0]?.message).toMatch(/U\+FF23 is a fullwidth or compatibility form of C/);
  });

  it.each([['cntxg'], ['CNTX1'], ['CNTXG0'], ['CN-TX'], ['']])('answers %j as malformed, not as unknown', (code) =>
    expect(verdict(code)).toBe('malformed'),
  );

  it('carries the whole UNECE list: over 100,000 codes in every country, in under 100 KB', () => {
    expect(vendored.count).toBeGreaterThan(100_000);
    expect(vendored.edition).toMatch(/^\d{4}-\d$/);
    expect(vendored.source).toMatch(/UN\/LOCODE/);
    expect(vendored.data.length).toBeLessThan(100_000);
    const table = decodeLocodes(vendored.data);
    expect([...locodesOf(table)]).toHaveLength(vendored.count);
    expect(table.size).toBeGreaterThan(240);
  });

  it('encodes and decodes any set of codes without losing or inventing one', () => {
    const codes = ['CNTXG', 'CNSHA', 'CNAAA', 'CN999', 'NLRTM', 'XZAAA', 'ADALV'];
    const table = decodeLocodes(encodeLocodes(codes));
    expect([...locodesOf(table)].sort()).toEqual([...codes].sort());
    for (const absent of ['CNTXH', 'NLRTN', 'ADALW', 'XX', 'CNTXGG']) expect(hasLocode(table, absent)).toBe(false);
    expect(() => encodeLocodes(['CN1AB'])).toThrow(/not a UN\/LOCODE/);
  });

  it('answers from the vendored list directly too', () => {
    expect(isKnownLocode('CNTXG')).toBe(true);
    expect(isKnownLocode('CNTXH')).toBe(false);
  });
});

describe('npm run refresh:locodes rebuilds the list from the published CSV or local files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'locodes-'));
  // The three forms the list is published in, a few rows each.
  const datasets = join(dir, 'code-list.csv');
  writeFileSync(
    datasets,
    [
      'Change,Country,Location,Name,NameWoDiacritics,Subdivision,Status,Function,Date,IATA,Coordinates,Remarks',
      ',CN,TXG,Tianjin Xingang Pt,Tianjin Xingang Pt,TJ,AS,1-------,0701,,3859N 11742E,',
      ',CN,SHA,Shanghai,Shanghai,SH,AI,12345---,0001,SHA,3114N 12129E,',
      '+,NL,RTM,"Rotterdam, Port of",Rotterdam,ZH,AI,12345---,0001,,5155N 00430E,',
      ',NL,,NETHERLANDS,NETHERLANDS,,,,,,,',
    ].join('\n'),
  );
  const unece = join(dir, 'CodeListPart1.csv');
  // UNECE's own files: no header, Windows-1252 names.
  writeFileSync(
    unece,
    Buffer.from(
      ',"DE","","GERMANY","GERMANY","","","","","","",""\r\n,"DE","HAM","Hamburg","Hamburg","HH","AI","12345---","9501","","5333N 00959E",""\r\n,"DE","DÜS","Düsseldorf","Dusseldorf","NW","AI","1234----","9501","","",""\r\n',
      'latin1',
    ),
  );
  const perCountry = join(dir, 'SG.csv');
  writeFileSync(perCountry, 'country,location,name,nameWoDiacritics\nSG,SIN,Singapore,Singapore\n');

  it('reads every form offline from paths on the command line, skipping rows that are no code', async () => {
    const out = join(dir, 'un-locode.json');
    const { stdout } = await run(
      process.execPath,
      ['scripts/refresh-locodes.ts', '--edition', '2099-1', '--out', out, datasets, unece, perCountry],
      { cwd: ROOT },
    );
    expect(stdout).toMatch(/5 codes of edition 2099-1; 1 rows skipped/);
    const written = JSON.parse(readFileSync(out, 'utf8'));
    expect(written).toMatchObject({ edition: '2099-1', count: 5, source: 'local CSV files' });
    const codes = [...locodesOf(decodeLocodes(written.data))].sort();
    expect(codes).toEqual(['CNSHA', 'CNTXG', 'DEHAM', 'NLRTM', 'SGSIN']);
  });

  it('refuses to write a list without the edition it is', async () => {
    await expect(run(process.execPath, ['scripts/refresh-locodes.ts', datasets], { cwd: ROOT })).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--edition/),
    });
  });

  it('refuses to overwrite the list with a file that holds no code', async () => {
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, 'country,location\n');
    await expect(
      run(
        process.execPath,
        ['scripts/refresh-locodes.ts', '--edition', '2099-1', '--out', join(dir, 'x.json'), empty],
        {
          cwd: ROOT,
        },
      ),
    ).rejects.toMatchObject({ code: 1 });
  });
});

describe("MMSI: the MID (first three digits) belongs to the flag state (ITU's table)", () => {
  const ship = (mmsi: string, flag: string) =>
    announcementWarnings(announcement({ vessel: { ...announcement().vessel, mmsi, flag } }));

  it.each([
    ['477123400', 'HK', 'Hong Kong'],
    ['412345678', 'CN', 'China'],
    ['413000001', 'CN', 'China, second block'],
    ['353456789', 'PA', 'Panama'],
    ['372000001', 'PA', 'Panama, later block'],
    ['538001234', 'MH', 'Marshall Islands'],
    ['636012345', 'LR', 'Liberia'],
    ['563012345', 'SG', 'Singapore'],
    ['232001234', 'GB', 'United Kingdom'],
    ['319012345', 'KY', 'Cayman Islands'],
    ['440123456', 'KR', 'Korea'],
  ])('no warning for %s under flag %s (%s)', (mmsi, flag) => expect(ship(mmsi, flag)).toEqual([]));

  it.each([
    ['477123400', 'CN', 'HK', 'a Hong Kong MMSI on a ship flagged China'],
    ['412345678', 'PA', 'CN', 'a Chinese MMSI kept after a change to Panama'],
    ['636012345', 'MH', 'LR', 'Liberia for Marshall Islands'],
    ['416000001', 'CN', 'TW', 'Taiwan for China'],
  ])('warns for %s under flag %s: the MID is %s (%s)', (mmsi, flag, country) => {
    const [warning, ...rest] = ship(mmsi, flag);
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({ path: 'vessel.mmsi', rule: 'MMSI_MID_NOT_FLAG' });
    expect(warning!.en).toContain(`(${country}), not to the flag ${flag}`);
  });

  it.each([['200123456'], ['217123456'], ['280000001']])('warns that MID of %s is allocated to no state', (mmsi) =>
    expect(ship(mmsi, 'PA')).toMatchObject([{ path: 'vessel.mmsi', rule: 'MMSI_MID_UNALLOCATED' }]),
  );

  it.each([
    ['003531234', 'a coast station'],
    ['111353123', 'a SAR aircraft'],
    ['993531234', 'an aid to navigation'],
    ['970012345', 'an AIS-SART'],
    ['835312345', 'a handheld VHF'],
  ])('leaves %s (%s) to the refusal of MMSIs that are no ship station', (mmsi) => {
    expect(midOf(mmsi)).toBeUndefined();
    expect(ship(mmsi, 'PA')).toEqual([]);
  });
});
