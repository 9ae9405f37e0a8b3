// The permit's font reader and subsetter: characters map to the right glyphs, a subset keeps the
// metrics and the glyphs composites draw (renumbered), and a file that is not a TrueType font —
// or is one cut short — is refused with a FontError instead of printing garbage.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { PERMIT_FONT } from '../../functions/permits/font.ts';
import { FontError, readTrueType } from '../../functions/permits/pdf/truetype.ts';
import { TINY, sfntChecksum, tablesOf, tinyFont } from '../support/tiny-font.ts';

const shipped = readFileSync(createRequire(import.meta.url).resolve(PERMIT_FONT));
const cp = (char: string) => char.codePointAt(0)!;

describe('reading a font', () => {
  it('maps characters through both kinds of format-4 segment, and an unmapped one to .notdef', () => {
    const font = readTrueType(tinyFont());
    expect(font.glyphOf(cp('A'))).toBe(TINY.A);
    expect(font.glyphOf(cp('Å'))).toBe(TINY.Aring);
    expect(font.glyphOf(0x2da)).toBe(TINY.ring);
    expect(font.glyphOf(cp('B'))).toBe(TINY.B); // through the glyph-id array
    expect(font.glyphOf(cp('C'))).toBe(0); // in a segment, but its array entry is 0
    expect(font.glyphOf(cp('Z'))).toBe(0);
    expect(font.glyphOf(0x1f600)).toBe(0); // beyond the BMP, which format 4 cannot map
  });

  it('gives glyphs past the long metrics the last advance', () => {
    const font = readTrueType(tinyFont());
    expect([0, 1, 2, 3, 4, 5].map((g) => font.advanceOf(g))).toEqual([500, 600, 300, 300, 300, 300]);
    expect(font.unitsPerEm).toBe(1000);
    expect(font.bbox).toEqual([0, -200, 900, 800]);
    expect([font.ascender, font.descender, font.lineGap]).toEqual([800, -200, 90]);
  });

  it('reads the shipped CJK font through its format-12 map', () => {
    const font = readTrueType(shipped);
    for (const char of ['边', '检', 'A', 'Å', 'é', '—', '·']) expect(font.glyphOf(cp(char)), char).toBeGreaterThan(0);
    expect(font.glyphOf(cp('A'))).not.toBe(font.glyphOf(cp('Å')));
    // Look-alike letters are different glyphs: Latin A, Cyrillic А, Greek Α.
    expect(new Set(['A', 'А', 'Α'].map((c) => font.glyphOf(cp(c)))).size).toBe(3);
    expect(font.advanceOf(font.glyphOf(cp('边')))).toBe(font.unitsPerEm); // full-width
  });
});

describe('a subset', () => {
  it('carries the glyphs a composite draws, renumbered so that they still resolve', () => {
    const font = readTrueType(tinyFont());
    const { file, glyphs } = font.subset([TINY.Aring]);
    expect(glyphs).toEqual([0, TINY.Aring, TINY.A, TINY.ring]);

    const sub = readTrueType(file);
    // Subsetting the subset's Å again brings along what its references now name: glyphs 2 and 3.
    // Were the references left with the old numbers (1 and 2), this would be [0, 1, 2].
    expect(sub.subset([1]).glyphs).toEqual([0, 1, 2, 3]);
    expect(glyphs.map((_, i) => sub.advanceOf(i))).toEqual(glyphs.map((g) => font.advanceOf(g)));
  });

  it('follows nested composites and survives one that draws itself or a glyph the font lacks', () => {
    const font = readTrueType(tinyFont());
    expect(font.subset([TINY.B]).glyphs).toEqual([0, TINY.B, TINY.Aring, TINY.A, TINY.ring]);
    const { file, glyphs } = font.subset([TINY.loop, 99]);
    expect(glyphs).toEqual([0, TINY.loop]);
    // Its self-reference is now glyph 1, the missing one .notdef: reading it back finds nothing more.
    expect(readTrueType(file).subset([1]).glyphs).toEqual([0, 1]);
  });

  it('is a well-formed font: sorted tables, each checksum right, the whole file summing to the magic', () => {
    const { file } = readTrueType(shipped).subset([100, 25449, 34]);
    const tables = tablesOf(file);
    expect([...tables.keys()]).toEqual([...tables.keys()].sort());
    for (const [tag, t] of tables) {
      expect(t.offset % 4, tag).toBe(0);
      const bytes = file.slice(t.offset, t.offset + t.length);
      if (tag === 'head') new DataView(bytes.buffer).setUint32(8, 0);
      expect(sfntChecksum(bytes), tag).toBe(t.checksum);
    }
    expect(sfntChecksum(file)).toBe(0xb1b0afba);
  });

  it('leaves the font file it was cut from as it was, so the next print reads the same font', () => {
    // A Buffer, as readFileSync gives: its slices are views into the file.
    const bytes = tinyFont();
    const file = Buffer.alloc(bytes.length);
    file.set(bytes);
    const font = readTrueType(file);
    const first = font.subset([TINY.B]);
    expect(file.equals(bytes)).toBe(true);
    expect(font.subset([TINY.B]).file).toEqual(first.file);
    // And the composite references in the copy were the ones renumbered.
    expect(readTrueType(first.file).subset([1]).glyphs).toEqual([0, 1, 2, 3, 4]);
  });

  it('of the shipped font keeps its metrics and is a few KB instead of 10 MB', () => {
    const font = readTrueType(shipped);
    const text = '边防检查 Border Inspection Åsgård';
    const wanted = [...new Set([...text].map((c) => font.glyphOf(cp(c))))].filter(Boolean);
    const { file, glyphs } = font.subset(wanted);
    expect(glyphs).toHaveLength(wanted.length + 1);
    expect(file.length).toBeLessThan(20_000);

    const sub = readTrueType(file);
    expect(sub.unitsPerEm).toBe(font.unitsPerEm);
    expect(sub.bbox).toEqual(font.bbox);
    expect(glyphs.map((_, i) => sub.advanceOf(i))).toEqual(glyphs.map((g) => font.advanceOf(g)));
  });
});

describe('a file that is not what it says', () => {
  const refused = (bytes: Uint8Array) => {
    try {
      readTrueType(bytes);
    } catch (error) {
      expect(error).toBeInstanceOf(FontError);
      return (error as Error).message;
    }
    throw new Error('read without complaint');
  };

  it('refuses an empty file, a PNG, a text file and a CFF-flavoured OpenType font', () => {
    expect(refused(new Uint8Array())).toBe('the file is too short to be a font');
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]);
    expect(refused(png)).toBe('the file is not a TrueType font');
    expect(refused(new TextEncoder().encode('this is not a font, just a file named permit.ttf'))).toBe(
      'the file is not a TrueType font',
    );
    const cff = tinyFont();
    cff.set(new TextEncoder().encode('OTTO'), 0);
    expect(refused(cff)).toBe('the file is not a TrueType font');
  });

  it('refuses a directory that claims more tables than the file holds, and a table past its end', () => {
    const header = new Uint8Array(12);
    new DataView(header.buffer).setUint32(0, 0x00010000);
    new DataView(header.buffer).setUint16(4, 40);
    expect(refused(header)).toBe('the font is cut short');
    expect(refused(shipped.subarray(0, 100_000))).toMatch(/^the font's '\w+ ?' table lies outside the file$/);
  });

  it('refuses a font without a Unicode map or without a table it needs', () => {
    const noUnicode = tinyFont();
    const cmap = tablesOf(noUnicode).get('cmap')!;
    new DataView(noUnicode.buffer).setUint16(cmap.offset + 4, 1); // platform Macintosh
    expect(refused(noUnicode)).toBe('the font maps no Unicode characters');
    const noHmtx = tinyFont();
    const at = [...tablesOf(noHmtx).keys()].indexOf('hmtx');
    noHmtx.set(new TextEncoder().encode('xxxx'), 12 + at * 16);
    expect(refused(noHmtx)).toBe("the font has no 'hmtx' table");
  });

  it('refuses, when subsetting, a composite cut short or a glyph outside its table', () => {
    const cut = readTrueType(
      tinyFont({ glyph: { [TINY.Aring]: Uint8Array.from([0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x21]) } }),
    );
    expect(() => cut.subset([TINY.Aring])).toThrow(new FontError('a composite glyph is cut short'));

    const bytes = tinyFont();
    const loca = tablesOf(bytes).get('loca')!;
    new DataView(bytes.buffer).setUint16(loca.offset + 2 * 2, 0xfff0); // glyph 1 ends far past glyf
    expect(() => readTrueType(bytes).subset([TINY.A])).toThrow(new FontError("glyph 1 lies outside the 'glyf' table"));
  });
});
