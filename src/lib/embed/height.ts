/**
 * The `height` attribute written into an embed snippet: what the iframe shows before the loader
 * reports the real height, and for good when the host page strips the loader script. It is
 * estimated at build time from the pre-rendered drawings and the embed's CSS (layouts/Embed.astro),
 * at the narrowest and widest common widths, and the larger is kept: at most some empty space
 * under the footer, never a chart cut off behind a scrollbar. The embed test checks the estimate
 * against the measured height. Pure and browser-safe.
 */

export interface SvgBox {
  width: number;
  height: number;
}

/** Size of a Plot SVG from its viewBox (or width/height attributes). */
export function svgBox(svg: string): SvgBox {
  const vb = /viewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*"/.exec(svg);
  if (vb) return { width: Number(vb[1]), height: Number(vb[2]) };
  const w = /\bwidth="([\d.]+)"/.exec(svg);
  const h = /\bheight="([\d.]+)"/.exec(svg);
  return { width: Number(w?.[1] ?? 640), height: Number(h?.[1] ?? 400) };
}

export interface EmbedShape {
  wide: SvgBox;
  narrow: SvgBox;
  title: string;
  subtitle: string;
  /** Labels of the key entries under the chart. */
  key: string[];
  /** Length in characters of the source line. */
  sourceChars: number;
}

/** Mirrors of the embed's CSS (layouts/Embed.astro, styles/global.css), in CSS pixels. */
const CSS = {
  rem: 16,
  maxWidth: 800,
  padX: 24,
  padY: 17.6,
  /** chart-figure's container query switches to the narrow drawing at or below this width. */
  narrowAt: 560,
  narrowMax: 430,
  wideMax: 950,
};

/** Lines a text of `chars` characters takes in `width` px at `fontPx` (average glyph ≈ ratio × size). */
const lines = (chars: number, width: number, fontPx: number, ratio = 0.52) => Math.max(1, Math.ceil((chars * ratio * fontPx) / width));

/** Estimated content height of an embed at an iframe width. */
export function estimateHeight(width: number, s: EmbedShape): number {
  const c = Math.min(width, CSS.maxWidth) - CSS.padX;
  const titlePx = Math.min(1.35 * CSS.rem, Math.max(1.05 * CSS.rem, 0.034 * width));
  const title = lines(s.title.length, c, titlePx, 0.58) * titlePx * 1.2 + 3;
  const subPx = 0.88 * CSS.rem;
  const subtitle = lines(s.subtitle.length, c, subPx) * subPx * 1.4 + 8;
  const narrow = c <= CSS.narrowAt;
  const box = narrow ? s.narrow : s.wide;
  const drawn = Math.min(c, narrow ? CSS.narrowMax : CSS.wideMax);
  const plot = (drawn / box.width) * box.height;
  // Key entries wrap as whole items: fill rows greedily.
  const keyPx = 0.82 * CSS.rem;
  let rows = 0;
  let used = Infinity;
  for (const label of s.key) {
    // glyphs, the 28 px symbol, the gaps around it
    const w = label.length * 0.55 * keyPx + 52;
    if (w > c) {
      rows += Math.ceil(w / c);
      used = Infinity;
    } else if (used + w > c) {
      rows++;
      used = w;
    } else used += w;
  }
  const key = rows * keyPx * 1.55 + 8;
  const srcPx = 0.8 * CSS.rem;
  const sources = lines(s.sourceChars, c, srcPx) * srcPx * 1.55 + 6;
  const footPx = 0.78 * CSS.rem;
  const foot = (c < 460 ? 3 : 1) * footPx * 1.55 + 12;
  // paragraph and rule margins not counted above
  return CSS.padY + title + subtitle + plot + key + sources + foot + 12;
}

/** Widths the default height must fit: a small phone and a wide desktop column. */
export const FIT_WIDTHS = [320, 1280];

/** The snippet's default height: the tallest estimate over FIT_WIDTHS, plus a little air, to 10 px. */
export function defaultHeight(s: EmbedShape): number {
  const h = Math.max(...FIT_WIDTHS.map((w) => estimateHeight(w, s)));
  return Math.ceil((h * 1.03) / 10) * 10;
}
