// The vendored UN/LOCODE list in a compact form: per country, the sorted location codes as gaps
// between their indexes in base 34 (A–Z, 2–9), each gap a varint, the whole gzipped. 115,000
// codes take about 90 KB as base64 instead of 350 KB of text, because every bundle that checks a
// port carries it.
// fflate rather than node:zlib: the web app checks ports with the same schemas in the browser.
import { gunzipSync, gzipSync } from 'fflate';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ23456789';
const BASE = ALPHABET.length;

/** A location code (the three characters after the country) as its index, or -1 if it cannot be one. */
export function locationIndex(location: string): number {
  if (location.length !== 3) return -1;
  let index = 0;
  for (const ch of location) {
    const digit = ALPHABET.indexOf(ch);
    if (digit < 0) return -1;
    index = index * BASE + digit;
  }
  return index;
}

const locationOf = (index: number) =>
  ALPHABET[Math.floor(index / (BASE * BASE))]! + ALPHABET[Math.floor(index / BASE) % BASE]! + ALPHABET[index % BASE]!;

/** Country (ISO 3166-1 alpha-2, or XZ for international waters) → sorted location indexes. */
export type LocodeTable = Map<string, Uint16Array>;

export function encodeLocodes(codes: Iterable<string>): string {
  const byCountry = new Map<string, Set<number>>();
  for (const code of codes) {
    const index = locationIndex(code.slice(2));
    if (!/^[A-Z]{2}$/.test(code.slice(0, 2)) || index < 0) throw new Error(`${code} is not a UN/LOCODE`);
    const set = byCountry.get(code.slice(0, 2)) ?? new Set<number>();
    byCountry.set(code.slice(0, 2), set.add(index));
  }
  const bytes: number[] = [];
  const varint = (n: number) => {
    let rest = n;
    do {
      const low = rest & 0x7f;
      rest >>>= 7;
      bytes.push(rest ? low | 0x80 : low);
    } while (rest);
  };
  for (const country of [...byCountry.keys()].sort()) {
    const indexes = [...byCountry.get(country)!].sort((a, b) => a - b);
    bytes.push(country.charCodeAt(0), country.charCodeAt(1));
    varint(indexes.length);
    let previous = -1;
    for (const index of indexes) {
      varint(index - previous - 1);
      previous = index;
    }
  }
  const zipped = gzipSync(Uint8Array.from(bytes), { level: 9 });
  let binary = '';
  for (const byte of zipped) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function decodeLocodes(base64: string): LocodeTable {
  const bytes = gunzipSync(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
  const table: LocodeTable = new Map();
  let at = 0;
  const varint = () => {
    let value = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = bytes[at++]!;
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return value;
  };
  while (at < bytes.length) {
    const country = String.fromCharCode(bytes[at]!, bytes[at + 1]!);
    at += 2;
    const indexes = new Uint16Array(varint());
    let previous = -1;
    for (let i = 0; i < indexes.length; i++) {
      previous += varint() + 1;
      indexes[i] = previous;
    }
    table.set(country, indexes);
  }
  return table;
}

export function hasLocode(table: LocodeTable, code: string): boolean {
  const indexes = table.get(code.slice(0, 2));
  const wanted = locationIndex(code.slice(2));
  if (!indexes || code.length !== 5 || wanted < 0) return false;
  let low = 0;
  let high = indexes.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    if (indexes[mid]! === wanted) return true;
    if (indexes[mid]! < wanted) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}

/** Every code of the table, for the refresh script's report and the tests. */
export function* locodesOf(table: LocodeTable): Generator<string> {
  for (const [country, indexes] of table) for (const index of indexes) yield country + locationOf(index);
}
