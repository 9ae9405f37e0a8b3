// Names as the watch list compares them: spelling tricks folded away before any comparison.
// NFKC (fullwidth and compatibility forms), default-ignorable characters removed (zero-width
// joiners, Hangul fillers), Unicode TS #39 confusable skeletons (Cyrillic А for Latin A; they also
// take letters with a stroke apart, Ø to O and a stroke), accents dropped, case folded, tokens
// sorted so the order of names is irrelevant.
import { type ConfusableTable, vendoredConfusables } from '#reference/vendored.ts';

// Read on first use: the table is 95 KB.
let prototypes: ConfusableTable | undefined;

// Invisible in print but not to a string compare: format characters and every default ignorable.
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}]/gu;

/** The TS #39 skeleton of `s`: NFD, each character replaced by its prototype, NFD again. */
export function skeleton(s: string): string {
  prototypes ??= vendoredConfusables();
  const table = prototypes;
  return [...s.normalize('NFD')]
    .map((ch) => table[ch] ?? ch)
    .join('')
    .normalize('NFD');
}

/** A name as it reads: compatibility forms folded (NFKC), invisible characters removed, upper case. */
export function visibleName(name: string): string {
  return name.normalize('NFKC').replace(INVISIBLE, '').toUpperCase();
}

/** One name folded to what a look-alike, invisible or accented spelling of it also folds to. */
export function foldName(name: string): string {
  // Case first: TS #39 maps capital I to l but leaves i alone, so "Ali" and "ALI" must meet before it.
  const visible = visibleName(name);
  return skeleton(visible)
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/['`\u2019]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Name tokens folded and sorted: "Li Wei", "WEI, LI" and "Ｌｉ Ｗｅｉ" compare equal. */
export function matchKey(p: { familyName: string; givenNames: string }): string {
  return `${foldName(p.familyName)} ${foldName(p.givenNames)}`.split(' ').filter(Boolean).sort().join(' ');
}
