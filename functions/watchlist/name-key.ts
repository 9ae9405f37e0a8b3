// The name key the watch list matches on, beyond look-alike letters: a name written wholly in
// another script (ИВАНОВ, ΠΑΠΑΔΟΠΟΥΛΟΣ, 王伟, たなか) is transliterated to the Latin spelling a
// passport's data page gives it, so a watch-list entry IVANOV meets a crew list in Cyrillic.
// A word that mixes Latin with other letters is a spelling trick, not a name in another script:
// it keeps the TS #39 skeleton (SАNTOS with a Cyrillic А is SANTOS, not SANTOS transliterated).
import { type Romaniser, vendoredRomaniser } from '#reference/vendored.ts';
import { foldName, matchKey, visibleName } from '#shared/name-match.ts';

/**
 * Where the library's romanisation differs from ICAO Doc 9303 Part 3 (the transliteration of
 * machine-readable travel documents), ICAO's, so the key spells a name as its passport does:
 * Cyrillic Х KH, Ц TS, Й I, Ю IU, Я IA, Ъ IE, Ь dropped, Ё E, Є IE, Ї I; Greek ΟΥ OU.
 */
const ICAO_9303: [string, string][] = [
  ['Х', 'KH'],
  ['Ц', 'TS'],
  ['Й', 'I'],
  ['Ю', 'IU'],
  ['Я', 'IA'],
  ['Ъ', 'IE'],
  ['Ь', ''],
  ['Ё', 'E'],
  ['Є', 'IE'],
  ['Ї', 'I'],
  ['ΟΥ', 'OU'],
  ['ΌΥ', 'OU'],
  ['ΟΎ', 'OU'],
];

// Loaded the first time a word is not in Latin letters: most crew lists never need it.
let romaniser: Romaniser | undefined;

const LATIN = /\p{Script=Latin}/u;
const LETTER = /\p{L}/u;

function foldWord(word: string): string {
  if (LATIN.test(word) || !LETTER.test(word)) return foldName(word);
  // Chinese characters of one word stay one word (王小明 → WANGXIAOMING, as a passport writes it).
  romaniser ??= vendoredRomaniser();
  return foldName(romaniser(word, { replace: ICAO_9303, fixChineseSpacing: false }));
}

/** The key a watch-list entry is stored under and a person is looked up by: words folded and sorted. */
export function watchNameKey(p: { familyName: string; givenNames: string }): string {
  return `${visibleName(p.familyName)} ${visibleName(p.givenNames)}`
    .split(/[\s,]+/u)
    .map(foldWord)
    .join(' ')
    .split(' ')
    .filter(Boolean)
    .sort()
    .join(' ');
}

/**
 * The name keys to look a person up by: the transliterated key, and the look-alike skeleton of
 * every word when that differs (ВОВ written in Cyrillic to pass as BOB reads VOV transliterated,
 * BOB as a skeleton: both are looked up).
 */
export function watchNameKeys(p: { familyName: string; givenNames: string }): string[] {
  return [...new Set([watchNameKey(p), matchKey(p)])];
}
