// Characters that only look like the Latin letters and digits of a code: a Cyrillic С, a Greek Α
// or a fullwidth Ｃ in "СNTXG" reads as CNTXG to an officer but is another string to every
// system the code is passed on to. Any character outside ASCII is one (a code is A–Z and 2–9
// only), so no confusables table is needed here: it would weigh on every bundle that takes a port.

/** Each character of `code` outside ASCII, with the ASCII character NFKC folds it to, if any. */
export function lookalikeCharacters(code: string): { character: string; foldsTo?: string }[] {
  return [...code].flatMap((character) => {
    if (character.charCodeAt(0) < 0x80) return [];
    const folded = character.normalize('NFKC');
    return [/^[A-Z0-9]$/i.test(folded) ? { character, foldsTo: folded.toUpperCase() } : { character }];
  });
}

/** How a message shows a character that cannot be told apart by looking at it: `U+0421`. */
export function describeLookalikes(lookalikes: { character: string; foldsTo?: string }[]): string {
  return lookalikes
    .map(({ character, foldsTo }) => {
      const point = `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      return foldsTo
        ? `${point} is a fullwidth or compatibility form of ${foldsTo}`
        : `${point} is not a Latin letter or digit`;
    })
    .join('; ');
}
