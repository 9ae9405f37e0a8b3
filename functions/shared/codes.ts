// Reference codes the border uses: ISO 3166 countries (flags alpha-2, documents alpha-3 as printed
// on travel documents) and UN/LOCODE ports.
// The code table only: the package's entry point would pull every language's country names in.
import codes from 'i18n-iso-countries/codes.json' with { type: 'json' };
import { iso31663 } from 'iso-3166/3.js';

const ALPHA2 = new Set(codes.map((c) => c[0]));
const ALPHA3 = new Set(codes.map((c) => c[1]));

/** ICAO 9303 document codes that are not ISO 3166 countries but appear on real documents. */
const ICAO_EXTRA_ALPHA3 = new Set([
  'D',
  'GBD',
  'GBN',
  'GBO',
  'GBP',
  'GBS',
  'UNO',
  'UNA',
  'UNK',
  'XXA',
  'XXB',
  'XXC',
  'XXX',
  'EUE',
  'XOM',
  'XPO',
  'XCC',
  'XES',
  'XMP',
  'XBA',
  'XIM',
  'XDC',
  'XCO',
]);

export function isCountryAlpha2(code: string): boolean {
  return ALPHA2.has(code);
}

export function isCountryAlpha3(code: string): boolean {
  return ALPHA3.has(code) || ICAO_EXTRA_ALPHA3.has(code);
}

/** ISO 3166-3 alpha-4 codes of countries that no longer exist (SUHH the USSR, YUCS Yugoslavia, DDDE the GDR). */
const FORMER_ALPHA4 = new Set(iso31663.map((c) => c.alpha4));

/** A country of birth: ISO 3166-1 alpha-3, or the ISO 3166-3 alpha-4 code of a former country. */
export function isCountryOfBirth(code: string): boolean {
  return ALPHA3.has(code) || FORMER_ALPHA4.has(code);
}

/** UN/LOCODE: the ISO country of the port, then three letters or digits 2–9. */
export function isUnLocode(code: string): boolean {
  return /^[A-Z]{2}[A-Z2-9]{3}$/.test(code) && isCountryAlpha2(code.slice(0, 2));
}
