/**
 * Fonts for the browser's PNG export (src/lib/chart-actions/export-fonts.ts): after the build,
 * collects every character the built pages hold (titles, labels, sources, translations, table
 * cells: whatever an exported chart can show) plus the ALWAYS blocks (kana, accented Latin), gives each to the first bundled Noto family that
 * draws it (lib/social/fonts.ts: Noto Sans, then JP, then KR) and writes one WOFF2 subset per
 * family and weight to dist/fonts/export/, with faces.json listing each face's code points.
 *
 *   tsx tools/export-fonts.ts [--dist dist]
 *
 * Part of `npm run build`. A page in a new script (say Korean) brings its characters into the
 * subset with no change here.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';
import { FAMILIES, familyFor, fontBytes, type Weight } from '../src/lib/social/fonts.ts';
import { EXPORT_FONT_DIR, EXPORT_FONT_MANIFEST, toRanges, type ExportFace, type ExportFontManifest } from '../src/lib/chart-actions/export-fonts.ts';

export const exportFamily = (name: string) => `Atlas ${name}`;

function* htmlFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) yield* htmlFiles(p);
    else if (name.endsWith('.html')) yield p;
  }
}

/**
 * Blocks every export font holds whatever the pages say: printable ASCII, Latin-1 and Latin
 * Extended-A (the accents of European names), CJK punctuation, hiragana, katakana and fullwidth
 * forms. Kanji and hangul syllables (tens of thousands) come only as the pages use them.
 */
export const ALWAYS: [number, number][] = [
  [0x20, 0x7e],
  [0xa0, 0x17f],
  [0x2010, 0x2027],
  [0x3000, 0x30ff],
  [0xff01, 0xff5e],
];

/** Every character of the built pages, and the ALWAYS blocks. */
export function siteCharacters(dist: string): Set<string> {
  const chars = new Set<string>();
  for (const [a, b] of ALWAYS) for (let c = a; c <= b; c++) chars.add(String.fromCodePoint(c));
  for (const f of htmlFiles(dist)) {
    const text = readFileSync(f, 'utf8')
      .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
      .replace(/&#([0-9]+);/g, (_, d: string) => String.fromCodePoint(Number(d)));
    for (const ch of text) if (ch.codePointAt(0)! >= 0x20) chars.add(ch);
  }
  // Characters the export itself writes (the footer's separators, the ellipsis of a cut label).
  for (const ch of '–—·…’“”×≥≤') chars.add(ch);
  return chars;
}

/** Subsets of every bundled family for `chars`, as files under `out`, and their manifest. */
export async function writeExportFonts(chars: Iterable<string>, out: string): Promise<ExportFontManifest> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const all = [...new Set(chars)].filter((c) => !/\s/.test(c));
  const faces: ExportFace[] = [];
  for (const f of FAMILIES) {
    for (const weight of [400, 700] as Weight[]) {
      const mine = all.filter((c) => familyFor(c, weight) === f);
      if (!mine.length) continue;
      const bytes = await subsetFont(fontBytes(f, weight), mine.join(''), { targetFormat: 'woff2' });
      const file = `${f.name.replace(/\s+/g, '')}-${weight}.woff2`;
      writeFileSync(path.join(out, file), bytes);
      faces.push({ family: exportFamily(f.name), weight, file, ranges: toRanges(mine.map((c) => c.codePointAt(0)!)) });
    }
  }
  const manifest: ExportFontManifest = { families: FAMILIES.map((f) => exportFamily(f.name)), faces };
  writeFileSync(path.join(out, EXPORT_FONT_MANIFEST), JSON.stringify(manifest) + '\n');
  return manifest;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const i = argv.indexOf('--dist');
  const dist = path.resolve(i >= 0 ? argv[i + 1] : 'dist');
  const t0 = performance.now();
  const chars = siteCharacters(dist);
  const manifest = await writeExportFonts(chars, path.join(dist, EXPORT_FONT_DIR));
  const sizes = manifest.faces.map((f) => `${f.file} ${(statSync(path.join(dist, EXPORT_FONT_DIR, f.file)).size / 1024).toFixed(1)} KB`);
  console.log(`export fonts: ${chars.size} characters → ${sizes.join(', ')} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}
