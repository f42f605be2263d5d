/**
 * Fonts of the PNG export (issue 12): the faces tools/export-fonts.ts serves hold a glyph with an
 * outline for every character given to them (kana, kanji, hangul, accented Latin), each character
 * sits in the face of the first family that draws it, and the export picks and embeds only the
 * faces its text needs.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as hb from 'harfbuzzjs';
import subsetFont from 'subset-font';
import { afterAll, describe, expect, it } from 'vitest';
import { covers, facesFor, svgText, toRanges, withFonts, type ExportFontManifest } from '../../src/lib/chart-actions/export-fonts.ts';
import { standaloneSvg } from '../../src/lib/chart-actions/svg-export.ts';
import { writeExportFonts } from '../../tools/export-fonts.ts';

// A Japanese and a Korean place name, accented Latin (Spanish, Icelandic, German, Polish).
const SAMPLE = 'カナガワ 神奈川県 東京 서울특별시 한국 Ñandú Þórshöfn Grüße Łódź é';
const dir = mkdtempSync(path.join(tmpdir(), 'atlas-export-fonts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Characters with no outlined glyph in a WOFF2 face (read back through a TrueType subset). */
async function unoutlined(file: string, chars: string[]): Promise<string[]> {
  const ttf = await subsetFont(readFileSync(file), chars.join(''), { targetFormat: 'truetype' });
  const font = new hb.Font(new hb.Face(new hb.Blob(new Uint8Array(ttf))));
  return chars.filter((c) => {
    const gid = font.nominalGlyph(c.codePointAt(0)!);
    return !gid || !font.glyphToPath(gid);
  });
}

describe('export fonts', () => {
  let manifest: ExportFontManifest;
  it('writes one WOFF2 face per family and weight, each drawing every character it lists', async () => {
    manifest = await writeExportFonts(SAMPLE, dir);
    expect(manifest.families).toEqual(['Atlas Noto Sans', 'Atlas Noto Sans JP', 'Atlas Noto Sans KR']);
    expect(manifest.faces.map((f) => `${f.family}/${f.weight}`).sort()).toEqual(
      ['Atlas Noto Sans/400', 'Atlas Noto Sans/700', 'Atlas Noto Sans JP/400', 'Atlas Noto Sans JP/700', 'Atlas Noto Sans KR/400', 'Atlas Noto Sans KR/700'].sort(),
    );
    for (const face of manifest.faces) {
      const file = path.join(dir, face.file);
      expect(readFileSync(file).subarray(0, 4).toString('latin1'), face.file).toBe('wOF2');
      const chars = face.ranges.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => String.fromCodePoint(a + i)));
      expect(await unoutlined(file, chars), face.file).toEqual([]);
    }
  });

  it('gives kana and kanji to the JP face, hangul to the KR face, accents to the Latin face', () => {
    const familyOf = (ch: string) => facesFor(ch, manifest).map((f) => f.family)[0];
    expect(familyOf('カ')).toBe('Atlas Noto Sans JP');
    expect(familyOf('県')).toBe('Atlas Noto Sans JP');
    expect(familyOf('한')).toBe('Atlas Noto Sans KR');
    expect(familyOf('ú')).toBe('Atlas Noto Sans');
    expect(familyOf('Ł')).toBe('Atlas Noto Sans');
    // Every non-space character of the sample is covered by some face.
    for (const ch of SAMPLE.replace(/\s/g, '')) expect(manifest.faces.some((f) => covers(f, ch.codePointAt(0)!)), ch).toBe(true);
  });

  it('an export embeds only the faces its text needs', () => {
    const latin = standaloneSvg('<svg width="100" height="50"></svg>', { title: 'Grüße', footer: ['Sources: x.'] });
    expect(new Set(facesFor(svgText(latin.markup), manifest).map((f) => f.family))).toEqual(new Set(['Atlas Noto Sans']));
    const cjk = standaloneSvg('<svg width="100" height="50"><text>서울</text></svg>', { title: '東京 &amp; カナ', footer: ['Sources: x.'] });
    const text = svgText(cjk.markup);
    expect(text).toContain('서울');
    expect(text).toContain('東京 &amp; カナ');
    expect(new Set(facesFor(text, manifest).map((f) => f.family))).toEqual(new Set(['Atlas Noto Sans', 'Atlas Noto Sans JP', 'Atlas Noto Sans KR']));
  });

  it('puts @font-face rules and the family order into the SVG root', () => {
    const svg = standaloneSvg('<svg width="100" height="50"></svg>', { title: 'カナ', footer: [] }).markup;
    const face = manifest.faces.find((f) => f.family === 'Atlas Noto Sans JP' && f.weight === 400)!;
    const out = withFonts(svg, [{ face, base64: 'AAAA' }], 'system-ui, sans-serif');
    expect(out).toMatch(/^<\?xml[^>]*>\n<svg [^>]*><style>@font-face\{font-family:'Atlas Noto Sans JP';font-weight:400;font-style:normal;src:url\(data:font\/woff2;base64,AAAA\) format\('woff2'\);\}/);
    expect(out).toContain("text,tspan{font-family:'Atlas Noto Sans JP',system-ui, sans-serif !important;}");
    expect(withFonts(svg, [], 'x')).toBe(svg);
  });

  it('ranges', () => {
    expect(toRanges([5, 1, 2, 3, 9, 10, 3])).toEqual([
      [1, 3],
      [5, 5],
      [9, 10],
    ]);
  });
});
