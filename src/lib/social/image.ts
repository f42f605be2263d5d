/**
 * Social images (og:image, twitter:card summary_large_image): 1200 × 630 PNG, drawn at build time
 * from a chart's own pre-rendered SVG with resvg. The card says what a shared link shows: the
 * title, the chart, the caveat that matters for it (e.g. "apprehensions are events, not people"),
 * the sources and the data release.
 */
import { Resvg } from '@resvg/resvg-js';
import { FONT_STACK, measure, subsetFontFiles, wrap } from './fonts.ts';

export const SOCIAL_WIDTH = 1200;
export const SOCIAL_HEIGHT = 630;

export interface SocialCard {
  title: string;
  /** One line under the title (the chart's subtitle or the page's description). */
  subtitle?: string | null;
  /** The chart's pre-rendered SVG (root <svg> with a viewBox or width/height). */
  chartSvg?: string | null;
  /** The caveat a reader must not miss, drawn in a band above the footer. */
  caveat?: string | null;
  /** "Sources: …" line. */
  source?: string | null;
  /** Right of the footer: site name and release. */
  credit: string;
}

const PAD = 56;
const INK = '#1b1f24';
const MUTED = '#57606a';
const RULE = '#d0d7de';
const CAVEAT_BG = '#fff4e5';
const CAVEAT_INK = '#7a4b00';

export const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Width and height of an SVG from its viewBox (else its width/height attributes). */
function svgSize(svg: string): { w: number; h: number } | null {
  const open = svg.match(/<svg\b[^>]*>/)?.[0];
  if (!open) return null;
  const vb = open.match(/viewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*"/);
  if (vb) return { w: Number(vb[1]), h: Number(vb[2]) };
  const w = open.match(/\bwidth="([\d.]+)"/);
  const h = open.match(/\bheight="([\d.]+)"/);
  return w && h ? { w: Number(w[1]), h: Number(h[1]) } : null;
}

/** The chart's root <svg>, placed in a box (aspect kept, centred), its own text in the bundled fonts. */
function placeChart(svg: string, x: number, y: number, w: number, h: number): string {
  const size = svgSize(svg);
  if (!size) return '';
  const start = svg.indexOf('<svg');
  const body = svg.slice(start);
  const open = body.match(/<svg\b[^>]*>/)![0];
  // Drop the root's own geometry and place it; keep everything else (classes, styles, ids).
  const attrs = open
    .replace(/^<svg/, '')
    .replace(/>$/, '')
    .replace(/\s(x|y|width|height|viewBox|style|font-family)="[^"]*"/g, '');
  const placed = `<svg x="${x}" y="${y}" width="${w}" height="${h}" viewBox="0 0 ${size.w} ${size.h}" preserveAspectRatio="xMidYMid meet" font-family="${FONT_STACK.replace(/"/g, "'")}"${attrs}>`;
  return placed + body.slice(open.length);
}

function textLines(lines: string[], x: number, y: number, size: number, lineHeight: number, attrs: string): string {
  return lines.map((l, i) => `<text x="${x}" y="${y + i * lineHeight}" font-size="${size}" ${attrs}>${escapeXml(l)}</text>`).join('');
}

/**
 * The card as SVG markup (text in the bundled fonts; lines broken with their real metrics).
 * With a chart: words on the left, the chart on the right (charts are about as tall as wide, so
 * a column gives them the most room); without one: words across the card.
 */
export function socialSvg(card: SocialCard): string {
  const parts: string[] = [];
  const footerTop = SOCIAL_HEIGHT - PAD - 26;
  const hasChart = Boolean(card.chartSvg && svgSize(card.chartSvg));
  const textW = hasChart ? 430 : SOCIAL_WIDTH - 2 * PAD;
  const titleSize = hasChart ? 38 : 52;
  let y = PAD + titleSize - 6;
  const title = wrap(card.title, titleSize, textW, 700, hasChart ? 4 : 3);
  parts.push(textLines(title, PAD, y, titleSize, titleSize * 1.22, `font-weight="700" fill="${INK}"`));
  y += (title.length - 1) * titleSize * 1.22 + 42;
  if (card.subtitle) {
    const sub = wrap(card.subtitle, 22, textW, 400, hasChart ? 4 : 3);
    parts.push(textLines(sub, PAD, y, 22, 30, `fill="${MUTED}"`));
    y += sub.length * 30;
  }
  if (card.caveat) {
    const cav = wrap(card.caveat, 20, textW - 32, 700, 4);
    const h = cav.length * 27 + 22;
    const top = Math.max(y + 8, footerTop - 24 - h);
    parts.push(`<rect x="${PAD}" y="${top}" width="${textW}" height="${h}" rx="8" fill="${CAVEAT_BG}"/>`);
    parts.push(textLines(cav, PAD + 16, top + 33, 20, 27, `font-weight="700" fill="${CAVEAT_INK}"`));
  }
  if (hasChart) {
    const x = PAD + textW + 40;
    parts.push(`<rect x="${x - 12}" y="${PAD - 12}" width="${SOCIAL_WIDTH - PAD - x + 24}" height="${footerTop - PAD}" rx="10" fill="#ffffff" stroke="${RULE}"/>`);
    parts.push(placeChart(card.chartSvg!, x, PAD, SOCIAL_WIDTH - PAD - x, footerTop - PAD - 24));
  }
  parts.push(`<line x1="${PAD}" x2="${SOCIAL_WIDTH - PAD}" y1="${footerTop}" y2="${footerTop}" stroke="${RULE}" stroke-width="2"/>`);
  const creditW = measure(card.credit, 18, 700);
  if (card.source) parts.push(textLines(wrap(card.source, 18, SOCIAL_WIDTH - 2 * PAD - creditW - 32, 400, 1), PAD, footerTop + 32, 18, 24, `fill="${MUTED}"`));
  parts.push(`<text x="${SOCIAL_WIDTH - PAD}" y="${footerTop + 32}" font-size="18" font-weight="700" fill="${INK}" text-anchor="end">${escapeXml(card.credit)}</text>`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SOCIAL_WIDTH}" height="${SOCIAL_HEIGHT}" viewBox="0 0 ${SOCIAL_WIDTH} ${SOCIAL_HEIGHT}" font-family="${FONT_STACK.replace(/"/g, "'")}">`,
    `<rect width="${SOCIAL_WIDTH}" height="${SOCIAL_HEIGHT}" fill="#ffffff"/>`,
    ...parts,
    '</svg>',
  ].join('');
}

/** All the text an SVG draws (for subsetting the fonts it needs). */
export function svgText(svg: string): string {
  const out: string[] = [];
  for (const m of svg.matchAll(/<(text|tspan)\b[^>]*>([^<]*)/g)) out.push(m[2]);
  return out.join(' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** The card as a 1200 × 630 PNG; subset fonts are cached in `fontDir`. */
export async function socialPng(card: SocialCard, fontDir: string): Promise<Buffer> {
  const svg = socialSvg(card);
  const fontFiles = await subsetFontFiles(svgText(svg), fontDir);
  const r = new Resvg(svg, {
    fitTo: { mode: 'width', value: SOCIAL_WIDTH },
    font: { loadSystemFonts: false, fontFiles, defaultFontFamily: 'Noto Sans', sansSerifFamily: 'Noto Sans' },
  });
  return r.render().asPng();
}
