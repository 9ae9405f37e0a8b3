// The one-page PDF writer behind printed permits: text wraps within its width (words, CJK between
// characters, an over-long word cut), centred lines sit in the middle, and the file is a PDF a reader
// can follow — every cross-reference offset lands on its object, the text maps back to Unicode, the
// same page gives the same bytes.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PERMIT_FONT } from '../../functions/permits/font.ts';
import { A4, Page } from '../../functions/permits/pdf/document.ts';
import { readTrueType } from '../../functions/permits/pdf/truetype.ts';

const font = readTrueType(readFileSync(createRequire(import.meta.url).resolve(PERMIT_FONT)));
const page = () => new Page(font, 'NotoSansSC-Regular');
const created = new Date('2026-12-05T08:30:00Z');

/** Each object of the file by number: its dictionary and, for a stream, the inflated data. */
function objectsOf(pdf: Buffer) {
  const text = pdf.toString('latin1');
  const objects = new Map<number, { at: number; dict: string; data?: Buffer }>();
  for (const m of text.matchAll(/(\d+) 0 obj\n(<<.*?>>)\n(stream\n)?/gs)) {
    const at = m.index;
    const dict = m[2]!;
    const length = /\/Length (\d+)/.exec(dict);
    const start = at + m[0].length;
    const data = m[3] && length ? inflateSync(pdf.subarray(start, start + Number(length[1]))) : undefined;
    objects.set(Number(m[1]), { at, dict, data });
  }
  return objects;
}

describe('wrapping', () => {
  it('breaks between words, every line within the width, no word lost', () => {
    const text = 'Vessel cleared for departure after the one-stop checks of all agencies';
    const lines = page().lines(text, 11, 150);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(page().widthOf(line, 11)).toBeLessThanOrEqual(150);
    expect(lines.join(' ')).toBe(text);
  });

  it('breaks Chinese between characters, where it has no spaces', () => {
    const text = '边防检查站出入境边防检查许可证船舶出境';
    const lines = page().lines(text, 11, 60);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(page().widthOf(line, 11)).toBeLessThanOrEqual(60);
    expect(lines.join('')).toBe(text);
  });

  it('cuts a word longer than the line by characters, and keeps a short text on one line', () => {
    const url = 'https://clearance.example.org/v1/permits/verify/ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
    const lines = page().lines(url, 9, 120);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(page().widthOf(line, 9)).toBeLessThanOrEqual(120);
    expect(lines.join('')).toBe(url);
    expect(page().lines('MV Åsgård', 11, 300)).toEqual(['MV Åsgård']);
    expect(page().lines('', 11, 300)).toEqual(['']);
  });

  it('answers the height a text took: its lines times the line height', () => {
    const p = page();
    const text = 'Vessel cleared for departure after the one-stop checks of all agencies';
    expect(p.text(text, 56, 100, { size: 11, width: 150 })).toBeCloseTo(
      p.lines(text, 11, 150).length * p.lineHeight(11),
    );
  });
});

describe('the file', () => {
  function sample() {
    const p = page();
    p.text('出境边防检查许可证', 56, 56, { size: 24, width: A4.width - 112, align: 'center' });
    p.text('MV Åsgård — IMO 9811000', 56, 120, { size: 11 });
    p.rect(100, 200, 4, 4);
    return p;
  }

  it('is the same bytes for the same page, and differs when the text does', () => {
    const a = sample().pdf({ title: 'Departure permit', created });
    expect(sample().pdf({ title: 'Departure permit', created })).toEqual(a);
    const other = sample();
    other.text('x', 56, 300, { size: 11 });
    expect(other.pdf({ title: 'Departure permit', created }).equals(a)).toBe(false);
  });

  it('has a cross-reference table whose every offset lands on its object', () => {
    const pdf = sample().pdf({ title: 'Departure permit', created });
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-1.7\n')).toBe(true);
    expect(text.endsWith('%%EOF\n')).toBe(true);
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
    const entries = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(entries).toHaveLength(objectsOf(pdf).size);
    entries.forEach((offset, i) => expect(text.slice(offset).startsWith(`${i + 1} 0 obj\n`)).toBe(true));
  });

  it('embeds a subset of the font with a width per glyph and a Unicode map of what it drew', () => {
    const objects = objectsOf(sample().pdf({ title: 'Departure permit', created }));
    const drawn = new Set([...'出境边防检查许可证MV Åsgård — IMO 9811000']);
    const widths = /\/W \[0 \[([\d ]+)\]\]/.exec(objects.get(6)!.dict)![1]!.split(' ');
    expect(widths).toHaveLength(drawn.size + 1); // and .notdef

    const font = [...objects.values()].find((o) => o.dict.includes('/Length1'))!;
    expect(font.data!.length).toBeLessThan(20_000);
    expect(readTrueType(font.data!).unitsPerEm).toBe(1000);

    const cmap = objects.get(8)!.data!.toString('latin1');
    const chars = cmap.slice(cmap.indexOf('beginbfchar'), cmap.lastIndexOf('endbfchar'));
    const mapped = [...chars.matchAll(/^<([0-9a-f]{4})> <([0-9A-F]+)>$/gm)].map((m) =>
      Buffer.from(m[2]!, 'hex').swap16().toString('utf16le'),
    );
    expect(new Set(mapped)).toEqual(drawn);
  });

  it('centres a centred line and draws each glyph of the text', () => {
    const p = page();
    const text = '出境边防检查许可证';
    p.text(text, 56, 56, { size: 24, width: A4.width - 112, align: 'center' });
    const content = objectsOf(p.pdf({ title: 't', created }))
      .get(4)!
      .data!.toString('latin1');
    const [, x, glyphs] = /1 0 0 1 ([\d.]+) [\d.]+ Tm <([0-9a-f]+)> Tj/.exec(content)!;
    expect(Number(x) + p.widthOf(text, 24) / 2).toBeCloseTo(A4.width / 2, 1);
    expect(glyphs).toHaveLength(text.length * 4);
  });

  it('draws a character the font lacks as .notdef, without a Unicode entry for it', () => {
    const p = page();
    p.text('A\u{1F6A2}B', 56, 56, { size: 11 }); // a ship emoji the font has no glyph for
    const objects = objectsOf(p.pdf({ title: 't', created }));
    // A and B are the subset's glyphs 1 and 2; the ship between them is glyph 0.
    expect(objects.get(4)!.data!.toString('latin1')).toContain('<000100000002> Tj');
    const cmap = objects.get(8)!.data!.toString('latin1');
    expect(cmap).toContain('2 beginbfchar');
  });

  it('titles the document in UTF-16 so that Chinese and accented titles survive', () => {
    const pdf = page().pdf({ title: '出境许可 Åsgård', created }).toString('latin1');
    const hex = /\/Title <FEFF([0-9A-F]+)>/.exec(pdf)![1]!;
    expect(Buffer.from(hex, 'hex').swap16().toString('utf16le')).toBe('出境许可 Åsgård');
    expect(pdf).toContain('/CreationDate (D:20261205083000Z)');
  });
});
