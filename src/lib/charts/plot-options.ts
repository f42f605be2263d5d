/**
 * Spec + rows + state → Observable Plot options. Pure: no DOM access, no fetching, no clock, no
 * randomness; inputs are never mutated. The build (render-node.ts, with linkedom as `document`)
 * and the browser (hydrate.ts) call this same function, so the pre-rendered SVG and the redrawn
 * one differ only by width and data.
 *
 * The render transforms attached to point marks run inside Plot.plot() and only touch the
 * elements Plot just created (through Plot's own `context.document`): they tag each point with
 * `data-tip="<dataset>:<row>"` for tooltips, give it a `<title>` (native tooltip and accessible
 * name without JavaScript) and a roving tabindex (first point of each line is a tab stop).
 */
import { chartLocale, tx } from './locale.ts';
import * as Plot from '@observablehq/plot';
import { drawsWindows, type ChartRows, type ChartSpec, type DatasetRole, type EventLayer, type Row } from './spec.ts';
import { formatCompact, parseDate } from './format.ts';
import { tipText } from './tooltip.ts';
import { assignLineColors, countryColor } from '../domain/countries.ts';
import { regularizationRadius } from '../domain/rules.ts';
import { DIRECTION_KEY_PREFIX, directionMark } from '../domain/labels.ts';

export interface PlotContext {
  /** Width in CSS pixels of the drawing. */
  width: number;
}

/** The fields of a time-comparison state that drawing reads. */
export interface DrawState {
  scale?: 'linear' | 'log';
  mode?: 'absolute' | 'indexed';
  layers?: string[];
  from?: number;
  to?: number;
}

/** Below this width the chart switches to its narrow layout (shorter labels, fewer ticks). */
export const NARROW = 520;

interface Point {
  /** Index of the row in its dataset (for `data-tip`). */
  i: number;
  row: Row;
  line: string;
  color: string;
  label: string;
  estimate: boolean;
  x: Date;
  y: number | null;
  low: number | null;
  high: number | null;
  /** A total over a window (a cumulative count, a flow over several years): drawn as a bracket from start to end. */
  window: { start: Date; end: Date } | null;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const textWidth = (s: string, fontSize: number) => s.length * fontSize * 0.6;
const SVG_NS = 'http://www.w3.org/2000/svg';

/** Builds the points of the line dataset, indexed if asked, without non-positive values on a log scale. */
function seriesPoints(spec: ChartSpec, rows: ChartRows, state: DrawState): Point[] {
  const enc = spec.encodings;
  const data = rows[enc.dataset] ?? [];
  const colors = lineColors(spec, data);
  const windows = drawsWindows(spec);
  const points: Point[] = data.map((row, i) => {
    const line = String(row[enc.line] ?? '');
    const ws = windows ? row.window_start : null;
    const we = windows ? row.window_end : null;
    return {
      i,
      row,
      line,
      color: colors(line, String(row[enc.color] ?? '')),
      label: String(row[enc.label] ?? ''),
      estimate: row[enc.kind] !== 'count',
      x: parseDate(String(row[enc.x])),
      y: num(row[enc.y]),
      low: enc.low ? num(row[enc.low]) : null,
      high: enc.high ? num(row[enc.high]) : null,
      window: typeof ws === 'string' && typeof we === 'string' ? { start: parseDate(ws), end: parseDate(we) } : null,
    };
  });
  points.sort((a, b) => (a.line < b.line ? -1 : a.line > b.line ? 1 : +a.x - +b.x));

  if (state.mode === 'indexed') {
    // Each line is divided by its first value in view, so lines of very different size share a scale.
    // A total over a window has no place on an index of yearly values: it is left out.
    for (const p of points) if (p.window) p.y = p.low = p.high = null;
    const base = new Map<string, number>();
    for (const p of points) {
      if (base.has(p.line)) continue;
      const b = p.y ?? (p.low !== null && p.high !== null ? (p.low + p.high) / 2 : null);
      if (b !== null && b > 0) base.set(p.line, b);
    }
    for (const p of points) {
      const b = base.get(p.line);
      const ix = (v: number | null) => (v === null || b === undefined ? null : (v / b) * 100);
      Object.assign(p, { y: ix(p.y), low: ix(p.low), high: ix(p.high) });
    }
  }
  if (state.scale === 'log') {
    for (const p of points) {
      if (p.y !== null && p.y <= 0) p.y = null;
      if (p.low !== null && p.low <= 0) p.low = null;
      if (p.high !== null && p.high <= 0) p.high = null;
    }
  }
  return points.filter((p) => p.y !== null || (p.low !== null && p.high !== null));
}

/**
 * Windows as brackets: a faint bar from the axis to the value across the window, topped by a
 * bracket (a rule with end ticks) at the value. Pixel geometry from Plot's scales; clipped to the
 * frame where the window starts before the first year in view. Decorative: the point at the
 * window's middle carries the figure for tooltips and the keyboard.
 */
function windowBrackets(items: Point[], narrow: boolean, baseline: number | null): Plot.RenderFunction {
  return (_index, scales, _values, dimensions, context) => {
    const doc = context.document;
    const g = doc.createElementNS(SVG_NS, 'g') as SVGGElement;
    g.setAttribute('aria-hidden', 'true');
    g.setAttribute('class', 'chart-windows');
    const x = scales.x as (d: Date) => number;
    const y = scales.y as (v: number) => number;
    const left = dimensions.marginLeft;
    const right = dimensions.width - dimensions.marginRight;
    const bottom = dimensions.height - dimensions.marginBottom;
    const r = (v: number) => Math.round(v * 10) / 10;
    const tick = narrow ? 5 : 6;
    for (const p of items) {
      if (!p.window || p.y === null) continue;
      const x1 = r(Math.max(left, x(p.window.start)));
      const x2 = r(Math.min(right, x(p.window.end)));
      const yv = r(y(p.y));
      const y0 = r(baseline === null ? bottom : Math.min(bottom, y(baseline)));
      if (!(x2 > x1) || !Number.isFinite(yv)) continue;
      const bar = doc.createElementNS(SVG_NS, 'rect');
      for (const [k, v] of Object.entries({ x: x1, y: yv, width: r(x2 - x1), height: r(Math.max(0, y0 - yv)), fill: p.color, 'fill-opacity': 0.08 })) bar.setAttribute(k, String(v));
      const path = doc.createElementNS(SVG_NS, 'path');
      for (const [k, v] of Object.entries({ d: `M${x1},${r(yv + tick)}V${yv}H${x2}V${r(yv + tick)}`, fill: 'none', stroke: p.color, 'stroke-width': 2, 'stroke-linejoin': 'miter' })) path.setAttribute(k, String(v));
      g.appendChild(bar);
      g.appendChild(path);
    }
    return g;
  };
}

/** Colour of a palette key: the spec's palette first, then the country's own colour (../domain/countries.ts). */
export function paletteColor(spec: ChartSpec, key: string): string {
  return spec.palette[key]?.color ?? countryColor(key);
}

/**
 * Line colours. `colorBy: 'country'` gives every line its country's colour; `'line'` gives the
 * first line of each country its country's colour and later lines of the same country other hues,
 * in the order the query returns them (so the colours do not depend on the width or the state).
 */
export function lineColors(spec: ChartSpec, data: Row[]): (line: string, key: string) => string {
  const enc = spec.encodings;
  if (enc.colorBy !== 'line') return (_line, key) => paletteColor(spec, key);
  // A composite colour key (`<part>:<country>`, breakdown-lines) names the lines that share a
  // colour; its country is the row's country_code, so the country's first key takes its colour.
  const composite = data.some((r) => String(r[enc.color] ?? '').includes(':'));
  const byLine = assignLineColors(
    data.map((r) => (composite ? { line: String(r[enc.color] ?? ''), country: String(r.country_code ?? '') } : { line: String(r[enc.line] ?? ''), country: String(r[enc.color] ?? '') })),
  );
  return (line, key) => (composite ? byLine.get(key) : byLine.get(line)) ?? paletteColor(spec, key);
}

/** Where a point sits vertically: its value, or the middle of its range when only a range is published. */
const yOf = (p: Point) => p.y ?? ((p.low as number) + (p.high as number)) / 2;

/**
 * Tick values for a log axis: the sparsest of 1 / 1-2-5 / 1-2-3-5 / every digit × 10^k that puts
 * at least three ticks inside the domain (Plot's default labels every minor tick, which crowds).
 */
export function logTicks(min: number, max: number, narrow: boolean): number[] {
  const sets = [[1], [1, 2, 5], [1, 2, 3, 5], [1, 2, 3, 4, 5, 6, 7, 8, 9]];
  const limit = narrow ? 5 : 8;
  let best: number[] = [];
  for (const steps of sets) {
    const out: number[] = [];
    for (let k = Math.floor(Math.log10(min)); k <= Math.ceil(Math.log10(max)); k++) {
      for (const s of steps) {
        const v = s * 10 ** k;
        if (v >= min && v <= max) out.push(v);
      }
    }
    if (out.length > limit && best.length >= 2) break;
    best = out;
    if (out.length >= 3) break;
  }
  return best.length >= 2 ? best : [min, max];
}

/**
 * Render transform for point marks: tags Plot's elements for tooltips and keyboard focus.
 * `tabStops` are dataset row indexes that get tabindex=0 (the others get -1).
 */
export function tagPoints(
  dataset: string,
  role: DatasetRole,
  items: { i: number; row: Row; line?: string }[],
  tabStops: Set<number>,
  /** Extra attributes per item (e.g. the data-* a <filter-list> matches). */
  attrs?: (item: { i: number; row: Row }) => Record<string, string>,
): Plot.RenderFunction {
  return (index, scales, values, dimensions, context, next) => {
    const g = next!(index, scales, values, dimensions, context);
    if (!g) return g;
    const doc = context.document;
    const children = Array.from(g.childNodes) as Element[];
    children.forEach((el, j) => {
      const item = items[index[j]];
      if (!item || typeof el.setAttribute !== 'function') return;
      el.setAttribute('data-tip', `${dataset}:${item.i}`);
      if (item.line !== undefined) el.setAttribute('data-line', item.line);
      el.setAttribute('tabindex', tabStops.has(item.i) ? '0' : '-1');
      el.setAttribute('class', 'chart-point');
      if (attrs) for (const [k, v] of Object.entries(attrs(item))) el.setAttribute(k, v);
      const title = doc.createElementNS(SVG_NS, 'title');
      title.textContent = tipText(role, item.row);
      el.appendChild(title);
    });
    return g;
  };
}

/**
 * Moves direct labels apart vertically where they would overlap. Works in pixels, after scales are
 * known, so it holds for linear, log and indexed views alike. `lines` is the number of text lines
 * of each label (labels wrap in narrow charts) and `widths` their estimated width in pixels.
 */
function dodgeLabels(fontSize: number, lines: number[], widths: number[]): Plot.RenderFunction {
  return (index, scales, values, dimensions, context, next) => {
    const ys = Array.from(values.y as ArrayLike<number>);
    const xs = values.x as ArrayLike<number>;
    const lh = fontSize + 2;
    const order = Array.from(index).sort((a, b) => ys[a] - ys[b]);
    const overlapX = (a: number, b: number) => xs[a] < xs[b] + widths[b] + 8 && xs[b] < xs[a] + widths[a] + 8;
    for (let k = 1; k < order.length; k++) {
      for (let m = 0; m < k; m++) {
        const a = order[m];
        const b = order[k];
        const gap = ((lines[a] + lines[b]) / 2) * lh;
        if (overlapX(a, b) && ys[b] - ys[a] < gap) ys[b] = ys[a] + gap;
      }
    }
    // Keep labels inside the frame: shift the whole stack up if the last one fell out.
    const bottom = dimensions.height - dimensions.marginBottom;
    const overflow = Math.max(0, ...order.map((i) => ys[i] + ((lines[i] - 1) * lh) / 2 - bottom));
    if (overflow > 0) for (const i of order) ys[i] -= overflow;
    return next!(index, scales, { ...values, y: ys } as typeof values, dimensions, context);
  };
}

/** A legend swatch: a short line at (x, y) in SVG pixels, solid for counts and dashed for estimates. */
function legendSwatch(x: number, y: number, w: number, color: string, dashed: boolean): Plot.RenderFunction {
  return (_index, _scales, _values, _dimensions, context) => {
    const line = context.document.createElementNS(SVG_NS, 'line') as SVGLineElement;
    for (const [k, v] of Object.entries({ x1: x, x2: x + w, y1: y, y2: y, stroke: color, 'stroke-width': dashed ? 2 : 2.25, 'aria-hidden': 'true' })) line.setAttribute(k, String(v));
    if (dashed) line.setAttribute('stroke-dasharray', '5,3');
    return line;
  };
}

/** Splits a line's range points into runs with no gap longer than `maxGapYears`, so bands never bridge missing years. */
function rangeRuns(points: Point[], maxGapYears: number): Map<Point, string> {
  const run = new Map<Point, string>();
  let prev: Point | null = null;
  let n = 0;
  for (const p of points) {
    if (!prev || prev.line !== p.line || +p.x - +prev.x > maxGapYears * 365.25 * 864e5) n++;
    run.set(p, `${p.line}#${n}`);
    prev = p;
  }
  return run;
}

/**
 * First and last year of the x axis: `state.from`, and `state.to` cut at the latest year with a
 * value or a marked event in view. The year range comes from the data: a chart whose `to` is
 * open (YEAR_MAX in ./url-state.ts) ends at the latest published year, whichever that is.
 */
export function viewYears(spec: ChartSpec, rows: ChartRows, state: DrawState): [number, number] {
  const enc = spec.encodings;
  const years: number[] = [];
  const collect = (data: Row[] | undefined, col: string) => {
    for (const r of data ?? []) {
      const y = Number(String(r[col] ?? '').slice(0, 4));
      if (Number.isFinite(y) && y > 0) years.push(y);
    }
  };
  collect(rows[enc.dataset], enc.x);
  // A total over a window reaches to its last day, beyond its mid-point on the axis.
  if (spec.drawColumns?.includes('window_end')) collect(rows[enc.dataset], 'window_end');
  for (const l of spec.layers) if ((state.layers ?? []).includes(l.layer)) collect(rows[l.dataset], l.x);
  const first = years.length ? Math.min(...years) : 2000;
  const last = years.length ? Math.max(...years) : first + 1;
  const from = state.from ?? first;
  const to = Math.min(state.to ?? last, Math.max(last, from + 1));
  return [from, Math.max(to, from + 1)];
}

export function timeComparisonOptions(spec: ChartSpec, rows: ChartRows, state: DrawState, ctx: PlotContext): Plot.PlotOptions {
  const enc = spec.encodings;
  const width = Math.max(280, Math.round(ctx.width));
  const narrow = width < NARROW;
  const fontSize = narrow ? 11 : 12;
  const indexed = state.mode === 'indexed';
  const log = state.scale === 'log';
  const points = seriesPoints(spec, rows, state);
  // Totals over a window are brackets, never joined to the points of a line.
  const windowed = points.filter((p) => p.window !== null && p.y !== null);
  const withValue = points.filter((p) => p.y !== null && p.window === null);
  const withRange = points.filter((p) => p.low !== null && p.high !== null);


  // Tab stops: the first point of each line.
  const firstOfLine = new Set<number>();
  const seen = new Set<string>();
  for (const p of points) if (!seen.has(p.line)) (seen.add(p.line), firstOfLine.add(p.i));

  // y domain from every value and bound in view; linear absolute charts start at zero.
  const ys = points.flatMap((p) => [p.y, p.low, p.high]).filter((v): v is number => v !== null);
  const yMin = ys.length ? Math.min(...ys) : 1;
  const yMax = ys.length ? Math.max(...ys) : 1;

  const [fromYear, toYear] = viewYears(spec, rows, state);
  const xDomain: [Date, Date] = [new Date(Date.UTC(fromYear, 0, 1)), new Date(Date.UTC(toYear, 11, 31))];

  // Direct labels at the last point of each line; the right margin is sized to the longest one.
  // A line's own points come first; a line of windows only is labelled at its last window.
  const lastOfLine = new Map<string, Point>();
  for (const p of points) if (p.window) lastOfLine.set(p.line, p);
  for (const p of points) if (!p.window) lastOfLine.set(p.line, p);
  // A line that ends well before the right edge is named in a legend above the chart instead:
  // its label at the line's end would lie over the lines that go on.
  const span = +xDomain[1] - +xDomain[0];
  const endsEarly = (p: Point) => +p.x < +xDomain[1] - 0.12 * span;
  const labelPoints = [...lastOfLine.values()].filter((p) => !endsEarly(p));
  const legendPoints = [...lastOfLine.values()].filter(endsEarly);
  // Long labels wrap rather than squeeze the plot: the right margin never exceeds maxRight.
  const maxRight = narrow ? 92 : 150;
  const room = maxRight - 12;
  const labelWidths = labelPoints.map((p) => Math.min(room, textWidth(p.label, fontSize)));
  const labelLines = labelPoints.map((p) => Math.max(1, Math.ceil(textWidth(p.label, fontSize) / room)));
  // Event lanes are named in the right margin too: keep room for their names when lanes are drawn.
  const laneRoom = spec.layers.some((l) => (state.layers ?? []).includes(l.layer)) ? (narrow ? 64 : 84) : 16;
  const marginRight = Math.min(maxRight, Math.max(laneRoom, ...labelWidths.map((w) => w + 12)));

  // Legend rows above the frame, wrapped to the width: a line swatch (solid count, dashed estimate) and the label.
  const legendItems: { p: Point; dx: number; row: number }[] = [];
  {
    let x = 0;
    let row = 0;
    const avail = width - 8;
    for (const p of legendPoints) {
      const w = 22 + textWidth(p.label, fontSize) + 14;
      if (x > 0 && x + w > avail) (row++, (x = 0));
      legendItems.push({ p, dx: x, row });
      x += w;
    }
  }
  const legendRows = legendItems.length ? Math.max(...legendItems.map((l) => l.row)) + 1 : 0;
  const marginTop = 28 + legendRows * (fontSize + 5) + (legendRows ? 4 : 0);
  const marginLeft = narrow ? 38 : 48;

  // Event strips under the axis, in spec order.
  const active = spec.layers.filter((l) => (state.layers ?? []).includes(l.layer));
  const strips: { layer: EventLayer; top: number; height: number }[] = [];
  let stripTop = narrow ? 34 : 36; // below the x tick labels
  for (const layer of active) {
    const lanes = layer.mark === 'ticks' ? Math.max(1, eventLanes(spec, rows, layer).length) : 1;
    const height = 16 + (layer.mark === 'dots' ? 32 : lanes * laneStep() + 4);
    strips.push({ layer, top: stripTop, height });
    stripTop += height;
  }
  const marginBottom = strips.length ? stripTop + 4 : 30;
  const frameHeight = narrow ? 250 : 330;

  const colorOf = (p: Point) => p.color;
  const marks: Plot.Markish[] = [];

  const yTicks = log ? logTicks(yMin / 1.15, yMax * 1.15, narrow) : narrow ? 4 : 6;
  // Lines, bands and rules are hidden from assistive technology: the same figures are in the
  // focusable points (each with a <title>), the text summary and the data table.
  const decorative = { ariaHidden: 'true' };
  marks.push(Plot.gridY({ strokeOpacity: 0.12, ticks: yTicks, ...decorative }));
  if (indexed) marks.push(Plot.ruleY([100], { strokeOpacity: 0.35, strokeDasharray: '2,3', ...decorative }));
  else if (!log) marks.push(Plot.ruleY([0], { strokeOpacity: 0.4, ...decorative }));

  // Ranges: a band between consecutive published ranges of one line, and a rule at each one
  // (a single published range has no neighbour to make a band with).
  const runs = rangeRuns(withRange, 3);
  marks.push(
    Plot.areaY(withRange, { x: 'x', y1: 'low', y2: 'high', z: (p: Point) => runs.get(p), fill: colorOf, fillOpacity: 0.16, curve: 'linear', ...decorative }),
    Plot.ruleX(withRange, { x: 'x', y1: 'low', y2: 'high', stroke: colorOf, strokeOpacity: 0.7, strokeWidth: 2, ...decorative }),
  );

  // Counts solid, estimates dashed: a reader must never take one for the other. A line breaks
  // where more than three years pass without a value, rather than inventing the years between.
  if (windowed.length) marks.push(windowBrackets(windowed, narrow, log ? null : indexed ? null : 0));
  const segments = rangeRuns(withValue, 3);
  const segmentOf = (p: Point) => segments.get(p);
  const counts = withValue.filter((p) => !p.estimate);
  const estimates = withValue.filter((p) => p.estimate);
  marks.push(
    Plot.lineY(counts, { x: 'x', y: 'y', z: segmentOf, stroke: colorOf, strokeWidth: 2.25, ...decorative }),
    Plot.lineY(estimates, { x: 'x', y: 'y', z: segmentOf, stroke: colorOf, strokeWidth: 2, strokeDasharray: '5,3', ...decorative }),
  );

  // Points: filled for counts, hollow for estimates, invisible (but focusable) for range-only rows.
  const role = spec.datasets[enc.dataset].role;
  marks.push(
    Plot.dot(points, {
      x: 'x',
      y: yOf,
      r: narrow ? 2.5 : 3,
      fill: (p: Point) => (p.y === null ? 'none' : p.estimate ? 'white' : p.color),
      stroke: (p: Point) => (p.y === null ? 'none' : p.color),
      strokeWidth: 1.5,
      className: 'chart-points',
      render: tagPoints(enc.dataset, role, points, firstOfLine),
    }),
  );

  marks.push(
    Plot.text(labelPoints, {
      x: 'x',
      y: yOf,
      text: 'label',
      fill: colorOf,
      dx: 7,
      textAnchor: 'start',
      fontWeight: 600,
      fontSize,
      stroke: 'white',
      strokeWidth: 3,
      paintOrder: 'stroke',
      className: 'chart-labels',
      lineWidth: room / fontSize,
      lineHeight: (fontSize + 2) / fontSize,
      render: dodgeLabels(fontSize, labelLines, labelWidths),
    }),
  );

  // The legend of lines that end early (decorative: the points carry the same names).
  for (const { p, dx, row } of legendItems) {
    // Under the y-axis title, which Plot puts at the very top.
    const dy = 20 + row * (fontSize + 5) - marginTop;
    const at = { frameAnchor: 'top-left' as const, dy, ...decorative };
    marks.push(
      legendSwatch(dx + 2, 20 + row * (fontSize + 5) + fontSize / 2 + 1, 18, p.color, p.estimate),
      Plot.text([p.label], { ...at, dx: dx - marginLeft + 24, text: (d: string) => d, textAnchor: 'start', lineAnchor: 'top', fill: p.color, fontWeight: 600, fontSize, className: 'chart-legend' }),
    );
  }

  for (const { layer, top } of strips) marks.push(...eventMarks(spec, rows, layer, top, narrow, fontSize, xDomain));

  return {
    width,
    height: frameHeight + marginBottom + marginTop,
    marginTop,
    marginRight,
    marginBottom,
    marginLeft,
    style: { fontSize: `${fontSize}px`, fontFamily: 'inherit', overflow: 'visible' },
    className: 'chart-svg-plot',
    ariaLabel: spec.title,
    x: { type: 'utc', domain: xDomain, ticks: narrow ? 5 : 10, tickFormat: '%Y', label: null },
    y: {
      type: log ? 'log' : 'linear',
      // A little air above and below on a log scale, where there is no zero to anchor the chart.
      domain: log ? [yMin / 1.15, yMax * 1.15] : [indexed ? Math.min(0, yMin) : 0, yMax],
      nice: !log,
      ticks: yTicks,
      tickFormat: (v: number) => formatCompact(v),
      label: indexed ? tx('Index, first value shown = 100') : enc.yLabel,
      labelAnchor: 'top',
      labelArrow: 'none',
    },
    // Circle radii are computed in pixels from the site-wide scale (../domain/rules.ts).
    r: { type: 'identity' },
    marks,
  } as Plot.PlotOptions;
}

/**
 * Height of one event lane: its name sits in the right margin at the lane's height, and kana,
 * kanji and hangul stand a full em tall, so Japanese and Korean lanes are a little further apart.
 */
const laneStep = () => (chartLocale() === 'ja' || chartLocale() === 'ko' ? 11 : 9);

/** Colour values (countries) that have events in a layer: one lane each. */
function eventLanes(spec: ChartSpec, rows: ChartRows, layer: EventLayer): string[] {
  const keys = new Set((rows[layer.dataset] ?? []).map((r) => String(r[spec.encodings.color])));
  const listed = Object.keys(spec.palette).filter((k) => keys.has(k));
  return [...listed, ...[...keys].filter((k) => !listed.includes(k)).sort()];
}


/** Marks for one event strip, placed `top` pixels under the frame with frameAnchor + dy. */
function eventMarks(
  spec: ChartSpec,
  rows: ChartRows,
  layer: EventLayer,
  top: number,
  narrow: boolean,
  fontSize: number,
  xDomain: [Date, Date],
): Plot.Markish[] {
  const colorCol = spec.encodings.color;
  const role = spec.datasets[layer.dataset].role;
  const items = (rows[layer.dataset] ?? [])
    .map((row, i) => ({ i, row, x: parseDate(String(row[layer.x] ?? '')), key: String(row[colorCol]) }))
    .filter((e) => !Number.isNaN(+e.x) && e.x >= xDomain[0] && e.x <= xDomain[1]);
  const color = (e: { key: string }) => paletteColor(spec, e.key);
  const tabStops = new Set(items.slice(0, 1).map((e) => e.i));
  const heading = `${narrow ? layer.shortLabel : layer.label}${items.length ? '' : narrow ? tx(': none shown') : tx(': none in the countries and years shown')}`;
  const title = Plot.text([heading], {
    text: (d: string) => d,
    frameAnchor: 'bottom-left',
    dy: top,
    dx: -(narrow ? 38 : 48),
    textAnchor: 'start',
    lineAnchor: 'top',
    fontSize: fontSize - 1,
    fontWeight: 600,
    fillOpacity: 0.75,
    className: 'chart-strip-title',
  });
  type Item = (typeof items)[number];
  if (layer.mark === 'dots') {
    const size = layer.size;
    const sized = (e: Item) => (size ? num(e.row[size]) : null);
    const cy = top + 16 + 16;
    const known = items.filter((e) => sized(e) !== null);
    const unknown = items.filter((e) => sized(e) === null);
    return [
      title,
      // Area ∝ size; biggest first so small circles stay on top and reachable.
      Plot.dot(known, {
        x: 'x',
        // The site-wide circle scale, in pixels; never smaller than a visible, tappable dot.
        r: (e: Item) => Math.max(2.5, regularizationRadius(sized(e) ?? 0, narrow)),
        frameAnchor: 'bottom',
        dy: cy,
        fill: color,
        fillOpacity: 0.4,
        stroke: color,
        strokeWidth: 1.25,
        className: 'chart-events',
        render: tagPoints(layer.dataset, role, known, tabStops),
      }),
      // Size not published: a small hollow circle, so "unknown" never looks like "few".
      Plot.dot(unknown, {
        x: 'x',
        r: 3,
        frameAnchor: 'bottom',
        dy: cy,
        fill: 'white',
        stroke: color,
        strokeWidth: 1.25,
        strokeDasharray: '2,1.5',
        className: 'chart-events chart-events-unknown',
        render: tagPoints(layer.dataset, role, unknown, tabStops),
      }),
    ];
  }
  // One lane per country, so simultaneous changes in two countries stay distinct; each lane is
  // named in the right margin, where the line labels are.
  const lanes = eventLanes(spec, rows, layer);
  return [
    title,
    ...lanes.map((key, lane) =>
      Plot.text([spec.palette[key]?.label ?? key], {
        text: (d: string) => d,
        frameAnchor: 'bottom-right',
        dy: top + 16 + 4 + lane * laneStep(),
        dx: 8,
        textAnchor: 'start',
        fontSize: fontSize - 2,
        fill: paletteColor(spec, key),
        className: 'chart-lane-label',
      }),
    ),
    ...lanes.map((key, lane) => {
      const laneItems = items.filter((e) => e.key === key);
      // Lanes by direction draw the direction's shape in the text colour; lanes by country, a diamond in its hue.
      const dir = key.startsWith(DIRECTION_KEY_PREFIX) ? directionMark(key.slice(DIRECTION_KEY_PREFIX.length)) : null;
      return Plot.dot(laneItems, {
          x: 'x',
          frameAnchor: 'bottom',
          dy: top + 16 + 4 + lane * laneStep(),
          symbol: dir?.symbol ?? 'diamond',
          ...(dir ? { rotate: dir.rotate } : {}),
          r: narrow ? 3 : 3.5,
          fill: color,
          fillOpacity: 0.85,
          // An outline keeps an invisible fill, so its inside stays tappable.
          ...(dir && !dir.filled ? { fillOpacity: 0, stroke: color, strokeWidth: 1.25 } : {}),
          className: 'chart-events',
          render: tagPoints(layer.dataset, role, laneItems, tabStops),
      });
    }),
  ];
}
