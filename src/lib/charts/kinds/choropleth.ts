/**
 * Kind `choropleth`: one value per country of Europe, as a map on a wide screen and as a ranked bar
 * list on a phone (below NARROW a map of 35 states is unreadable and its small states untappable).
 *
 * Rows of the main dataset follow the `series` role (../tooltip.ts) plus `country_code`; one row per
 * country. Geometry: ../../geo/europe.json (built by tools/make-geo.ts from Natural Earth), loaded
 * by `load` before the first browser draw (../../geo/store.ts).
 *
 *  - Fill: a threshold scale, breaks at the quantiles of the values in view snapped to round
 *    numbers (counts spread over four orders of magnitude: a linear ramp would paint all but three
 *    states the same); the legend is drawn inside the SVG, so exports carry it.
 *  - Countries with no row are hatched (no data); states outside the data are drawn as context.
 *  - Small states (`SMALL_STATES`) get a circle at their label point in their fill: the circle is
 *    the focusable, tappable mark, the sliver of land stays decorative.
 *  - Every data country is a link to its country page and a tab stop, named by its `<title>`
 *    (country, value, year).
 *
 * Options: `projection` rotation centre is Europe's; `options.legend` overrides the legend title.
 */
import * as Plot from '@observablehq/plot';
import type { ChartKind } from './kind.ts';
import type { ChartRows, ChartSpec, Row } from '../spec.ts';
import type { KeyItem } from '../key.ts';
import type { DrawState, PlotContext } from '../plot-options.ts';
import { NARROW, tagPoints } from '../plot-options.ts';
import { formatCompact, formatNumber } from '../format.ts';
import { countryHref } from '../../page-data/paths.ts';
import { geometry, loadGeometry, type EuropeFeature } from '../../geo/store.ts';
import { tx, txn } from '../locale.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** States too small to find or tap on a map of Europe: drawn as a circle as well. */
export const SMALL_STATES = ['MLT', 'LUX', 'CYP', 'LIE', 'AND', 'MCO', 'SMR'] as const;
/** Sequential fills, light to dark; readable on both themes (the land outline carries the shape). */
export const CHORO_FILLS = ['#deebf7', '#b3cde3', '#8cb3d9', '#5b8fc7', '#3a6fb0', '#1f4e8c', '#0b2f66'] as const;

type Feature = EuropeFeature;

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/**
 * Breaks at the values' quantiles, each snapped to the nearest step of a 1–2.5–5 ladder (in log
 * terms), so the classes split the countries evenly and the legend still reads in round numbers.
 * At most `n - 1` breaks, strictly rising, above the smallest value and not above the largest.
 */
export function ladderBreaks(values: number[], n = CHORO_FILLS.length): number[] {
  const pos = values.filter((v) => v > 0).sort((a, b) => a - b);
  if (pos.length < 2) return [];
  const lo = pos[0];
  const hi = pos[pos.length - 1];
  const ladder: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) for (const m of [1, 2.5, 5]) ladder.push(m * 10 ** e);
  const steps = ladder.filter((b) => b > lo && b <= hi);
  const out: number[] = [];
  for (let k = 1; k < n; k++) {
    const q = pos[Math.min(pos.length - 1, Math.round((k * pos.length) / n))];
    const snap = steps.reduce<number | null>((best, b) => (best === null || Math.abs(Math.log(b / q)) < Math.abs(Math.log(best / q)) ? b : best), null);
    if (snap !== null && !out.includes(snap)) out.push(snap);
  }
  return out.sort((a, b) => a - b);
}

export function fillOf(breaks: number[], v: number | null): string | null {
  if (v === null) return null;
  let i = 0;
  while (i < breaks.length && v >= breaks[i]) i++;
  // Fewer breaks than fills: spread the classes over the ramp so the top class is the darkest.
  const classes = breaks.length + 1;
  const idx = classes === 1 ? CHORO_FILLS.length - 1 : Math.round((i * (CHORO_FILLS.length - 1)) / (classes - 1));
  return CHORO_FILLS[idx];
}

interface Item {
  i: number;
  row: Row;
  code: string;
  name: string;
  value: number | null;
}

function itemsOf(spec: ChartSpec, rows: ChartRows): Item[] {
  return (rows[spec.encodings.dataset] ?? []).map((row, i) => ({
    i,
    row,
    code: str(row.country_code),
    name: str(row[spec.encodings.label]) || str(row.country_code),
    value: num(row[spec.encodings.y]),
  }));
}

const hrefOf = (it: Item) => countryHref(it.code);

/** A render-only mark: draws with the document and the frame's dimensions (legend, pattern). */
function drawn(fn: (doc: Document, dims: { width: number; height: number; marginLeft: number; marginTop: number }) => SVGElement): Plot.Markish {
  return (_index, _scales, _values, dimensions, context) => fn(context.document, dimensions);
}

function legend(breaks: number[], title: string, hatchId: string, fontSize: number): Plot.Markish {
  return drawn((doc, dims) => {
    const g = doc.createElementNS(SVG_NS, 'g') as SVGGElement;
    g.setAttribute('class', 'chart-map-legend');
    g.setAttribute('aria-hidden', 'true');
    g.setAttribute('text-anchor', 'start');
    const x0 = dims.marginLeft + 8;
    const y0 = dims.marginTop + 8;
    const sw = 34;
    const add = (tag: string, attrs: Record<string, string | number>, text?: string) => {
      const el = doc.createElementNS(SVG_NS, tag);
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
      if (text !== undefined) el.textContent = text;
      g.appendChild(el);
      return el;
    };
    add('text', { x: x0, y: y0 + fontSize, 'font-weight': 600, fill: 'currentColor' }, title);
    const classes = breaks.length + 1;
    for (let c = 0; c < classes; c++) {
      const v = c === 0 ? 0 : breaks[c - 1];
      add('rect', { x: x0 + c * sw, y: y0 + fontSize + 6, width: sw - 2, height: 10, fill: fillOf(breaks, v === 0 ? (breaks[0] ?? 1) / 2 : v) ?? 'none', stroke: 'currentColor', 'stroke-opacity': 0.25 });
      if (c > 0) add('text', { x: x0 + c * sw - 1, y: y0 + fontSize + 30, 'text-anchor': 'middle', fill: 'currentColor', 'fill-opacity': 0.8 }, formatCompact(breaks[c - 1]));
    }
    const hx = x0 + classes * sw + 12;
    add('rect', { x: hx, y: y0 + fontSize + 6, width: sw - 2, height: 10, fill: `url(#${hatchId})`, stroke: 'currentColor', 'stroke-opacity': 0.4 });
    add('text', { x: hx + sw + 2, y: y0 + fontSize + 15, fill: 'currentColor', 'fill-opacity': 0.8 }, tx('no data'));
    return g;
  });
}

function hatchDefs(id: string): Plot.Markish {
  return drawn((doc) => {
    const defs = doc.createElementNS(SVG_NS, 'defs') as SVGDefsElement;
    const p = doc.createElementNS(SVG_NS, 'pattern');
    for (const [k, v] of Object.entries({ id, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' })) p.setAttribute(k, String(v));
    const line = doc.createElementNS(SVG_NS, 'line');
    for (const [k, v] of Object.entries({ x1: 0, y1: 0, x2: 0, y2: 6, stroke: 'currentColor', 'stroke-width': 1.2, 'stroke-opacity': 0.45 })) line.setAttribute(k, String(v));
    p.appendChild(line);
    defs.appendChild(p);
    return defs;
  });
}

/** The phone layout: countries ranked by value, one bar each; no-data countries listed last. */
function rankedBars(spec: ChartSpec, items: Item[], width: number, title: string): Plot.PlotOptions {
  const fontSize = 11;
  const withValue = items.filter((it) => it.value !== null).sort((a, b) => b.value! - a.value! || a.name.localeCompare(b.name));
  const breaks = ladderBreaks(withValue.map((it) => it.value!));
  const rowH = 20;
  const top = Math.max(0, ...withValue.map((it) => it.value!));
  const order = withValue.map((it) => it.code);
  const nameOf = new Map(withValue.map((it) => [it.code, it.name]));
  const tabs = new Set(withValue.map((it) => it.i));
  const dataset = spec.encodings.dataset;
  const role = spec.datasets[dataset].role;
  const tagged = withValue.map((it) => ({ i: it.i, row: it.row, line: it.code }));
  const none = items.filter((it) => it.value === null).map((it) => it.name);
  const noneText = none.length ? tx('No data: {items}', { items: none.join(tx(', ')) }) : '';
  const plotH = order.length * rowH;
  const marginLeft = Math.min(120, 12 + Math.max(40, ...withValue.map((it) => it.name.length * fontSize * 0.58)));
  // Title and no-data line span the whole width, from the SVG's left edge (not the bars').
  // Plot wraps at `lineWidth` ems; the bold title may need two lines on a phone (long Italian or
  // Spanish words), so the top margin grows with the lines it takes (kana, kanji, hangul: 1 em a
  // character, other letters about 0.62 em in bold).
  const lineWidth = (width - 8) / fontSize;
  const titleEms = [...title].reduce((n, ch) => n + (/[\u3000-\u9fff\uac00-\ud7af]/.test(ch) ? 1 : 0.62), 0);
  const titleLines = Math.max(1, Math.ceil(titleEms / lineWidth));
  const headRoom = 48 + (titleLines - 1) * Math.round(fontSize * 1.2);
  const fullWidth = { dx: 4 - marginLeft, lineWidth, textAnchor: 'start' as const, fill: 'currentColor' };
  return {
    width,
    height: headRoom + plotH + (noneText ? 40 : 8),
    marginTop: headRoom,
    marginLeft,
    marginRight: 44,
    marginBottom: noneText ? 40 : 8,
    style: { fontSize: `${fontSize}px`, fontFamily: 'inherit', overflow: 'visible' },
    className: 'chart-svg-plot',
    ariaLabel: spec.title,
    x: { type: 'linear', grid: true, ticks: 3, tickFormat: (v: number) => formatCompact(v), label: null, axis: 'top' },
    y: { type: 'band', domain: order, padding: 0.2, tickFormat: (c: string) => nameOf.get(c) ?? c, tickSize: 0, label: null },
    marks: [
      Plot.barX(withValue, { x: 'value', y: 'code', fill: (it: Item) => fillOf(breaks, it.value), stroke: 'currentColor', strokeOpacity: 0.3, ariaHidden: 'true' }),
      // The link and tab stop is the whole row (a bar of 15 beside 263,670 is a hairline no finger finds).
      Plot.barX(withValue, {
        x1: 0,
        x2: top,
        y: 'code',
        fill: 'currentColor',
        fillOpacity: 0,
        href: hrefOf,
        className: 'chart-events',
        render: tagPoints(dataset, role, tagged, tabs),
      }),
      Plot.text(withValue, { x: 'value', y: 'code', text: (it: Item) => formatCompact(it.value!), dx: 4, textAnchor: 'start', fill: 'currentColor', ariaHidden: 'true' }),
      Plot.text([title], { ...fullWidth, frameAnchor: 'top-left', dy: 4 - headRoom, fontWeight: 600, lineAnchor: 'top' }),
      ...(noneText ? [Plot.text([noneText], { ...fullWidth, frameAnchor: 'bottom-left', dy: 34, lineAnchor: 'bottom', fillOpacity: 0.8 })] : []),
    ],
  } as Plot.PlotOptions;
}

function legendTitle(spec: ChartSpec, rows: ChartRows): string {
  const first = (rows[spec.encodings.dataset] ?? [])[0];
  const opt = typeof spec.options?.legend === 'string' ? spec.options.legend : '';
  return [opt || str(first?.series_title), str(first?.period)].filter(Boolean).join(', ');
}

function plotOptions(spec: ChartSpec, rows: ChartRows, _state: DrawState, ctx: PlotContext): Plot.PlotOptions {
  const width = Math.max(280, Math.round(ctx.width));
  const items = itemsOf(spec, rows);
  const title = legendTitle(spec, rows);
  if (width < NARROW) return rankedBars(spec, items, width, title);

  const FEATURES = geometry('europe').features;
  const fontSize = 12;
  const byCode = new Map(items.map((it) => [it.code, it]));
  const breaks = ladderBreaks(items.flatMap((it) => (it.value !== null ? [it.value] : [])));
  const hatchId = `${spec.id}-nodata`;
  const small = new Set<string>(SMALL_STATES);
  const dataset = spec.encodings.dataset;
  const role = spec.datasets[dataset].role;

  const context = FEATURES.filter((f) => !byCode.has(String(f.id)));
  const inData = FEATURES.filter((f) => byCode.has(String(f.id)));
  const withValue = inData.filter((f) => byCode.get(String(f.id))!.value !== null);
  const noValue = inData.filter((f) => byCode.get(String(f.id))!.value === null);
  // Countries in the rows that the map has no shape for would vanish silently: say so.
  const missing = items.filter((it) => !FEATURES.some((f) => f.id === it.code)).map((it) => it.code);
  if (missing.length) throw new Error(`chart "${spec.id}": no map shape for ${missing.join(', ')} (src/lib/geo/europe.json)`);

  const big = (fs: Feature[]) => fs.filter((f) => !small.has(String(f.id)));
  const item = (f: Feature) => byCode.get(String(f.id))!;
  const tag = (fs: Feature[]) => fs.map((f) => ({ i: item(f).i, row: item(f).row, line: item(f).code }));
  const allTabs = new Set(items.map((it) => it.i));
  const fill = (f: Feature) => fillOf(breaks, item(f).value);

  // The frame: the data countries, but not their far islands (the domain is a box over Europe).
  const domain: GeoJSON.Polygon = {
    type: 'Polygon',
    coordinates: [[[-24, 35], [-24, 71], [10, 71], [36, 71], [36, 35], [10, 35], [-24, 35]]],
  };
  const height = Math.round(width * 0.82);
  const smallItems = inData.filter((f) => small.has(String(f.id))).map((f) => ({ f, lon: f.properties.label[0], lat: f.properties.label[1] }));

  return {
    width,
    height,
    margin: 4,
    marginTop: 4,
    style: { fontSize: `${fontSize}px`, fontFamily: 'inherit', overflow: 'hidden' },
    className: 'chart-svg-plot',
    ariaLabel: spec.title,
    projection: { type: 'azimuthal-equal-area', rotate: [-10, -52], domain, inset: 4 },
    marks: [
      hatchDefs(hatchId),
      Plot.geo(context, { fill: 'currentColor', fillOpacity: 0.07, stroke: 'currentColor', strokeOpacity: 0.25, strokeWidth: 0.5, ariaHidden: 'true' }),
      Plot.geo(big(noValue), {
        fill: `url(#${hatchId})`,
        stroke: 'currentColor',
        strokeOpacity: 0.5,
        strokeWidth: 0.6,
        href: (f: Feature) => hrefOf(item(f)),
        className: 'chart-events chart-map-nodata',
        render: tagPoints(dataset, role, tag(big(noValue)), allTabs),
      }),
      Plot.geo(big(withValue), {
        fill,
        stroke: 'currentColor',
        strokeOpacity: 0.5,
        strokeWidth: 0.6,
        href: (f: Feature) => hrefOf(item(f)),
        className: 'chart-events chart-map-country',
        render: tagPoints(dataset, role, tag(big(withValue)), allTabs),
      }),
      // Small states: their land decorative, a circle beside it the mark to focus or tap.
      Plot.geo(inData.filter((f) => small.has(String(f.id))), { fill: (f: Feature) => fillOf(breaks, item(f).value) ?? `url(#${hatchId})`, stroke: 'currentColor', strokeOpacity: 0.5, strokeWidth: 0.5, ariaHidden: 'true' }),
      Plot.dot(smallItems, {
        x: 'lon',
        y: 'lat',
        r: 7,
        fill: (d: { f: Feature }) => fillOf(breaks, item(d.f).value) ?? `url(#${hatchId})`,
        stroke: 'currentColor',
        strokeWidth: 1.2,
        href: (d: { f: Feature }) => hrefOf(item(d.f)),
        className: 'chart-events chart-map-small',
        render: tagPoints(dataset, role, smallItems.map((d) => ({ i: item(d.f).i, row: item(d.f).row, line: item(d.f).code })), allTabs),
      }),
      // Labels to the right of the circle, or to the left in the east (Cyprus sits at the frame's edge).
      ...[false, true].map((east) => Plot.text(smallItems.filter((d) => (d.lon > 25) === east), { x: 'lon', y: 'lat', text: (d: { f: Feature }) => item(d.f).name, dx: east ? -10 : 10, textAnchor: east ? 'end' : 'start', fontSize: 10, fill: 'currentColor', stroke: 'var(--bg, #fff)', strokeWidth: 3, paintOrder: 'stroke', ariaHidden: 'true' })),
      legend(breaks, title, hatchId, fontSize),
    ],
  } as Plot.PlotOptions;
}

function describe(spec: ChartSpec, rows: ChartRows): string {
  const items = itemsOf(spec, rows);
  const title = legendTitle(spec, rows) || spec.title;
  const known = items.filter((it) => it.value !== null).sort((a, b) => b.value! - a.value!);
  if (!known.length) return tx('{title}: no values for the year selected.', { title });
  const top = known.slice(0, 3).map((it) => `${it.name} (${formatNumber(it.value)})`);
  const low = known[known.length - 1];
  const none = items.filter((it) => it.value === null).map((it) => it.name);
  return [
    txn(known.length, '{title}: {n} country with a value.', '{title}: {n} countries with a value.', { title }),
    tx('Highest: {items}.', { items: top.join(tx(', ')) }),
    tx('Lowest: {name} ({value}).', { name: low.name, value: formatNumber(low.value) }),
    none.length ? tx('No data: {items}.', { items: none.join(tx(', ')) }) : '',
  ]
    .filter(Boolean)
    .join(' ');
}

function key(): KeyItem[] {
  return [
    { symbol: 'bar', label: tx('Shade: value (darker is more; steps in the legend)') },
    { symbol: 'hollow', label: tx('Circle: a small state, drawn larger than its land so it can be found and tapped') },
  ];
}

export const choropleth: ChartKind = { plotOptions, describe, key, load: () => loadGeometry('europe') };
