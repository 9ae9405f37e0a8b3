// A TrueType font of a few glyphs, built byte by byte, for what the shipped font cannot show: it has
// no composite glyphs in the characters it maps, short loca offsets and a full hmtx. Table layouts:
// the OpenType specification (head, hhea, maxp, hmtx, loca, glyf, cmap format 4).

/** Glyphs of the tiny font; composites name the glyphs they draw. */
export const TINY = {
  A: 1, // simple, mapped from 'A'
  ring: 2, // simple, mapped from U+02DA
  Aring: 3, // composite of A and ring, mapped from 'Å'
  B: 4, // composite of Aring (nested), mapped from 'B' through the glyph-id array
  loop: 5, // composite that draws itself and a glyph the font does not have
  count: 6,
  /** hmtx has full metrics for the first three glyphs; the rest repeat the last advance. */
  advances: [500, 600, 300],
  unitsPerEm: 1000,
} as const;

const words = (...values: number[]) => {
  const out = new DataView(new ArrayBuffer(values.length * 2));
  values.forEach((v, i) => out.setUint16(i * 2, v & 0xffff));
  return new Uint8Array(out.buffer);
};
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const even = (bytes: Uint8Array) => (bytes.length % 2 ? concat(bytes, new Uint8Array(1)) : bytes);

/** One contour of one point: header, end point, no instructions, a flag and two byte coordinates. */
const simple = () => even(concat(words(1, 0, 0, 10, 20, 0, 0), new Uint8Array([0x37, 10, 20])));
const ARGS_ARE_WORDS = 0x0001;
const XY_VALUES = 0x0002;
const SCALE = 0x0008;
const MORE = 0x0020;
/** A composite: each component's glyph, the first with word offsets, the others with byte offsets and a scale. */
const composite = (...glyphs: number[]) =>
  concat(
    words(0xffff, 0, 0, 10, 20),
    ...glyphs.map((glyph, i) => {
      const more = i < glyphs.length - 1 ? MORE : 0;
      return i === 0
        ? words(ARGS_ARE_WORDS | XY_VALUES | more, glyph, 5, 6)
        : concat(words(XY_VALUES | SCALE | more, glyph), new Uint8Array([1, 2]), words(0x4000));
    }),
  );

export interface TinyFontOptions {
  /** Replace a glyph's bytes (e.g. a composite cut short). */
  glyph?: Partial<Record<number, Uint8Array>>;
}

export function tinyFont(options: TinyFontOptions = {}): Uint8Array {
  const glyphs = [
    simple(), // .notdef
    simple(),
    simple(),
    composite(TINY.A, TINY.ring),
    composite(TINY.Aring),
    composite(TINY.loop, 99),
  ].map((g, i) => even(options.glyph?.[i] ?? g));
  const offsets: number[] = [0];
  for (const g of glyphs) offsets.push(offsets.at(-1)! + g.length);

  const head = concat(
    words(1, 0, 1, 0, 0, 0, 0x5f0f, 0x3cf5, 0, TINY.unitsPerEm),
    new Uint8Array(16), // created, modified
    words(0, -200 & 0xffff, 900, 800, 0, 8, 2, 0, 0), // bbox, macStyle, lowestRecPPEM, direction, short loca, format
  );
  const hhea = concat(words(1, 0, 800, -200 & 0xffff, 90, 600), new Uint8Array(22), words(TINY.advances.length));
  const maxp = words(0, 0x5000, TINY.count);
  const hmtx = concat(...TINY.advances.map((a, i) => words(a, i * 10)), words(40, 50, 60));
  const loca = words(...offsets.map((o) => o / 2));
  // cmap format 4: 'A' 'B'-'C' (through the glyph-id array; 'C' has no glyph) 'Å' U+02DA, and the closing 0xFFFF.
  const ends = [0x41, 0x43, 0xc5, 0x2da, 0xffff];
  const starts = [0x41, 0x42, 0xc5, 0x2da, 0xffff];
  const deltas = [TINY.A - 0x41, 0, TINY.Aring - 0xc5, TINY.ring - 0x2da, 1];
  const segments = ends.length;
  // The second segment's range offset counts from its own idRangeOffset entry to the glyph-id array.
  const rangeOffsets = [0, (segments - 1) * 2, 0, 0, 0];
  const format4 = concat(
    words(4, 0, 0, segments * 2, 8, 2, segments * 2 - 8),
    words(...ends),
    words(0),
    words(...starts),
    words(...deltas),
    words(...rangeOffsets),
    words(TINY.B, 0),
  );
  new DataView(format4.buffer).setUint16(2, format4.length);
  const cmap = concat(words(0, 1, 3, 1, 0, 12), format4);

  return sfnt([
    ['cmap', cmap],
    ['glyf', concat(...glyphs)],
    ['head', head],
    ['hhea', hhea],
    ['hmtx', hmtx],
    ['loca', loca],
    ['maxp', maxp],
  ]);
}

/** Tables laid out after their directory, each at a 4-byte boundary; checksums are left 0. */
function sfnt(tables: [string, Uint8Array][]) {
  const header = new DataView(new ArrayBuffer(12 + tables.length * 16));
  header.setUint32(0, 0x00010000);
  header.setUint16(4, tables.length);
  let offset = header.byteLength;
  const body: Uint8Array[] = [];
  tables.forEach(([tag, bytes], i) => {
    for (let c = 0; c < 4; c++) header.setUint8(12 + i * 16 + c, tag.charCodeAt(c));
    header.setUint32(12 + i * 16 + 8, offset);
    header.setUint32(12 + i * 16 + 12, bytes.length);
    const padded = concat(bytes, new Uint8Array((4 - (bytes.length % 4)) % 4));
    body.push(padded);
    offset += padded.length;
  });
  return concat(new Uint8Array(header.buffer), ...body);
}

/** The table directory of a font file: tag → offset, length, checksum. */
export function tablesOf(file: Uint8Array) {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const tables = new Map<string, { offset: number; length: number; checksum: number }>();
  for (let i = 0; i < view.getUint16(4); i++) {
    const at = 12 + i * 16;
    tables.set(String.fromCharCode(...file.subarray(at, at + 4)), {
      checksum: view.getUint32(at + 4),
      offset: view.getUint32(at + 8),
      length: view.getUint32(at + 12),
    });
  }
  return tables;
}

/** The sum of a run of bytes as big-endian 32-bit words, zero-padded: a table's or a file's checksum. */
export function sfntChecksum(bytes: Uint8Array) {
  const padded = concat(bytes, new Uint8Array((4 - (bytes.length % 4)) % 4));
  const view = new DataView(padded.buffer);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}
