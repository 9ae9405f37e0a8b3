// Whether a code is in UN/LOCODE, from the list vendored beside this module (source, licence and
// edition inside it; `npm run refresh:locodes` rebuilds it). Decoded on first use, not at import,
// so bundles that only route requests pay nothing.
import vendored from './un-locode.json' with { type: 'json' };
import { decodeLocodes, hasLocode, type LocodeTable } from './un-locode-codec.ts';

/** The UNECE edition of the vendored list, e.g. `2024-1`: messages name it. */
export const LOCODE_EDITION: string = vendored.edition;

let table: LocodeTable | undefined;

export function isKnownLocode(code: string): boolean {
  table ??= decodeLocodes(vendored.data);
  return hasLocode(table, code);
}
