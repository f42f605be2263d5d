/**
 * Build-time images draw every name: kana, kanji, hangul and accented Latin get real outlines from
 * the bundled, subset fonts (no tofu), and a card is a 1200 × 630 PNG.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as hb from 'harfbuzzjs';
import { afterAll, describe, expect, it } from 'vitest';
import { missingGlyphs, subsetFontFiles, wrap, measure } from '../../src/lib/social/fonts.ts';
import { SOCIAL_HEIGHT, SOCIAL_WIDTH, socialPng, socialSvg, svgText } from '../../src/lib/social/image.ts';

const SAMPLE = 'ひらがな カタカナ 不法残留者 불법체류자 Città già España Ñ ç ø ß';
const dir = mkdtempSync(join(tmpdir(), 'atlas-fonts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fonts for build-time images', () => {
  it('every character of kana, kanji, hangul and accented Latin has a glyph with an outline', () => {
    expect(missingGlyphs(SAMPLE)).toEqual([]);
    expect(missingGlyphs(SAMPLE, 700)).toEqual([]);
  });

  it('the subset fonts alone still hold an outline for every character', async () => {
    const files = await subsetFontFiles(SAMPLE, dir);
    const fonts = files.map((f) => new hb.Font(new hb.Face(new hb.Blob(new Uint8Array(readFileSync(f))))));
    // A subset keeps a few KB per face, not the 5 MB of a CJK font.
    for (const f of files) expect(readFileSync(f).length).toBeLessThan(200_000);
    for (const ch of SAMPLE.replace(/\s/g, '')) {
      const drawn = fonts.some((font) => {
        const gid = font.nominalGlyph(ch.codePointAt(0)!);
        return gid !== undefined && gid !== 0 && font.glyphToPath(gid).length > 0;
      });
      expect(drawn, `${ch} U+${ch.codePointAt(0)!.toString(16)}`).toBe(true);
    }
  });

  it('knows a character no bundled face draws', () => {
    expect(missingGlyphs('A\u{1F600}')).toEqual(['\u{1F600}']);
  });

  it('breaks lines by measured width, CJK between characters', () => {
    const lines = wrap('技能実習生の失踪者数と在留資格の取消件数の推移を示すグラフです', 40, 400, 700);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(measure(l, 40, 700)).toBeLessThanOrEqual(400);
    expect(wrap('one two three four five six seven', 20, 120, 400, 2).at(-1)).toMatch(/…$/);
  });
});

describe('social card', () => {
  const card = {
    title: 'Overstayers in Japan, 1990–2025 (不法残留者)',
    subtitle: '불법체류자 · irregolari · irregulares',
    chartSvg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 400"><text x="10" y="20">日本 Japan</text></svg>',
    caveat: 'Apprehensions are events, not people.',
    source: 'Sources: Immigration Services Agency of Japan',
    credit: 'Irregular Atlas · release 2026.12.05-06548683',
  };

  it('names every text it draws, escaped, and places the chart', () => {
    const svg = socialSvg({ ...card, title: 'A & B <C>' });
    expect(svg).toContain('A &amp; B &lt;C&gt;');
    expect(svgText(svg)).toContain('日本 Japan');
    expect(svgText(svg)).toContain('Apprehensions are events, not people.');
  });

  it('is a 1200 × 630 PNG', async () => {
    const png = await socialPng(card, dir);
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(SOCIAL_WIDTH);
    expect(png.readUInt32BE(20)).toBe(SOCIAL_HEIGHT);
  });
});
