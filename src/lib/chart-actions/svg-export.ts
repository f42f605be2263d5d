/**
 * A chart as a standalone SVG file for print and slides: the chart's own SVG (as drawn on screen,
 * at its drawn size) framed with its title on top and, underneath, the sources and the release.
 * White background, dark text and a system font stack, so it reads the same in any viewer and
 * whatever theme the page was in. The PNG download draws this same SVG onto a canvas.
 *
 * Pure string work (no DOM), so it runs in the browser and in tests alike.
 */

export interface FrameText {
  title: string;
  subtitle?: string;
  /** Lines under the chart: sources, then the credit with the release. */
  footer: string[];
  /** The chart's key (../charts/key.ts), drawn between the chart and the footer. */
  key?: KeyItem[];
}

export interface StandaloneSvg {
  markup: string;
  width: number;
  height: number;
}

import { keySymbol, type KeyItem } from '../charts/key.ts';

/** The system font stack of exported text (the PNG puts its embedded faces ahead of it). */
export const EXPORT_FONT_STACK = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', 'Noto Sans', 'DejaVu Sans', Arial, sans-serif";
const PAD = 16;

export const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Greedy word wrap by an average glyph width (no text metrics outside a browser). */
export function wrap(text: string, maxWidth: number, fontSize: number): string[] {
  const perLine = Math.max(12, Math.floor(maxWidth / (fontSize * 0.54)));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > perLine) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** Width and height of a chart SVG from its attributes (Plot writes width, height and viewBox). */
export function svgSize(markup: string): { width: number; height: number } {
  const open = markup.match(/<svg\b[^>]*>/)?.[0] ?? '';
  const attr = (name: string) => open.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
  const vb = attr('viewBox')?.trim().split(/[\s,]+/).map(Number);
  const width = Number(attr('width')) || (vb && vb[2]) || 640;
  const height = Number(attr('height')) || (vb && vb[3]) || 400;
  return { width, height };
}

/** The chart SVG made embeddable as a nested <svg>: namespace, position and explicit size. */
function nested(markup: string, y: number, width: number, height: number): string {
  return markup.replace(/<svg\b([^>]*)>/, (_m, attrs: string) => {
    const kept = attrs.replace(/\s(xmlns|x|y|width|height)="[^"]*"/g, '');
    return `<svg${kept} x="0" y="${y}" width="${width}" height="${height}">`;
  });
}

export function standaloneSvg(chartSvg: string, text: FrameText): StandaloneSvg {
  const { width: chartWidth, height: chartHeight } = svgSize(chartSvg);
  const width = Math.round(chartWidth + 2 * PAD);
  const inner = width - 2 * PAD;
  const parts: string[] = [];
  let y = PAD;
  const block = (lines: string[], size: number, weight: number, color: string, lead = 1.3) => {
    for (const l of lines) {
      y += size;
      parts.push(`<text x="${PAD}" y="${y}" font-size="${size}" font-weight="${weight}" fill="${color}">${xmlEscape(l)}</text>`);
      y += size * (lead - 1);
    }
  };
  block(wrap(text.title, inner, 20), 20, 700, '#1b1b1b');
  if (text.subtitle) {
    y += 4;
    block(wrap(text.subtitle, inner, 13), 13, 400, '#3d3d3d');
  }
  y += 10;
  const chartY = y;
  y += chartHeight + 8;
  // The key, flowed in rows: a symbol and its label per item (same symbols as on screen).
  const items = text.key ?? [];
  let x = PAD;
  if (items.length) y += 2;
  for (const [n, item] of items.entries()) {
    const w = 28 + 6 + Math.ceil(item.label.length * 11 * 0.54) + 16;
    if (x > PAD && x + w > width - PAD) {
      x = PAD;
      y += 18;
    }
    parts.push(`<g transform="translate(${x} ${y})">${keySymbol(item.symbol, item.color ?? '#3d3d3d')}</g>`);
    parts.push(`<text x="${x + 34}" y="${y + 10}" font-size="11" fill="#3d3d3d">${xmlEscape(item.label)}</text>`);
    x += w;
    if (n === items.length - 1) y += 24;
  }
  for (const line of text.footer) block(wrap(line, inner, 11), 11, 400, '#595959', 1.35);
  const height = Math.ceil(y + PAD);
  const markup = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${xmlEscape(EXPORT_FONT_STACK)}" color="#1b1b1b">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...parts,
    `<g transform="translate(${PAD} 0)">${nested(chartSvg, chartY, chartWidth, chartHeight)}</g>`,
    '</svg>',
  ].join('\n');
  return { markup: `<?xml version="1.0" encoding="UTF-8"?>\n${markup}\n`, width, height };
}
