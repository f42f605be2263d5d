/**
 * Kind `small-multiples`: one small panel per country, all on the same time axis, each with its own
 * y axis (state `y` = 'free', the default) or one y axis for all (`y` = 'shared'). Counts of
 * different things (overstayers in Japan, research estimates for Spain) are never drawn on one
 * axis, so no reader compares levels that do not compare.
 *
 * Rows of the main dataset follow the `series` role (../tooltip.ts) plus `country_code` and
 * `country_name` (the panel and its title) and `line_id` (lines within a panel: Spain's several
 * estimators). Official counts are solid, estimates dashed, in the country's colour.
 * Optional datasets `regularizations` and `rule_changes` (roles of the same names) are drawn in a
 * strip under each panel's axis: circles sized on the site-wide scale, rule changes with their
 * direction's shape (domain/labels.ts DIRECTION_MARKS).
 *
 * Options: `color`: 'none' draws every panel in the text colour (a grid of many countries, whose
 * titles name them); otherwise each country its colour. `columns` (panels per row on a wide screen; a phone always gets one column),
 * `estimates`: false when the chart has official counts only (drops the dashed line from the key),
 * `order`: 'given' (the core countries' fixed order, then by name) or 'size' (largest peak first).
 *
 * Everything is laid out in pixels (identity scales), since Plot's facets share one y scale.
 */
import * as Plot from '@observablehq/plot';
import type { ChartKind } from './kind.ts';
import type { ChartRows, ChartSpec, Row } from '../spec.ts';
import { directionKeyItems, type KeyItem } from '../key.ts';
import type { DrawState, PlotContext } from '../plot-options.ts';
import { NARROW, paletteColor, tagPoints } from '../plot-options.ts';
import { formatCompact, formatNumber, parseDate } from '../format.ts';
import { CORE_COUNTRIES, countryColor } from '../../domain/countries.ts';
import { regularizationRadius } from '../../domain/rules.ts';
import { directionMark } from '../../domain/labels.ts';
import { tx, txn } from '../locale.ts';

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

type SmState = DrawState & { y?: 'free' | 'shared' };

/** The smallest 1–2–2.5–5 step ≥ v (an axis top that reads well). */
export function niceTop(v: number): number {
  if (!(v > 0)) return 1;
  const e = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * e >= v) return m * e;
  return 10 * e;
}

interface Point {
  i: number;
  row: Row;
  panel: string;
  line: string;
  t: number;
  v: number;
}

interface Panel {
  code: string;
  name: string;
  points: Point[];
  peak: number;
}

const yearOf = (d: string) => Number(d.slice(0, 4));
const frac = (d: Date) => d.getUTCFullYear() + (d.getUTCMonth() + d.getUTCDate() / 31) / 12;

function panelsOf(spec: ChartSpec, rows: ChartRows): Panel[] {
  const enc = spec.encodings;
  const by = new Map<string, Panel>();
  (rows[enc.dataset] ?? []).forEach((row, i) => {
    const v = num(row[enc.y]);
    const d = parseDate(str(row[enc.x]));
    if (v === null || Number.isNaN(+d)) return;
    const code = str(row.country_code);
    if (!by.has(code)) by.set(code, { code, name: str(row.country_name) || code, points: [], peak: 0 });
    const p = by.get(code)!;
    p.points.push({ i, row, panel: code, line: str(row[enc.line]), t: frac(d), v });
    p.peak = Math.max(p.peak, v);
  });
  const panels = [...by.values()];
  if (spec.options?.order === 'size') return panels.sort((a, b) => b.peak - a.peak || a.name.localeCompare(b.name));
  const core = CORE_COUNTRIES as readonly string[];
  const rank = (c: string) => (core.includes(c) ? core.indexOf(c) : core.length);
  return panels.sort((a, b) => rank(a.code) - rank(b.code) || a.name.localeCompare(b.name));
}

function plotOptions(spec: ChartSpec, rows: ChartRows, state: SmState, ctx: PlotContext): Plot.PlotOptions {
  const width = Math.max(280, Math.round(ctx.width));
  const narrow = width < NARROW;
  const fontSize = narrow ? 11 : 12;
  const panels = panelsOf(spec, rows);
  const cols = narrow ? 1 : Math.max(1, Math.min(Number(spec.options?.columns ?? 2), panels.length || 1));
  const regs = rows.regularizations ?? [];
  const rules = rows.rule_changes ?? [];
  const hasEvents = Boolean(spec.datasets.regularizations || spec.datasets.rule_changes);
  const shared = state.y === 'shared';

  // The shared time axis: the years with values, bounded by from/to where the state has them.
  const ts = panels.flatMap((p) => p.points.map((q) => q.t));
  let t0 = ts.length ? Math.floor(Math.min(...ts)) : (state.from ?? 2000);
  let t1 = ts.length ? Math.ceil(Math.max(...ts)) : (state.to ?? t0 + 1);
  if (state.from !== undefined) t0 = Math.max(t0, state.from);
  if (state.to !== undefined) t1 = Math.min(Math.max(t1, t0 + 1), state.to + 1);
  if (t1 <= t0) t1 = t0 + 1;
  const sharedTop = niceTop(Math.max(0, ...panels.map((p) => p.peak)));

  const gapX = 24;
  const left = narrow ? 34 : 40;
  const titleH = fontSize + 8;
  const plotH = narrow ? 78 : cols > 2 ? 70 : 96;
  const eventsH = hasEvents ? 36 : 0;
  const axisH = 16;
  const panelH = titleH + plotH + eventsH + axisH + 14;
  const panelW = (width - gapX * (cols - 1)) / cols;
  const innerW = panelW - left - 8;
  const height = Math.max(1, Math.ceil(panels.length / cols)) * panelH + 4;

  const points: (Point & { x: number; y: number })[] = [];
  const grid: { x1: number; x2: number; y: number; text: string; x: number }[] = [];
  const titles: { x: number; y: number; text: string; code: string }[] = [];
  const yearTicks: { x: number; y: number; text: string; anchor: string }[] = [];
  const regDots: { i: number; row: Row; x: number; y: number; r: number; color: string; hollow: boolean }[] = [];
  const ruleDots: { i: number; row: Row; x: number; y: number; dir: string }[] = [];
  const tabs = new Set<number>();
  const regTabs = new Set<number>();
  const ruleTabs = new Set<number>();
  // One colour for a grid of many countries (titles name them); country colours for a few.
  const lineColor = (code: string) => (spec.options?.color === 'none' ? 'currentColor' : spec.palette[code] ? paletteColor(spec, code) : countryColor(code));
  const stripLabels: { x: number; y: number; text: string }[] = [];
  const toX = (ox: number, t: number) => ox + left + ((t - t0) / (t1 - t0)) * innerW;

  panels.forEach((p, k) => {
    const ox = (k % cols) * (panelW + gapX);
    const oy = Math.floor(k / cols) * panelH;
    const top = shared ? sharedTop : niceTop(p.peak);
    const py0 = oy + titleH + plotH; // baseline
    const ty = (v: number) => py0 - (v / top) * (plotH - 4);
    titles.push({ x: ox, y: oy + fontSize, text: p.name, code: p.code });
    // A middle line only where half the top is a round number (not 1.25k).
    const half = String(top / 10 ** Math.floor(Math.log10(top))).startsWith('2.5') ? [] : [top / 2];
    for (const v of [0, ...half, top]) grid.push({ x1: ox + left, x2: ox + left + innerW, y: ty(v), text: formatCompact(v), x: ox + left - 4 });
    const inView = p.points.filter((q) => q.t >= t0 && q.t <= t1);
    inView.forEach((q, j) => {
      points.push({ ...q, x: toX(ox, q.t), y: ty(q.v) });
      if (j === 0) tabs.add(q.i);
    });
    const axisY = py0 + eventsH + axisH - 2;
    // Year labels at the first and last year's middle (points sit at mid-period), and one between.
    const mid = Math.round((t0 + t1 - 1) / 2);
    for (const [yr, anchor] of [[t0, 'start'], [mid, 'middle'], [t1 - 1, 'end']] as const) {
      if (anchor === 'middle' && (mid <= t0 + 1 || mid >= t1 - 2)) continue;
      yearTicks.push({ x: toX(ox, yr + 0.5), y: axisY, text: String(yr), anchor });
    }
    if (hasEvents) {
      if (spec.datasets.regularizations) stripLabels.push({ x: ox + left - 6, y: py0 + 14, text: tx('reg.') });
      if (spec.datasets.rule_changes) stripLabels.push({ x: ox + left - 6, y: py0 + 28, text: tx('rules') });
      const first = { reg: true, rule: true };
      regs.forEach((row, i) => {
        if (str(row.country_code) !== p.code) return;
        const d = parseDate(str(row.start_date));
        if (Number.isNaN(+d) || frac(d) < t0 || frac(d) > t1) return;
        const a = num(row.approvals);
        const r = Math.max(2.5, regularizationRadius(a ?? num(row.applications) ?? 0, true) * 0.7);
        regDots.push({ i, row, x: toX(ox, frac(d)), y: py0 + 14, r: Math.min(r, 9), color: lineColor(p.code), hollow: a === null });
        if (first.reg) (regTabs.add(i), (first.reg = false));
      });
      rules.forEach((row, i) => {
        if (str(row.country_code) !== p.code) return;
        const d = parseDate(str(row.date));
        if (Number.isNaN(+d) || frac(d) < t0 || frac(d) > t1) return;
        ruleDots.push({ i, row, x: toX(ox, frac(d)), y: py0 + 28, dir: str(row.direction) || 'none' });
        if (first.rule) (ruleTabs.add(i), (first.rule = false));
      });
    }
  });

  const dataset = spec.encodings.dataset;
  const role = spec.datasets[dataset].role;
  const dashed = (q: Point) => str(q.row[spec.encodings.kind]).startsWith('estimate');
  const marks: Plot.Markish[] = [
    Plot.link(grid, { x1: 'x1', x2: 'x2', y1: 'y', y2: 'y', stroke: 'currentColor', strokeOpacity: 0.12, ariaHidden: 'true' }),
    Plot.text(grid, { x: 'x', y: 'y', text: 'text', textAnchor: 'end', fill: 'currentColor', fillOpacity: 0.7, fontSize: fontSize - 1, ariaHidden: 'true' }),
    Plot.text(titles, { x: 'x', y: 'y', text: 'text', textAnchor: 'start', fontWeight: 600, fill: 'currentColor', lineAnchor: 'bottom', className: 'chart-row-labels' }),
    ...(['start', 'middle', 'end'] as const).map((a) =>
      Plot.text(yearTicks.filter((d) => d.anchor === a), { x: 'x', y: 'y', text: 'text', textAnchor: a, fill: 'currentColor', fillOpacity: 0.7, fontSize: fontSize - 1, ariaHidden: 'true' }),
    ),
    Plot.text(stripLabels, { x: 'x', y: 'y', text: 'text', textAnchor: 'end', fill: 'currentColor', fillOpacity: 0.6, fontSize: fontSize - 2, ariaHidden: 'true' }),
    // Counts solid, estimates dashed (a dash is a constant in Plot, not a channel: two marks).
    ...[false, true].map((est) =>
      Plot.line(points.filter((q) => dashed(q) === est), { x: 'x', y: 'y', z: (q: Point) => `${q.panel}|${q.line}`, stroke: (q: Point) => lineColor(q.panel), strokeWidth: 1.75, ...(est ? { strokeDasharray: '4,3' } : {}), ariaHidden: 'true' }),
    ),
    Plot.dot(points, {
      x: 'x',
      y: 'y',
      r: 2.5,
      fill: (q: Point) => (dashed(q) ? 'var(--bg, #fff)' : lineColor(q.panel)),
      stroke: (q: Point) => lineColor(q.panel),
      className: 'chart-points',
      render: tagPoints(dataset, role, points.map((q) => ({ i: q.i, row: q.row, line: q.line })), tabs),
    }),
  ];
  if (regDots.length) {
    marks.push(
      Plot.dot(regDots, {
        x: 'x',
        y: 'y',
        r: 'r',
        fill: 'color',
        fillOpacity: (d: { hollow: boolean }) => (d.hollow ? 0 : 0.4),
        stroke: 'color',
        className: 'chart-events',
        render: tagPoints('regularizations', 'regularization', regDots, regTabs),
      }),
    );
  }
  for (const dir of new Set(ruleDots.map((d) => d.dir))) {
    const m = directionMark(dir);
    const these = ruleDots.filter((d) => d.dir === dir);
    marks.push(
      Plot.dot(these, {
        x: 'x',
        y: 'y',
        symbol: m.symbol,
        ...(m.rotate ? { rotate: m.rotate } : {}),
        r: 3.5,
        fill: 'currentColor',
        ...(m.filled ? { fillOpacity: 0.9 } : { fillOpacity: 0, stroke: 'currentColor', strokeWidth: 1.25 }),
        className: 'chart-events',
        render: tagPoints('rule_changes', 'rule_change', these, ruleTabs),
      }),
    );
  }
  return {
    width,
    height,
    margin: 0,
    marginTop: 0,
    style: { fontSize: `${fontSize}px`, fontFamily: 'inherit', overflow: 'visible' },
    className: 'chart-svg-plot',
    ariaLabel: spec.title,
    x: { type: 'identity', axis: null },
    y: { type: 'identity', axis: null },
    r: { type: 'identity' },
    marks,
  } as Plot.PlotOptions;
}

function describe(spec: ChartSpec, rows: ChartRows, state: SmState): string {
  const panels = panelsOf(spec, rows);
  if (!panels.length) return tx('{title}: no values in the years selected.', { title: spec.title });
  const parts = [state.y === 'shared' ? txn(panels.length, '{title}: {n} panel, one y axis for all.', '{title}: {n} panels, one y axis for all.', { title: spec.title }) : txn(panels.length, '{title}: {n} panel, each on its own y axis.', '{title}: {n} panels, each on its own y axis.', { title: spec.title })];
  for (const p of panels) {
    const pts = [...p.points].sort((a, b) => a.t - b.t);
    const first = pts[0];
    const last = pts[pts.length - 1];
    const peak = pts.reduce((m, q) => (q.v > m.v ? q : m), first);
    parts.push(
      tx('{name}: {first} in {firstYear}, {last} in {lastYear}, peak {peak} in {peakYear}.', {
        name: p.name,
        first: formatNumber(first.v),
        firstYear: yearOf(str(first.row.period) || String(Math.floor(first.t))),
        last: formatNumber(last.v),
        lastYear: yearOf(str(last.row.period) || String(Math.floor(last.t))),
        peak: formatNumber(peak.v),
        peakYear: yearOf(str(peak.row.period) || String(Math.floor(peak.t))),
      }),
    );
  }
  return parts.join(' ');
}

function key(spec: ChartSpec): KeyItem[] {
  const items: KeyItem[] = [{ symbol: 'solid', label: tx('Official count') }];
  if (spec.options?.estimates !== false) items.push({ symbol: 'dashed', label: tx('Research estimate') });
  if (spec.datasets.regularizations) items.push({ symbol: 'dots', label: tx('Regularization programme (circle area: people granted status; hollow: not known)') });
  if (spec.datasets.rule_changes) items.push(...directionKeyItems(undefined, true));
  return items;
}

export const smallMultiples: ChartKind = { plotOptions, describe, key };
