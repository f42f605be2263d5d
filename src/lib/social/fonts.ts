/**
 * Fonts for images drawn at build time (social images; node only). resvg draws text only with
 * the fonts it is given, so every image carries Noto Sans (Latin, accents), Noto Sans JP (kana,
 * kanji) and Noto Sans KR (hangul) from the @expo-google-fonts packages (OFL-1.1), subset to the
 * characters the image uses (a CJK face is 5 MB; a subset for a title is a few KB).
 *
 * Measuring uses the same faces through HarfBuzz, so the line breaks computed here match what
 * resvg draws. A character goes to the first family that has a glyph for it, as resvg's own
 * fallback does.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import subsetFont from 'subset-font';
import * as hb from 'harfbuzzjs';

export type Weight = 400 | 700;

export interface Family {
  name: string;
  files: Record<Weight, string>;
}

/** In fallback order: Latin first, so Latin text never takes a CJK face's Latin glyphs. */
export const FAMILIES: Family[] = [
  { name: 'Noto Sans', files: { 400: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf', 700: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf' } },
  { name: 'Noto Sans JP', files: { 400: '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf', 700: '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf' } },
  { name: 'Noto Sans KR', files: { 400: '@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf', 700: '@expo-google-fonts/noto-sans-kr/700Bold/NotoSansKR_700Bold.ttf' } },
];

/** CSS font-family for text in images: the bundled faces, in fallback order. */
export const FONT_STACK = FAMILIES.map((f) => `'${f.name}'`).join(', ');

const require = createRequire(import.meta.url);
const fontPath = (spec: string) => require.resolve(spec);

interface Loaded {
  bytes: Buffer;
  font: hb.Font;
  upem: number;
}
const loaded = new Map<string, Loaded>();

function load(family: Family, weight: Weight): Loaded {
  const key = `${family.name}/${weight}`;
  let l = loaded.get(key);
  if (!l) {
    const bytes = readFileSync(fontPath(family.files[weight]));
    const face = new hb.Face(new hb.Blob(new Uint8Array(bytes)));
    l = { bytes, font: new hb.Font(face), upem: face.upem };
    loaded.set(key, l);
  }
  return l;
}

/** The bytes of a bundled face (TrueType), e.g. to subset for the browser's PNG export. */
export const fontBytes = (family: Family, weight: Weight): Buffer => load(family, weight).bytes;

/** The family that draws a character (the first with a glyph for it), or null (tofu). */
export function familyFor(char: string, weight: Weight = 400): Family | null {
  const cp = char.codePointAt(0)!;
  for (const f of FAMILIES) {
    const gid = load(f, weight).font.nominalGlyph(cp);
    if (gid !== undefined && gid !== 0) return f;
  }
  return null;
}

/** Width in px of one line of text at a size, as resvg will lay it out (no kerning across faces). */
export function measure(text: string, size: number, weight: Weight = 400): number {
  let width = 0;
  // Runs of characters drawn by the same face are shaped together (kerning, ligatures).
  let run = '';
  let runFamily: Family | null = null;
  const flush = () => {
    if (!run) return;
    const fam = runFamily ?? FAMILIES[0];
    const l = load(fam, weight);
    const buf = new hb.Buffer();
    buf.addText(run);
    buf.guessSegmentProperties();
    hb.shape(l.font, buf);
    for (const p of buf.getGlyphPositions()) width += (p.xAdvance / l.upem) * size;
    run = '';
  };
  for (const ch of text) {
    const fam: Family = /\s/.test(ch) ? (runFamily ?? FAMILIES[0]) : (familyFor(ch, weight) ?? FAMILIES[0]);
    if (fam !== runFamily) {
      flush();
      runFamily = fam;
    }
    run += ch;
  }
  flush();
  return width;
}

/** Characters that have no glyph in any bundled face (they would draw as tofu boxes). */
export function missingGlyphs(text: string, weight: Weight = 400): string[] {
  const out = new Set<string>();
  for (const ch of text) {
    if (/\s/.test(ch)) continue;
    const fam = familyFor(ch, weight);
    if (!fam) {
      out.add(ch);
      continue;
    }
    const l = load(fam, weight);
    const gid = l.font.nominalGlyph(ch.codePointAt(0)!)!;
    // A glyph that exists but has no outline draws nothing: as bad as tofu for a reader.
    if (!l.font.glyphToPath(gid)) out.add(ch);
  }
  return [...out];
}

/**
 * Subset fonts holding the characters of `text` (plus digits and common punctuation), written
 * once per distinct character set under `dir`; returns their paths for resvg's `fontFiles`.
 */
export async function subsetFontFiles(text: string, dir: string): Promise<string[]> {
  const basic = '0123456789 .,:;–—-+%()[]/·…’\'"×≥≤';
  const chars = [...new Set([...text, ...basic])].sort().join('');
  const files: string[] = [];
  mkdirSync(dir, { recursive: true });
  for (const weight of [400, 700] as const) {
    for (const f of FAMILIES) {
      // Only the characters this face will actually draw (the first family with the glyph).
      const mine = [...chars].filter((c) => /\s/.test(c) || familyFor(c, weight) === f).join('');
      if (!mine.trim()) continue;
      const key = createHash('sha256').update(`${f.name}/${weight}/${mine}`).digest('hex').slice(0, 16);
      const file = path.join(dir, `${f.name.replace(/\s+/g, '')}-${weight}-${key}.ttf`);
      if (!existsSync(file)) writeFileSync(file, await subsetFont(load(f, weight).bytes, mine, { targetFormat: 'truetype' }));
      files.push(file);
    }
  }
  return files;
}

/** Greedy line breaking to a width; CJK text may break between any two characters. */
export function wrap(text: string, size: number, maxWidth: number, weight: Weight = 400, maxLines = Infinity): string[] {
  // Tokens: words with their trailing space, and single CJK characters.
  const tokens = text.match(/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff][、。」）]?|[^\s\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]+\s*|\s+/g) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const t of tokens) {
    const next = line + t;
    if (line && measure(next.trimEnd(), size, weight) > maxWidth) {
      lines.push(line.trimEnd());
      line = t.trimStart();
    } else line = next;
  }
  if (line.trim()) lines.push(line.trimEnd());
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1];
  while (last && measure(`${last}…`, size, weight) > maxWidth) last = [...last].slice(0, -1).join('').trimEnd();
  kept[maxLines - 1] = `${last}…`;
  return kept;
}
