// How a declaration lies in the table. Most fit one item as a plain map, as they always did; a
// large one (a cruise ship's 10,000 passengers are about 3 MB of JSON) is gzipped, and when even
// that outgrows one item it is cut into parts under the same version, so the largest legal
// declaration fits DynamoDB's 400 KB item limit in both runtimes.
import { gunzipSync, gzipSync } from 'node:zlib';

/** JSON up to this size stays a plain map: readable in the console, as before. */
export const INLINE_MAX_BYTES = 100 * 1024;
/** Gzipped bytes per item, leaving room under 400 KB for the key and the version's own fields. */
export const PART_BYTES = 300 * 1024;

export type Packed<D> =
  | { kind: 'inline'; declaration: D }
  | { kind: 'gzip'; gzip: Uint8Array }
  | { kind: 'parts'; parts: Uint8Array[] };

export function pack<D>(declaration: D): Packed<D> {
  const json = Buffer.from(JSON.stringify(declaration));
  if (json.length <= INLINE_MAX_BYTES) return { kind: 'inline', declaration };
  const gzip = gzipSync(json);
  if (gzip.length <= PART_BYTES) return { kind: 'gzip', gzip };
  const parts: Uint8Array[] = [];
  for (let at = 0; at < gzip.length; at += PART_BYTES) parts.push(gzip.subarray(at, at + PART_BYTES));
  return { kind: 'parts', parts };
}

/** The declaration back from its gzipped bytes, whole or as its parts in order. */
export function unpack<D>(gzip: Uint8Array | readonly Uint8Array[]): D {
  const bytes = Array.isArray(gzip) ? Buffer.concat(gzip as Uint8Array[]) : (gzip as Uint8Array);
  return JSON.parse(gunzipSync(bytes).toString('utf8')) as D;
}
