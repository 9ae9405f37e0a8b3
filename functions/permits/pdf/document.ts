// A one-page PDF (ISO 32000-1) of text in one embedded TrueType font and filled rectangles: what a
// printed permit needs and nothing more, so that its route's bundle stays small (a general PDF
// library with a font engine is over a megabyte). The font is embedded as a subset of the glyphs
// used (Type0 / CIDFontType2, Identity-H) with a ToUnicode map, so text copies and searches.
// Coordinates are in points from the page's top-left corner, as a layout reads them.
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type { TrueTypeFont } from './truetype.ts';

export const A4 = { width: 595.28, height: 841.89 } as const;

export interface TextOptions {
  size: number;
  /** Grey level of the text: 0 black, 1 white. */
  grey?: number;
  /** Wrap within this width; without it the text is one line. */
  width?: number;
  align?: 'left' | 'center';
}

interface Run {
  glyphs: number[];
  x: number;
  baseline: number;
  size: number;
  grey: number;
}

const num = (n: number) => String(Math.round(n * 100) / 100);
/** Where a line may break: after spaces, and around each CJK character. */
function breakable(text: string) {
  return (
    text.match(
      /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]|[\u{20000}-\u{3ffff}]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u{20000}-\u{3ffff}]*\s*/gu,
    ) ?? []
  );
}

export class Page {
  readonly width = A4.width;
  readonly height = A4.height;
  private readonly runs: Run[] = [];
  private readonly rects: [number, number, number, number][] = [];
  /** The text of each glyph drawn, for the ToUnicode map. */
  private readonly textOf = new Map<number, string>();

  private readonly font: TrueTypeFont;
  private readonly fontName: string;

  constructor(font: TrueTypeFont, fontName: string) {
    this.font = font;
    this.fontName = fontName;
  }

  lineHeight(size: number) {
    const { ascender, descender, lineGap, unitsPerEm } = this.font;
    return ((ascender - descender + lineGap) / unitsPerEm) * size;
  }

  widthOf(text: string, size: number) {
    let units = 0;
    for (const char of text) units += this.font.advanceOf(this.font.glyphOf(char.codePointAt(0)!));
    return (units / this.font.unitsPerEm) * size;
  }

  /** The lines a text wraps to within a width; a word wider than the width is cut. */
  lines(text: string, size: number, width: number) {
    const lines: string[] = [];
    let line = '';
    for (const piece of breakable(text)) {
      if (!piece) continue;
      if (!line || this.widthOf((line + piece).trimEnd(), size) <= width) {
        line += piece;
        if (this.widthOf(line.trimEnd(), size) <= width) continue;
        // One word too wide for the line on its own: cut it by characters.
        let cut = '';
        for (const char of line) {
          if (cut && this.widthOf(cut + char, size) > width) {
            lines.push(cut);
            cut = '';
          }
          cut += char;
        }
        line = cut;
        continue;
      }
      lines.push(line.trimEnd());
      line = piece.trimStart();
    }
    if (line.trimEnd() || !lines.length) lines.push(line.trimEnd());
    return lines;
  }

  /** Text whose first line's top is at y; answers the height it took. */
  text(text: string, x: number, y: number, options: TextOptions) {
    const { size, grey = 0, width, align = 'left' } = options;
    const lines = width === undefined ? [text] : this.lines(text, size, width);
    const ascent = (this.font.ascender / this.font.unitsPerEm) * size;
    lines.forEach((line, i) => {
      const glyphs: number[] = [];
      for (const char of line) {
        const glyph = this.font.glyphOf(char.codePointAt(0)!);
        glyphs.push(glyph);
        if (glyph && !this.textOf.has(glyph)) this.textOf.set(glyph, char);
      }
      const left = align === 'center' && width !== undefined ? x + (width - this.widthOf(line, size)) / 2 : x;
      this.runs.push({ glyphs, x: left, baseline: y + i * this.lineHeight(size) + ascent, size, grey });
    });
    return lines.length * this.lineHeight(size);
  }

  /** A black filled rectangle. */
  rect(x: number, y: number, width: number, height: number) {
    this.rects.push([x, y, width, height]);
  }

  /** The whole file. */
  pdf(info: { title: string; created: Date }): Buffer {
    const used = [...new Set(this.runs.flatMap((run) => run.glyphs))].filter((g) => g !== 0);
    const subset = this.font.subset(used);
    const newId = new Map(subset.glyphs.map((glyph, i) => [glyph, i]));
    const hex4 = (n: number) => n.toString(16).padStart(4, '0');
    const scale = 1000 / this.font.unitsPerEm;

    const content = [
      ...this.rects.map(([x, y, w, h]) => `${num(x)} ${num(this.height - y - h)} ${num(w)} ${num(h)} re`),
      this.rects.length ? '0 g f' : '',
      ...this.runs.map(
        (r) =>
          `BT /F1 ${num(r.size)} Tf ${num(r.grey)} g 1 0 0 1 ${num(r.x)} ${num(this.height - r.baseline)} Tm ` +
          `<${r.glyphs.map((g) => hex4(newId.get(g) ?? 0)).join('')}> Tj ET`,
      ),
    ].join('\n');

    const tag = [...createHash('sha256').update(used.join(',')).digest().subarray(0, 6)]
      .map((b) => String.fromCharCode(65 + (b % 26)))
      .join('');
    const baseFont = `/${tag}+${this.fontName}`;
    const [xMin, yMin, xMax, yMax] = this.font.bbox.map((v) => Math.round(v * scale));
    const widths = subset.glyphs.map((glyph) => Math.round(this.font.advanceOf(glyph) * scale)).join(' ');
    const toUnicode = unicodeMap(
      [...this.textOf].map(([glyph, text]) => [newId.get(glyph)!, text] as const).sort((a, b) => a[0] - b[0]),
    );

    const objects: (string | { dict: string; data: Buffer })[] = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${this.width} ${this.height}] ` +
        '/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
      stream(content),
      `<< /Type /Font /Subtype /Type0 /BaseFont ${baseFont} /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 8 0 R >>`,
      `<< /Type /Font /Subtype /CIDFontType2 /BaseFont ${baseFont} ` +
        '/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> ' +
        `/FontDescriptor 7 0 R /CIDToGIDMap /Identity /W [0 [${widths}]] >>`,
      `<< /Type /FontDescriptor /FontName ${baseFont} /Flags 4 /FontBBox [${xMin} ${yMin} ${xMax} ${yMax}] ` +
        `/ItalicAngle 0 /Ascent ${Math.round(this.font.ascender * scale)} /Descent ${Math.round(this.font.descender * scale)} ` +
        `/CapHeight ${Math.round(this.font.capHeight * scale)} /StemV 80 /FontFile2 9 0 R >>`,
      stream(toUnicode),
      stream(Buffer.from(subset.file), `/Length1 ${subset.file.length}`),
      `<< /Title ${pdfText(info.title)} /Producer (Three Zeros) /CreationDate (${pdfDate(info.created)}) >>`,
    ];
    return serialise(objects);
  }
}

function stream(data: string | Buffer, extra = '') {
  const packed = deflateSync(data);
  return { dict: `<< /Length ${packed.length} /Filter /FlateDecode${extra ? ` ${extra}` : ''} >>`, data: packed };
}

/** A text string of the document's info: UTF-16BE with its byte-order mark, in hex. */
const pdfText = (text: string) => `<FEFF${Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase()}>`;

const pdfDate = (date: Date) => `D:${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;

function unicodeMap(entries: (readonly [number, string])[]) {
  const utf16 = (text: string) => Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase();
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const block = entries.slice(i, i + 100);
    blocks.push(
      `${block.length} beginbfchar\n${block.map(([id, text]) => `<${id.toString(16).padStart(4, '0')}> <${utf16(text)}>`).join('\n')}\nendbfchar`,
    );
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMapResource defineresource pop',
    'end',
    'end',
  ].join('\n');
}

/** Objects numbered from 1 in order, their cross-reference table and the trailer. */
function serialise(objects: (string | { dict: string; data: Buffer })[]) {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  const push = (part: Buffer) => {
    parts.push(part);
    length += part.length;
  };
  objects.forEach((object, i) => {
    offsets.push(length);
    if (typeof object === 'string') push(Buffer.from(`${i + 1} 0 obj\n${object}\nendobj\n`, 'latin1'));
    else {
      push(Buffer.from(`${i + 1} 0 obj\n${object.dict}\nstream\n`, 'latin1'));
      push(object.data);
      push(Buffer.from('\nendstream\nendobj\n', 'latin1'));
    }
  });
  const id = createHash('md5').update(Buffer.concat(parts)).digest('hex');
  const xref = [
    'xref',
    `0 ${objects.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `),
    'trailer',
    `<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R /ID [<${id}> <${id}>] >>`,
    'startxref',
    String(length),
    '%%EOF\n',
  ].join('\n');
  push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(parts);
}
