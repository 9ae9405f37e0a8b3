// Watch-list name matching against spelling tricks: look-alike letters, compatibility forms,
// invisible characters and accents fold away; different names stay different.
import { describe, expect, it } from 'vitest';
import { matchKey } from '#shared/name-match.ts';

const key = (familyName: string, givenNames: string) => matchKey({ familyName, givenNames });

describe('watch-list name folding', () => {
  it.each([
    ['Cyrillic А in SANTOS', 'S\u0410NTOS', 'Mark'],
    ['Cyrillic О and Е', 'SANT\u041eS', 'MAR\u041a'],
    ['fullwidth ＳＡＮＴＯＳ', '\uff33\uff21\uff2e\uff34\uff2f\uff33', 'Mark'],
    ['a Hangul filler inside the name', 'SAN\u3164TOS', 'Mark'],
    ['a zero-width joiner inside the name', 'SAN\u200dTOS', 'Mark'],
    ['a soft hyphen inside the name', 'SAN\u00adTOS', 'Mark'],
    ['Greek capital alpha and omicron', 'S\u0391NT\u039fS', 'Mark'],
    ['lower case', 'santos', 'mark'],
    ['given and family name swapped', 'Mark', 'Santos'],
    ['an accent on a letter', 'SÁNTOS', 'Márk'],
    ['a combining accent', 'SA\u0301NTOS', 'Mark'],
    ['mathematical bold letters', '\u{1d412}\u{1d400}\u{1d40d}\u{1d413}\u{1d40e}\u{1d412}', 'Mark'],
  ])('%s matches SANTOS Mark', (_case, family, given) => {
    expect(key(family, given)).toBe(key('SANTOS', 'Mark'));
  });

  it.each([
    ['a hyphenated name and its parts', 'GARCIA-LOPEZ', 'Ana', 'GARCIA LOPEZ', 'Ana'],
    ['an apostrophe', "O'BRIEN", 'Sean', 'OBRIEN', 'Sean'],
    ['ß and ss', 'STRAßE', 'Jan', 'STRASSE', 'Jan'],
    ['Ø and O', 'ØSTERGÅRD', 'Lars', 'OSTERGARD', 'Lars'],
    ['Ł and L', 'ŁUKASZ', 'Jan', 'LUKASZ', 'Jan'],
    ['a middle name moved between fields', 'LI', 'Wei Ming', 'LI WEI', 'Ming'],
  ])('%s match', (_case, f1, g1, f2, g2) => {
    expect(key(f1, g1)).toBe(key(f2, g2));
  });

  it.each([
    ['a different family name', 'SANTANA', 'Mark'],
    ['a different given name', 'SANTOS', 'Marco'],
    ['a letter more', 'SANTOSS', 'Mark'],
    ['a missing given name', 'SANTOS', 'Mark Antony'],
  ])('%s does not match SANTOS Mark', (_case, family, given) => {
    expect(key(family, given)).not.toBe(key('SANTOS', 'Mark'));
  });
});
