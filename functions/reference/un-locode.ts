// Whether a code is in UN/LOCODE, from the list vendored beside this module (source, licence and
// edition inside it; `npm run refresh:locodes` rebuilds it). Read and decoded on first use, not at
// import, so a function that never checks a port pays nothing for it.
import { vendoredLocodes } from '#reference/vendored.ts';
import { decodeLocodes, hasLocode, type LocodeTable } from './un-locode-codec.ts';

let list: ReturnType<typeof vendoredLocodes> | undefined;
let table: LocodeTable | undefined;

/** The UNECE edition of the vendored list, e.g. `2024-1`: messages name it. */
export function locodeEdition(): string {
  list ??= vendoredLocodes();
  return list.edition;
}

export function isKnownLocode(code: string): boolean {
  list ??= vendoredLocodes();
  table ??= decodeLocodes(list.data);
  return hasLocode(table, code);
}
