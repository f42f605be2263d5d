/**
 * The key of a chart: every mark that is not labelled directly (line styles, ranges, hollow
 * points and circles, event strips), as data. ChartKey.astro prints it under the chart and the
 * SVG/PNG export draws it under the exported chart (../chart-actions/svg-export.ts), from the same
 * list, with the same symbols. Pure and browser-safe.
 */
import { DIRECTION_KEY_PREFIX, DIRECTION_LABELS, DIRECTION_ORDER, directionMark } from '../domain/labels.ts';
import { drawsWindows, type ChartSpec } from './spec.ts';
import { tx } from './locale.ts';

/** The key symbol of a rule-change direction: the shape it has in the chart (domain/labels.ts). */
export function directionKeySymbol(direction: string): KeySymbol {
  const m = directionMark(direction);
  if (m.symbol === 'triangle') return m.rotate === 180 ? 'triangle-down' : 'triangle-up';
  return m.symbol === 'diamond' ? 'diamond' : 'hollow';
}

/** One key item per rule-change direction, in lane order. */
export const directionKeyItems = (layer?: string, asRuleChange = false): KeyItem[] =>
  DIRECTION_ORDER.map((d) => ({
    symbol: directionKeySymbol(d),
    label: asRuleChange ? tx('Rule change: {direction}', { direction: tx(DIRECTION_LABELS[d]).toLowerCase() }) : tx(DIRECTION_LABELS[d]),
    ...(layer ? { layer } : {}),
  }));

export type KeySymbol = 'solid' | 'dashed' | 'range' | 'bracket' | 'grade' | 'dots' | 'hollow' | 'hollow-dot' | 'diamond' | 'bar' | 'triangle-up' | 'triangle-down';

export interface KeyItem {
  symbol: KeySymbol;
  label: string;
  /** Shown only while this event layer is on. */
  layer?: string;
  /** A fixed colour the mark has in the chart (e.g. a rule change's direction); default: the text colour. */
  color?: string;
}

export function timeComparisonKey(spec: ChartSpec): KeyItem[] {
  const items: KeyItem[] = [
    { symbol: 'solid', label: tx('Official count (filled points)') },
    { symbol: 'dashed', label: tx('Research estimate (hollow points)') },
  ];
  if (spec.encodings.low) items.push({ symbol: 'range', label: tx('Estimate range (low to high)') });
  if (drawsWindows(spec)) items.push({ symbol: 'bracket', label: tx('Total over a window of time: the bracket spans the months or years it covers') });
  for (const l of spec.layers) {
    if (l.mark === 'dots') {
      items.push({ symbol: 'dots', label: l.label, layer: l.layer });
      if (l.size) items.push({ symbol: 'hollow-dot', label: tx('Dotted ring: number granted not published'), layer: l.layer });
    } else if (Object.keys(spec.palette).some((k) => k.startsWith(DIRECTION_KEY_PREFIX))) {
      // Rule changes in lanes by direction: each direction's shape, not one diamond for all.
      items.push(...directionKeyItems(l.layer, true));
    } else items.push({ symbol: 'diamond', label: l.label, layer: l.layer });
  }
  return items;
}

/** Items of a key for the layers switched on. */
export const keyFor = (items: KeyItem[], layers: string[] | undefined) => items.filter((i) => !i.layer || (layers ?? []).includes(i.layer));

/**
 * SVG markup (no outer <svg>) of a symbol in a `w` × 12 box, drawn in `color` (currentColor on
 * screen, a fixed grey in exports).
 */
export function keySymbol(symbol: KeySymbol, color = 'currentColor', w = 28): string {
  const mid = w / 2;
  switch (symbol) {
    case 'solid':
      return `<line x1="0" x2="${w}" y1="6" y2="6" stroke="${color}" stroke-width="2.25"/><circle cx="${mid}" cy="6" r="3" fill="${color}"/>`;
    case 'dashed':
      return `<line x1="0" x2="${w}" y1="6" y2="6" stroke="${color}" stroke-width="2" stroke-dasharray="5,3"/><circle cx="${mid}" cy="6" r="3" class="key-hollow" fill="#ffffff" stroke="${color}" stroke-width="1.5"/>`;
    case 'range':
      return `<rect x="0" y="1" width="${w}" height="10" fill="${color}" fill-opacity="0.16"/><line x1="${mid}" x2="${mid}" y1="1" y2="11" stroke="${color}" stroke-width="2" stroke-opacity="0.7"/>`;
    case 'bracket':
      return `<rect x="2" y="3" width="${w - 4}" height="9" fill="${color}" fill-opacity="0.08"/><path d="M2,8V3H${w - 2}V8" fill="none" stroke="${color}" stroke-width="2"/><circle cx="${mid}" cy="3" r="2.5" fill="${color}"/>`;
    case 'grade':
      return `<text x="${mid}" y="10" font-size="10" font-weight="700" text-anchor="middle" fill="${color}">A–D</text>`;
    case 'dots':
      return `<circle cx="${mid}" cy="6" r="5.5" fill="${color}" fill-opacity="0.4" stroke="${color}"/>`;
    case 'hollow-dot':
      return `<circle cx="${mid}" cy="6" r="3" class="key-hollow" fill="#ffffff" stroke="${color}" stroke-width="1.25" stroke-dasharray="2,1.5"/>`;
    case 'hollow':
      return `<circle cx="${mid}" cy="6" r="5" fill="none" stroke="${color}" stroke-width="1.5"/>`;
    case 'bar':
      return `<line x1="2" x2="${w - 2}" y1="6" y2="6" stroke="${color}" stroke-width="3" stroke-opacity="0.45"/><circle cx="6" cy="6" r="4" fill="${color}" fill-opacity="0.4" stroke="${color}"/>`;
    case 'diamond':
      return `<path d="M${mid},1L${mid + 5},6L${mid},11L${mid - 5},6Z" fill="${color}"/>`;
    case 'triangle-up':
      return `<path d="M${mid},1.5L${mid + 5},10.5L${mid - 5},10.5Z" fill="${color}"/>`;
    case 'triangle-down':
      return `<path d="M${mid},10.5L${mid + 5},1.5L${mid - 5},1.5Z" fill="${color}"/>`;
  }
}
