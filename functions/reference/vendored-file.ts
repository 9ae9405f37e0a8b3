// The vendored reference tables read from their files on first use (see vendored-inline.ts, which
// the browser gets instead). A Lambda bundle does not carry them: infra puts them beside each bundle
// (infra/bundling.ts), where the same paths resolve as they resolve in the project here.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { MidTable, VendoredLocodes } from './vendored-inline.ts';

export type { MidTable, VendoredLocodes };

const read = (path: string | URL) => JSON.parse(readFileSync(path, 'utf8'));

/** Beside this module in the project, beside the bundle on Lambda. */
export const vendoredLocodes = (): VendoredLocodes => read(new URL('./un-locode.json', import.meta.url));

/** In node_modules in the project, in node_modules beside the bundle on Lambda. */
export const vendoredMids = (): MidTable =>
  read(createRequire(import.meta.url).resolve('mmsi-country-lookup/lib/mids.json'));
