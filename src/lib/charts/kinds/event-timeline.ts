/**
 * Kind `event-timeline`: dated events on one time axis, one row per country. What an event looks
 * like follows the role of the chart's main dataset (../tooltip.ts has the column contracts):
 *
 *  - regularization: a circle on the site-wide scale (../../domain/rules.ts), area = people granted
 *    status, in the country's colour; hollow and sized by applications when only those are known;
 *    a small dotted ring when no figure is published; a bar for the application window
 *    (`x_end` column) where its end is known.
 *  - rule_change: one lane per direction (restrictive, mixed, liberalizing, not coded), each
 *    with its own shape in the text colour (domain/labels.ts DIRECTION_MARKS). Each mark carries `data-filter-mark` and `data-country`,
 *    `data-category`, `data-direction`, so a <filter-list> around the figure dims it with its list.
 *
 * Columns read besides the role's: `encodings.x` (event date), `encodings.color` (country code: the
 * row and its colour), `encodings.label` (the row's name). The x axis spans the events in view,
 * bounded by `state.from`/`state.to`: the year range comes from the data.
 */
import * as Plot from '@observablehq/plot';
import type { ChartKind } from './kind.ts';
import type { ChartRows, ChartSpec, Row } from '../spec.ts';
import { directionKeyItems, type KeyItem } from '../key.ts';
import type { DrawState, PlotContext } from '../plot-options.ts';
import { NARROW, tagPoints } from '../plot-options.ts';
import { formatCompact, formatNumber, parseDate } from '../format.ts';
import { CORE_COUNTRIES, countryColor } from '../../domain/countries.ts';
import { REGULARIZATION_KEY_SIZES, regularizationRadius } from '../../domain/rules.ts';
import { DIRECTION_LABELS, DIRECTION_ORDER, directionMark } from '../../domain/labels.ts';
import { tx, txn } from '../locale.ts';

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const textWidth = (s: string, fontSize: number) => s.length * fontSize * 0.6;

interface Event {
  i: number;
  row: Row;
  code: string;
  name: string;
  x: Date;
  end: Date | null;
}

/** Events of the main dataset with a readable date, oldest first. */
function eventsOf(spec: ChartSpec, rows: ChartRows): Event[] {
  const enc = spec.encodings;
  return (rows[enc.dataset] ?? [])
    .map((row, i) => {
      const end = row.x_end ? parseDate(str(row.x_end)) : null;
      return {
        i,
        row,
        code: str(row[enc.color]),
        name: str(row[enc.label]) || str(row[enc.color]),
        x: parseDate(str(row[enc.x])),
        end: end && !Number.isNaN(+end) ? end : null,
      };
    })
    .filter((e) => !Number.isNaN(+e.x));
}

/** Country rows: the core countries first, in their fixed order, then the others by name. */
function rowOrder(events: Event[]): { code: string; name: string }[] {
  const names = new Map(events.map((e) => [e.code, e.name]));
  const core = (CORE_COUNTRIES as readonly string[]).filter((c) => names.has(c));
  const rest = [...names.keys()].filter((c) => !core.includes(c)).sort((a, b) => names.get(a)!.localeCompare(names.get(b)!));
  return [...core, ...rest].map((code) => ({ code, name: names.get(code)! }));
}

/** Years of the axis: the events in view with a year of air each side, within `from`..`to`. */
function yearSpan(events: Event[], state: DrawState): [number, number] {
  const years = events.flatMap((e) => [e.x.getUTCFullYear(), ...(e.end ? [e.end.getUTCFullYear()] : [])]);
  const lo = years.length ? Math.min(...years) - 1 : (state.from ?? 2000);
  const hi = years.length ? Math.max(...years) + 1 : (state.to ?? lo + 1);
  const from = Math.max(lo, state.from ?? lo);
  const to = Math.min(hi, state.to ?? hi);
  return [from, Math.max(to, from + 1)];
}

const isRules = (spec: ChartSpec) => spec.datasets[spec.encodings.dataset].role === 'rule_change';

/** Size of a regularization circle: approvals, else applications (hollow), else none (dotted). */
function basis(row: Row): { value: number | null; kind: 'approvals' | 'applications' | 'none' } {
  const a = num(row.approvals);
  if (a !== null) return { value: a, kind: 'approvals' };
  const p = num(row.applications);
  if (p !== null) return { value: p, kind: 'applications' };
  return { value: null, kind: 'none' };
}

function plotOptions(spec: ChartSpec, rows: ChartRows, state: DrawState, ctx: PlotContext): Plot.PlotOptions {
  const width = Math.max(280, Math.round(ctx.width));
  const narrow = width < NARROW;
  const fontSize = narrow ? 11 : 12;
  const rules = isRules(spec);
  const dataset = spec.encodings.dataset;
  const role = spec.datasets[dataset].role;
  const [fromYear, toYear] = yearSpan(eventsOf(spec, rows), state);
  const xDomain: [Date, Date] = [new Date(Date.UTC(fromYear, 0, 1)), new Date(Date.UTC(toYear, 11, 31))];
  const events = eventsOf(spec, rows).filter((e) => e.x >= xDomain[0] && e.x <= xDomain[1]);
  const countries = rowOrder(events);
  const nameOf = new Map(countries.map((c) => [c.code, c.name]));

  // Row height: room for the biggest circle (regularizations) or the direction lanes (rules);
  // on a phone the country name sits above its row, so the axis keeps the full width.
  const radius = (v: number) => Math.max(2.5, regularizationRadius(v, narrow));
  const biggest = rules ? 0 : Math.max(0, ...events.map((e) => radius(basis(e.row).value ?? 0)));
  const lanes = rules ? DIRECTION_ORDER.length : 1;
  const laneGap = narrow ? 6 : 7;
  const body = rules ? lanes * laneGap + 6 : Math.max(26, 2 * biggest + 6);
  const nameRoom = narrow ? fontSize + 4 : 0;
  const rowHeight = body + nameRoom;
  const marginTop = countries.length > 4 ? 24 : 8;
  const marginBottom = 26;
  // On a phone the rows are labelled above their lane; the side margins hold half a year label ("1980"), so the first and last ticks are never cut.
  const marginLeft = narrow ? 22 : Math.min(170, Math.max(60, ...countries.map((c) => textWidth(c.name, fontSize) + 14)));
  const height = marginTop + marginBottom + Math.max(1, countries.length) * rowHeight;

  // The y scale is a band per country; marks sit at its centre, shifted down by half the name room on phones.
  const yOffset = nameRoom / 2;
  const marks: Plot.Markish[] = [];
  const decorative = { ariaHidden: 'true' };
  marks.push(Plot.gridX({ ticks: yearTicks(xDomain, narrow ? 5 : 10), strokeOpacity: 0.1, ...decorative }));
  marks.push(Plot.ruleY(countries, { y: 'code', dy: yOffset, strokeOpacity: 0.12, ...decorative }));
  if (narrow) {
    marks.push(
      Plot.text(countries, {
        y: 'code',
        text: 'name',
        frameAnchor: 'left',
        dy: yOffset - rowHeight / 2 + 2,
        lineAnchor: 'top',
        textAnchor: 'start',
        fontWeight: 600,
        fontSize,
        fillOpacity: 0.8,
        className: 'chart-row-labels',
      }),
    );
  }

  // Tab stops: the first event of each country row.
  const firstOfRow = new Set<number>();
  const seenRow = new Set<string>();
  for (const e of events) if (!seenRow.has(e.code)) (seenRow.add(e.code), firstOfRow.add(e.i));
  const color = (e: Event) => spec.palette[e.code]?.color ?? countryColor(e.code);
  const items = (es: Event[]) => es.map((e) => ({ i: e.i, row: e.row, line: e.code }));

  if (rules) {
    const direction = (e: Event) => str(e.row.direction) || 'none';
    DIRECTION_ORDER.forEach((dir, lane) => {
      const inLane = events.filter((e) => direction(e) === dir);
      if (!inLane.length) return;
      const mark = directionMark(dir);
      const attrs = (it: { row: Row }) => ({
        'data-filter-mark': '',
        'data-country': str(it.row[spec.encodings.color]),
        'data-category': str(it.row.category),
        'data-direction': dir,
      });
      marks.push(
        Plot.dot(inLane, {
          x: 'x',
          y: 'code',
          dy: yOffset + (lane - (lanes - 1) / 2) * laneGap,
          symbol: mark.symbol,
          ...(mark.rotate ? { rotate: mark.rotate } : {}),
          r: narrow ? 3 : 3.5,
          fill: 'currentColor',
          fillOpacity: 0.9,
          // An outline keeps an invisible fill, so its inside stays tappable.
          ...(mark.filled ? {} : { fillOpacity: 0, stroke: 'currentColor', strokeWidth: 1.25 }),
          className: 'chart-events',
          render: tagPoints(dataset, role, items(inLane), firstOfRow, attrs),
        }),
      );
    });
  } else {
    const spans = events.filter((e) => e.end && e.end > e.x);
    marks.push(Plot.ruleY(spans, { y: 'code', x1: 'x', x2: 'end', dy: yOffset, stroke: color, strokeWidth: 3, strokeOpacity: 0.45, ...decorative }));
    const by = (k: string) => events.filter((e) => basis(e.row).kind === k).sort((a, b) => (basis(b.row).value ?? 0) - (basis(a.row).value ?? 0));
    const r = (e: Event) => radius(basis(e.row).value ?? 0);
    // Biggest first, so small circles stay on top and reachable.
    const granted = by('approvals');
    const applied = by('applications');
    const unknown = by('none');
    marks.push(
      Plot.dot(granted, { x: 'x', y: 'code', dy: yOffset, r, fill: color, fillOpacity: 0.4, stroke: color, strokeWidth: 1.25, className: 'chart-events', render: tagPoints(dataset, role, items(granted), firstOfRow) }),
      // Known only by applications: hollow (an invisible fill keeps the inside tappable), so an unknown outcome never looks like a small one.
      Plot.dot(applied, { x: 'x', y: 'code', dy: yOffset, r, fill: color, fillOpacity: 0, stroke: color, strokeWidth: 1.5, className: 'chart-events chart-events-hollow', render: tagPoints(dataset, role, items(applied), firstOfRow) }),
      Plot.dot(unknown, { x: 'x', y: 'code', dy: yOffset, r: 3.5, fill: color, fillOpacity: 0, stroke: color, strokeWidth: 1.25, strokeDasharray: '2,1.5', className: 'chart-events chart-events-unknown', render: tagPoints(dataset, role, items(unknown), firstOfRow) }),
    );
  }

  return {
    width,
    height,
    marginTop,
    marginBottom,
    marginLeft,
    marginRight: narrow ? 22 : 20,
    style: { fontSize: `${fontSize}px`, fontFamily: 'inherit', overflow: 'visible' },
    className: 'chart-svg-plot',
    ariaLabel: spec.title,
    x: { type: 'utc', domain: xDomain, ticks: yearTicks(xDomain, narrow ? 5 : 10), tickFormat: '%Y', label: null, axis: countries.length > 4 ? 'both' : 'bottom' },
    y: {
      type: 'band',
      domain: countries.map((c) => c.code),
      padding: 0,
      axis: narrow ? null : 'left',
      tickSize: 0,
      tickFormat: (code: string) => nameOf.get(code) ?? code,
      label: null,
    },
    r: { type: 'identity' },
    marks,
  } as Plot.PlotOptions;
}

/**
 * Year ticks: Plot's own choice over a long span; over a span of fewer years than ticks wanted,
 * 1 January of each year, since quarterly ticks would all read as the same year ("2022 2022").
 */
function yearTicks([from, to]: Date[], max: number): number | Date[] {
  const years = to.getUTCFullYear() - from.getUTCFullYear() + 1;
  if (years > max) return max;
  const out: Date[] = [];
  for (let y = from.getUTCFullYear() + (from.getUTCMonth() || from.getUTCDate() > 1 ? 1 : 0); y <= to.getUTCFullYear(); y++) out.push(new Date(Date.UTC(y, 0, 1)));
  return out;
}

function describe(spec: ChartSpec, rows: ChartRows, state: DrawState): string {
  const events = eventsOf(spec, rows);
  if (!events.length) return tx('{title}: none in the countries and years selected.', { title: spec.title });
  const [from, to] = yearSpan(events, state);
  const rules = isRules(spec);
  const counted = (n: number) => (rules ? txn(n, '{n} rule change', '{n} rule changes') : txn(n, '{n} programme', '{n} programmes'));
  const countries = rowOrder(events);
  const parts = [tx('{title}, {from} to {to}: {events} {countries}.', { title: spec.title, from: from + 1, to: to - 1, events: counted(events.length), countries: txn(countries.length, 'in {n} country', 'in {n} countries') })];
  for (const c of countries) {
    const es = events.filter((e) => e.code === c.code);
    const years = es.map((e) => e.x.getUTCFullYear());
    const span = Math.min(...years) === Math.max(...years) ? `${years[0]}` : tx('{from} to {to}', { from: Math.min(...years), to: Math.max(...years) });
    let detail = '';
    if (rules) {
      const counts = DIRECTION_ORDER.map((d) => [d, es.filter((e) => (str(e.row.direction) || 'none') === d).length] as const).filter(([, n]) => n > 0);
      detail = `; ${counts.map(([d, n]) => `${tx(DIRECTION_LABELS[d]).toLowerCase()}: ${n}`).join(tx(', '))}`;
    } else {
      const largest = [...es].sort((a, b) => (num(b.row.approvals) ?? -1) - (num(a.row.approvals) ?? -1))[0];
      const a = num(largest.row.approvals);
      if (a !== null) detail = `; ${tx('largest: {name} ({n} granted status)', { name: str(largest.row.name_en) ?? '', n: formatNumber(a) })}`;
    }
    parts.push(`${c.name}: ${counted(es.length)}, ${span}${detail}.`);
  }
  return parts.join(' ');
}

function key(spec: ChartSpec): KeyItem[] {
  if (isRules(spec)) return directionKeyItems();
  return [
    { symbol: 'dots', label: tx('Circle area: people granted status ({sizes} on the same scale on every page)', { sizes: REGULARIZATION_KEY_SIZES.map((v) => formatCompact(v)).join(tx(', ')) }) },
    { symbol: 'hollow', label: tx('Hollow circle: applications; number granted not known') },
    { symbol: 'hollow-dot', label: tx('Dotted ring: no figures published') },
    { symbol: 'bar', label: tx('Bar: application window, where its end is known') },
  ];
}

export const eventTimeline: ChartKind = { plotOptions, describe, key };
