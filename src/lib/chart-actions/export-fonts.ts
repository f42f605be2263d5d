/**
 * Fonts for the PNG export. The PNG is the standalone SVG drawn as an image on a canvas
 * (./png.ts), and an SVG drawn as an image can use no font but the system's and those it carries
 * itself: on a machine without Japanese or Korean fonts, kana and hangul would come out as tofu
 * boxes. So the export carries its fonts: subsets of the same Noto faces the social images use
 * (lib/social/fonts.ts), cut at build time to the characters the site's pages hold
 * (tools/export-fonts.ts) and served from the site's own origin under /fonts/export/. They are
 * fetched only when a reader is about to save a PNG (pointer or focus on its button) or saves
 * one, once per page, and only the faces whose characters the image holds;
 * they go into the SVG as data: URLs in an @font-face rule, and the text takes them first.
 *
 * Browser-safe; the pure parts (ranges, picking faces, the style block) are tested in node.
 */

export const EXPORT_FONT_DIR = 'fonts/export/';
export const EXPORT_FONT_MANIFEST = 'faces.json';

/** One subset face as listed in faces.json. */
export interface ExportFace {
  /** CSS family name (distinct from any installed font: "Atlas Noto Sans JP"). */
  family: string;
  weight: 400 | 700;
  /** File name in /fonts/export/ (WOFF2). */
  file: string;
  /** Code points the face holds, as inclusive [from, to] ranges, ascending. */
  ranges: [number, number][];
}

export interface ExportFontManifest {
  /** Families in fallback order (Latin first, so Latin text never takes a CJK face's Latin glyphs). */
  families: string[];
  faces: ExportFace[];
}

/** Sorted code points as inclusive ranges. */
export function toRanges(codePoints: Iterable<number>): [number, number][] {
  const sorted = [...new Set(codePoints)].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const cp of sorted) {
    const last = out[out.length - 1];
    if (last && cp === last[1] + 1) last[1] = cp;
    else out.push([cp, cp]);
  }
  return out;
}

export function covers(face: ExportFace, cp: number): boolean {
  let lo = 0;
  let hi = face.ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = face.ranges[mid];
    if (cp < a) hi = mid - 1;
    else if (cp > b) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Text of an SVG document: what its <text> elements draw (entities decoded). */
export function svgText(markup: string): string {
  const parts: string[] = [];
  for (const m of markup.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)) parts.push(m[1].replace(/<[^>]*>/g, ''));
  return parts
    .join(' ')
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#([0-9]+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e] ?? '');
}

/** The faces that draw some character of `text` (a character goes to the first family holding it). */
export function facesFor(text: string, manifest: ExportFontManifest): ExportFace[] {
  const families = new Set<string>();
  for (const ch of text) {
    if (/\s/.test(ch)) continue;
    const cp = ch.codePointAt(0)!;
    for (const fam of manifest.families) {
      if (manifest.faces.some((f) => f.family === fam && covers(f, cp))) {
        families.add(fam);
        break;
      }
    }
  }
  return manifest.faces.filter((f) => families.has(f.family));
}

const cssString = (s: string) => `'${s.replace(/[\\']/g, '\\$&')}'`;

/**
 * The SVG with its fonts: @font-face rules with the faces as data: URLs, and a rule that puts the
 * embedded families ahead of `fallback` on every text element (Plot's own stylesheet names
 * system-ui, which on a machine without CJK fonts has no kana).
 */
export function withFonts(markup: string, faces: { face: ExportFace; base64: string }[], fallback: string): string {
  if (!faces.length) return markup;
  const families = [...new Set(faces.map((f) => f.face.family))];
  const rules = faces.map(
    ({ face, base64 }) =>
      `@font-face{font-family:${cssString(face.family)};font-weight:${face.weight};font-style:normal;src:url(data:font/woff2;base64,${base64}) format('woff2');}`,
  );
  rules.push(`text,tspan{font-family:${[...families.map(cssString), fallback].join(',')} !important;}`);
  const style = `<style>${rules.join('')}</style>`;
  // Right after the root element's start tag (the first <svg …>; an XML declaration may precede it).
  return markup.replace(/<svg\b[^>]*>/, (open) => `${open}${style}`);
}

function base64(bytes: ArrayBuffer): string {
  const u8 = new Uint8Array(bytes);
  let s = '';
  for (let i = 0; i < u8.length; i += 0x8000) s += String.fromCharCode(...u8.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Manifest and faces already fetched, by URL: a second PNG (or one prepared on intent) fetches nothing. */
const fetched = new Map<string, Promise<unknown>>();
function once<T>(url: string, read: (r: Response) => Promise<T>, missing: (status: number) => T | Promise<T>): Promise<T> {
  let p = fetched.get(url) as Promise<T> | undefined;
  if (!p) {
    p = fetch(url).then((r) => (r.ok ? read(r) : missing(r.status)));
    fetched.set(url, p);
    p.catch(() => fetched.delete(url)); // a failed fetch is tried again by the next export
  }
  return p;
}

/**
 * In the browser: the served export faces that `markup`'s text needs, fetched once per page. Null
 * without the manifest (a dev server, an old build): the system's fonts then draw the image.
 */
export async function loadExportFonts(markup: string, base = import.meta.env.BASE_URL ?? '/'): Promise<{ face: ExportFace; base64: string }[] | null> {
  const dir = `${base.endsWith('/') ? base : `${base}/`}${EXPORT_FONT_DIR}`;
  const manifest = await once<ExportFontManifest | null>(`${dir}${EXPORT_FONT_MANIFEST}`, (r) => r.json(), () => null).catch(() => null);
  if (!manifest) return null;
  return Promise.all(
    facesFor(svgText(markup), manifest).map(async (face) => ({
      face,
      base64: await once(`${dir}${encodeURIComponent(face.file)}`, async (r) => base64(await r.arrayBuffer()), (status) => {
        throw new Error(`the font ${face.file} could not be loaded (${status})`);
      }),
    })),
  );
}

/**
 * In the browser: `markup` with the served export fonts its text needs. Without the manifest (a
 * dev server, an old build) the markup comes back as it was: the system's fonts draw it.
 */
export async function embedExportFonts(markup: string, fallback: string, base = import.meta.env.BASE_URL ?? '/'): Promise<string> {
  const loaded = await loadExportFonts(markup, base);
  return loaded ? withFonts(markup, loaded, fallback) : markup;
}
