// A TrueType font read for printing, and cut down to the glyphs a document uses: what a PDF embeds
// as FontFile2 of a CIDFontType2 font (ISO 32000-1 §9.9). The permit's CJK font is 10 MB; its
// subset is tens of KB. Only glyf-based TrueType (not CFF) is read: the font shipped is one.
// Table layouts: the OpenType specification (cmap formats 4 and 12, glyf composites, loca, hmtx).

/** A font file parsed far enough to map characters to glyphs, measure them and subset them. */
export interface TrueTypeFont {
  unitsPerEm: number;
  /** Ascender, descender and line gap (hhea), in font units; the descender is negative. */
  ascender: number;
  descender: number;
  lineGap: number;
  /** xMin, yMin, xMax, yMax of every glyph (head), in font units. */
  bbox: [number, number, number, number];
  capHeight: number;
  /** The glyph of a code point, 0 (.notdef) when the font has none. */
  glyphOf(codePoint: number): number;
  /** A glyph's advance width, in font units. */
  advanceOf(glyph: number): number;
  /**
   * A font of the given glyphs only (and the glyphs composites among them draw), renumbered from 1
   * after .notdef: `glyphs[i]` is the glyph of the original font that glyph `i` of the subset is.
   */
  subset(glyphs: readonly number[]): { file: Uint8Array; glyphs: number[] };
}

const COPIED = ['cvt ', 'fpgm', 'prep'] as const;
/**
 * A 'cmap' that maps no character (one format-4 segment, the closing 0xFFFF): a PDF reaches glyphs
 * by their ids, but font sanitisers and tools refuse a TrueType file without a 'cmap'.
 */
const EMPTY_CMAP = Uint8Array.from([
  ...[0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12], // version 0, one subtable: Windows Unicode BMP at 12
  ...[0, 4, 0, 24, 0, 0, 0, 2, 0, 2, 0, 0, 0, 0], // format 4, length 24, one segment
  ...[0xff, 0xff, 0, 0, 0xff, 0xff, 0, 1, 0, 0], // end, pad, start, delta, range offset
]);

/**
 * A copy of bytes of the file, to edit. Not `file.slice`: on the Buffer that `readFileSync` gives
 * it is a view, and edits would land in the font every later print reads.
 */
const copyOf = (file: Uint8Array, start: number, end: number) => new Uint8Array(file.subarray(start, end));

/** Thrown for a file that is not a glyf-based TrueType font or whose tables lie outside it. */
export class FontError extends Error {}

export function readTrueType(file: Uint8Array): TrueTypeFont {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const tables = tableDirectory(file, view);
  const table = (tag: string) => {
    const t = tables.get(tag);
    if (!t) throw new FontError(`the font has no '${tag}' table`);
    return t;
  };
  const head = table('head');
  const hhea = table('hhea');
  const numGlyphs = view.getUint16(table('maxp').offset + 4);
  const longLoca = view.getInt16(head.offset + 50) === 1;
  const numberOfHMetrics = view.getUint16(hhea.offset + 34);
  const hmtx = table('hmtx').offset;
  const loca = table('loca').offset;
  const glyf = table('glyf');
  const os2 = tables.get('OS/2');
  const cmap = characterMap(view, table('cmap').offset);

  const glyphRange = (glyph: number): [number, number] => {
    const at = (i: number) => (longLoca ? view.getUint32(loca + i * 4) : view.getUint16(loca + i * 2) * 2);
    const start = at(glyph);
    const end = at(glyph + 1);
    if (end < start || end > glyf.length) throw new FontError(`glyph ${glyph} lies outside the 'glyf' table`);
    return [glyf.offset + start, glyf.offset + end];
  };
  const advanceOf = (glyph: number) => view.getUint16(hmtx + Math.min(glyph, numberOfHMetrics - 1) * 4);
  const bearingOf = (glyph: number) =>
    glyph < numberOfHMetrics
      ? view.getInt16(hmtx + glyph * 4 + 2)
      : view.getInt16(hmtx + numberOfHMetrics * 4 + (glyph - numberOfHMetrics) * 2);
  const ascender = view.getInt16(hhea.offset + 4);

  return {
    unitsPerEm: view.getUint16(head.offset + 18),
    ascender,
    descender: view.getInt16(hhea.offset + 6),
    lineGap: view.getInt16(hhea.offset + 8),
    bbox: [0, 1, 2, 3].map((i) => view.getInt16(head.offset + 36 + i * 2)) as TrueTypeFont['bbox'],
    capHeight: os2 && view.getUint16(os2.offset) >= 2 ? view.getInt16(os2.offset + 88) : ascender,
    glyphOf: (codePoint) => {
      const glyph = cmap(codePoint);
      return glyph < numGlyphs ? glyph : 0;
    },
    advanceOf,
    subset(wanted) {
      // Composite glyphs draw other glyphs: those come along, and their references are renumbered.
      const order = [0];
      const newId = new Map([[0, 0]]);
      const add = (glyph: number) => {
        if (newId.has(glyph) || glyph >= numGlyphs) return;
        newId.set(glyph, order.length);
        order.push(glyph);
        for (const part of components(view, ...glyphRange(glyph))) add(part.glyph);
      };
      for (const glyph of wanted) add(glyph);

      const glyphs = order.map((glyph) => {
        const [start, end] = glyphRange(glyph);
        const bytes = copyOf(file, start, end);
        const out = new DataView(bytes.buffer);
        // A reference to a glyph the font does not have draws .notdef, as a renderer would.
        for (const part of components(view, start, end)) out.setUint16(part.at - start, newId.get(part.glyph) ?? 0);
        return bytes;
      });
      const glyfOut = concat(glyphs.map(pad4));
      const locaOut = new DataView(new ArrayBuffer((order.length + 1) * 4));
      let offset = 0;
      glyphs.forEach((g, i) => {
        locaOut.setUint32(i * 4, offset);
        offset += pad4(g).length;
      });
      locaOut.setUint32(order.length * 4, offset);
      const hmtxOut = new DataView(new ArrayBuffer(order.length * 4));
      order.forEach((glyph, i) => {
        hmtxOut.setUint16(i * 4, advanceOf(glyph));
        hmtxOut.setInt16(i * 4 + 2, bearingOf(glyph));
      });
      const copy = (tag: string) => copyOf(file, table(tag).offset, table(tag).offset + table(tag).length);
      const headOut = copy('head');
      new DataView(headOut.buffer).setUint32(8, 0); // checkSumAdjustment, set once the file is whole
      new DataView(headOut.buffer).setInt16(50, 1); // indexToLocFormat: long offsets
      const hheaOut = copy('hhea');
      new DataView(hheaOut.buffer).setUint16(34, order.length);
      const maxpOut = copy('maxp');
      new DataView(maxpOut.buffer).setUint16(4, order.length);

      const out: [string, Uint8Array][] = [
        ['cmap', EMPTY_CMAP],
        ['glyf', glyfOut],
        ['head', headOut],
        ['hhea', hheaOut],
        ['hmtx', new Uint8Array(hmtxOut.buffer)],
        ['loca', new Uint8Array(locaOut.buffer)],
        ['maxp', maxpOut],
        ...COPIED.filter((tag) => tables.has(tag)).map((tag): [string, Uint8Array] => [tag, copy(tag)]),
      ];
      return { file: writeFont(out), glyphs: order };
    },
  };
}

interface Table {
  offset: number;
  length: number;
}

function tableDirectory(file: Uint8Array, view: DataView) {
  if (file.length < 12) throw new FontError('the file is too short to be a font');
  const version = view.getUint32(0);
  if (version !== 0x00010000 && version !== 0x74727565) throw new FontError('the file is not a TrueType font');
  const count = view.getUint16(4);
  if (12 + count * 16 > file.length) throw new FontError('the font is cut short');
  const tables = new Map<string, Table>();
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(...file.subarray(at, at + 4));
    const offset = view.getUint32(at + 8);
    const length = view.getUint32(at + 12);
    if (offset + length > file.length) throw new FontError(`the font's '${tag}' table lies outside the file`);
    tables.set(tag, { offset, length });
  }
  return tables;
}

/** The Unicode subtable of 'cmap' as a lookup: format 12 (all planes) if there is one, else 4. */
function characterMap(view: DataView, cmap: number): (codePoint: number) => number {
  const subtables = view.getUint16(cmap + 2);
  let format4: number | undefined;
  for (let i = 0; i < subtables; i++) {
    const platform = view.getUint16(cmap + 4 + i * 8);
    const encoding = view.getUint16(cmap + 6 + i * 8);
    const at = cmap + view.getUint32(cmap + 8 + i * 8);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    const format = view.getUint16(at);
    if (format === 12) return format12(view, at);
    if (format === 4) format4 ??= at;
  }
  if (format4 === undefined) throw new FontError('the font maps no Unicode characters');
  return format4Lookup(view, format4);
}

function format12(view: DataView, at: number) {
  const groups = view.getUint32(at + 12);
  return (codePoint: number) => {
    let low = 0;
    let high = groups - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const group = at + 16 + mid * 12;
      if (codePoint < view.getUint32(group)) high = mid - 1;
      else if (codePoint > view.getUint32(group + 4)) low = mid + 1;
      else return view.getUint32(group + 8) + codePoint - view.getUint32(group);
    }
    return 0;
  };
}

function format4Lookup(view: DataView, at: number) {
  const segments = view.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  return (codePoint: number) => {
    if (codePoint > 0xffff) return 0;
    for (let i = 0; i < segments; i++) {
      if (codePoint > view.getUint16(ends + i * 2)) continue;
      const start = view.getUint16(starts + i * 2);
      if (codePoint < start) return 0;
      const delta = view.getInt16(deltas + i * 2);
      const rangeOffset = view.getUint16(rangeOffsets + i * 2);
      if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
      const glyph = view.getUint16(rangeOffsets + i * 2 + rangeOffset + (codePoint - start) * 2);
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

/** The glyphs a composite glyph draws, with where each reference sits in the file. */
function components(view: DataView, start: number, end: number) {
  const parts: { glyph: number; at: number }[] = [];
  if (end - start < 10 || view.getInt16(start) >= 0) return parts; // empty or a simple glyph
  let at = start + 10;
  for (;;) {
    if (at + 4 > end) throw new FontError('a composite glyph is cut short');
    const flags = view.getUint16(at);
    parts.push({ glyph: view.getUint16(at + 2), at: at + 2 });
    at += 4 + (flags & 0x0001 ? 4 : 2); // arguments: words or bytes
    // Then its transform: one scale, x and y scales, or a 2 × 2 matrix.
    at += flags & 0x0008 ? 2 : flags & 0x0040 ? 4 : flags & 0x0080 ? 8 : 0;
    if (!(flags & 0x0020)) return parts; // no more components
  }
}

const pad4 = (bytes: Uint8Array) =>
  bytes.length % 4 ? concat([bytes, new Uint8Array(4 - (bytes.length % 4))]) : bytes;

function concat(parts: Uint8Array[]) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function checksum(bytes: Uint8Array) {
  const padded = pad4(bytes);
  const view = new DataView(padded.buffer, padded.byteOffset, padded.byteLength);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}

/** An sfnt file of the given tables, sorted by tag, each 4-byte aligned, with their checksums. */
function writeFont(tables: [string, Uint8Array][]) {
  tables.sort(([a], [b]) => (a < b ? -1 : 1));
  const header = new DataView(new ArrayBuffer(12 + tables.length * 16));
  const power = 2 ** Math.floor(Math.log2(tables.length));
  header.setUint32(0, 0x00010000);
  header.setUint16(4, tables.length);
  header.setUint16(6, power * 16);
  header.setUint16(8, Math.log2(power));
  header.setUint16(10, tables.length * 16 - power * 16);
  let offset = header.byteLength;
  tables.forEach(([tag, bytes], i) => {
    for (let c = 0; c < 4; c++) header.setUint8(12 + i * 16 + c, tag.charCodeAt(c));
    header.setUint32(12 + i * 16 + 4, checksum(bytes));
    header.setUint32(12 + i * 16 + 8, offset);
    header.setUint32(12 + i * 16 + 12, bytes.length);
    offset += pad4(bytes).length;
  });
  const font = concat([new Uint8Array(header.buffer), ...tables.map(([, bytes]) => pad4(bytes))]);
  const headAt = header.getUint32(12 + tables.findIndex(([tag]) => tag === 'head') * 16 + 8);
  new DataView(font.buffer).setUint32(headAt + 8, (0xb1b0afba - checksum(font)) >>> 0);
  return font;
}
