/**
 * Kind `world-bubbles`: regularization programmes on a world map, one circle per programme at its
 * country's label point, area = people granted status on the site-wide scale (domain/rules.ts),
 * hollow where only applications are known, a dotted ring where no figure is published. Several
 * programmes of one country stack at the same point, biggest first, so every one stays reachable.
 * On a phone (below NARROW) the map gives way to a list: one row per country, its programmes as
 * circles along a time axis (the same marks, readable at 375 px).
 *
 * Rows follow the `regularization` role (../tooltip.ts) plus `regularization_id`, `country_code`,
 * `country_name` and `x_date`. Every circle links to its programme's row on the regularizations
 * page. Geometry: ../../geo/world.json (tools/make-geo.ts, Natural Earth 1:110m land).
 */
import * as Plot from '@observablehq/plot';
import type { ChartKind } from './kind.ts';
import type { ChartRows, ChartSpec, Row } from '../spec.ts';
import type { KeyItem } from '../key.ts';
import type { DrawState, PlotContext } from '../plot-options.ts';
import { NARROW, tagPoints } from '../plot-options.ts';
import { formatCompact, formatNumber } from '../format.ts';
import { countryColor } from '../../domain/countries.ts';
import { REGULARIZATION_KEY_SIZES, regularizationRadius } from '../../domain/rules.ts';
import { page } from '../../page-data/paths.ts';
import { eventTimeline } from './event-timeline.ts';
import { geometry, loadGeometry } from '../../geo/store.ts';
import { tx } from '../locale.ts';


const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** The programme's row on the regularizations page (RegularizationTable.astro ids rows `reg-<id>`). */
export const programmeHref = (id: string) => `${page('regularizations/')}#reg-${id}`;

interface Bubble {
  i: number;
  row: Row;
  code: string;
  lon: number;
  lat: number;
  value: number | null;
  kind: 'approvals' | 'applications' | 'none';
}

function bubblesOf(spec: ChartSpec, rows: ChartRows): Bubble[] {
  const LABELS = geometry('world').labels;
  const out: Bubble[] = [];
  (rows[spec.encodings.dataset] ?? []).forEach((row, i) => {
    const code = str(row.country_code);
    const at = LABELS[code];
    if (!at) throw new Error(`chart "${spec.id}": no label point for country ${code} (src/lib/geo/world.json)`);
    const a = num(row.approvals);
    const p = num(row.applications);
    out.push({ i, row, code, lon: at[0], lat: at[1], value: a ?? p, kind: a !== null ? 'approvals' : p !== null ? 'applications' : 'none' });
  });
  // Biggest first, so smaller circles are drawn on top and stay reachable.
  return out.sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
}

function plotOptions(spec: ChartSpec, rows: ChartRows, state: DrawState, ctx: PlotContext): Plot.PlotOptions {
  const width = Math.max(280, Math.round(ctx.width));
  // On a phone: the list of countries with their programmes on a time axis.
  if (width < NARROW) return eventTimeline.plotOptions(spec, rows, state, ctx);
  const bubbles = bubblesOf(spec, rows);
  const dataset = spec.encodings.dataset;
  const role = spec.datasets[dataset].role;
  const firstOfCountry = new Set<number>();
  const seen = new Set<string>();
  for (const b of [...bubbles].sort((a, b) => a.i - b.i)) if (!seen.has(b.code)) (seen.add(b.code), firstOfCountry.add(b.i));
  const r = (b: Bubble) => (b.kind === 'none' ? 3.5 : Math.max(2.5, regularizationRadius(b.value ?? 0)));
  const color = (b: Bubble) => spec.palette[b.code]?.color ?? countryColor(b.code);
  const href = (b: Bubble) => programmeHref(str(b.row.regularization_id));
  const items = (bs: Bubble[]) => bs.map((b) => ({ i: b.i, row: b.row, line: b.code }));
  const by = (k: Bubble['kind']) => bubbles.filter((b) => b.kind === k);
  const common = { x: 'lon', y: 'lat', r, stroke: color, href, className: 'chart-events' };
  return {
    width,
    height: Math.round(width * 0.5),
    margin: 4,
    style: { fontSize: '11px', fontFamily: 'inherit', overflow: 'hidden' },
    className: 'chart-svg-plot',
    ariaLabel: spec.title,
    projection: { type: 'equal-earth', domain: { type: 'Sphere' } as unknown as GeoJSON.Geometry, inset: 4 },
    r: { type: 'identity' },
    marks: [
      Plot.geo(geometry('world').land, { fill: 'currentColor', fillOpacity: 0.1, stroke: 'currentColor', strokeOpacity: 0.2, strokeWidth: 0.5, ariaHidden: 'true' }),
      Plot.sphere({ stroke: 'currentColor', strokeOpacity: 0.2, ariaHidden: 'true' }),
      Plot.dot(by('approvals'), { ...common, fill: color, fillOpacity: 0.4, strokeWidth: 1.25, render: tagPoints(dataset, role, items(by('approvals')), firstOfCountry) }),
      Plot.dot(by('applications'), { ...common, fill: color, fillOpacity: 0, strokeWidth: 1.5, render: tagPoints(dataset, role, items(by('applications')), firstOfCountry) }),
      Plot.dot(by('none'), { ...common, fill: color, fillOpacity: 0, strokeWidth: 1.25, strokeDasharray: '2,1.5', render: tagPoints(dataset, role, items(by('none')), firstOfCountry) }),
    ],
  } as Plot.PlotOptions;
}

function describe(spec: ChartSpec, rows: ChartRows, state: DrawState): string {
  const bubbles = bubblesOf(spec, rows);
  if (!bubbles.length) return tx('{title}: none in the years selected.', { title: spec.title });
  const base = eventTimeline.describe(spec, rows, state);
  const largest = bubbles.find((b) => b.kind === 'approvals');
  return largest ? `${base} ${tx('Largest circle: {name}, {n} granted status.', { name: str(largest.row.name_en) ?? '', n: formatNumber(largest.value) })}` : base;
}

function key(): KeyItem[] {
  return [
    { symbol: 'dots', label: tx('Circle area: people granted status ({sizes} on the same scale on every page); circles of one country overlap at its centre', { sizes: REGULARIZATION_KEY_SIZES.map((v) => formatCompact(v)).join(tx(', ')) }) },
    { symbol: 'hollow', label: tx('Hollow circle: applications; number granted not known') },
    { symbol: 'hollow-dot', label: tx('Dotted ring: no figures published') },
  ];
}

export const worldBubbles: ChartKind = { plotOptions, describe, key, load: () => loadGeometry('world') };
