// Maritime Identification Digits (ITU-R M.585, the MID table of ITU's MARS database) as shipped by
// the mmsi-country-lookup package: the table only, not its parser, read on first use. A ship
// station's MMSI starts with the MID of the state that assigned it, which is normally the flag state.
import { type MidTable, vendoredMids } from '#reference/vendored.ts';

let table: MidTable | undefined;

export interface MidAllocation {
  mid: string;
  /** ISO 3166-1 alpha-2 of the state or territory the MID is allocated to (HK for 477). */
  country: string;
  /** ITU's name, e.g. "Panama (Republic of)". */
  name: string;
}

/** The allocation of a ship station MMSI's MID (9 digits, first 2–7), or undefined if ITU allocated none. */
export function midOf(mmsi: string): MidAllocation | undefined {
  if (!/^[2-7]\d{8}$/.test(mmsi)) return undefined;
  const mid = mmsi.slice(0, 3);
  table ??= vendoredMids();
  const entry = table[mid];
  return entry?.[0] ? { mid, country: entry[0], name: entry[3] ?? entry[0] } : undefined;
}
