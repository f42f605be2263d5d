/**
 * Geometry of the two event timelines (regularizations page, rule-changes page): one row per
 * country on a shared year axis. Pure: rows in, shapes out, so the Astro components only print
 * SVG elements (Astro escapes every text) and the layout can be snapshot-tested.
 *
 * Two layouts per timeline: `wide` puts the country name in a left column; `narrow` (phones) puts
 * it above its row so the axis gets the full width.
 */

import { REGULARIZATION_CIRCLE, REGULARIZATION_KEY_SIZES, regularizationRadius } from '../domain/rules.ts';

export interface TimelineFrame {
  width: number;
  narrow: boolean;
  /** Left edge and right edge of the year axis, in pixels. */
  x0: number;
  x1: number;
  firstYear: number;
  lastYear: number;
  ticks: { year: number; x: number }[];
}

/** Year (with fraction for month and day) of a fuzzy date `YYYY`, `YYYY-MM`, `YYYY-MM-DD`. */
export function yearOf(date: string): number {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date);
  if (!m) return Number.NaN;
  const y = Number(m[1]);
  const month = m[2] ? Number(m[2]) - 1 : 0;
  const day = m[3] ? Number(m[3]) - 1 : 0;
  return y + (month + day / 31) / 12;
}

export function frame(width: number, firstYear: number, lastYear: number, labelColumn: number): TimelineFrame {
  const narrow = width < 520;
  const x0 = narrow ? 10 : labelColumn;
  const x1 = width - (narrow ? 14 : 20);
  const step = narrow ? 10 : 5;
  const ticks: TimelineFrame['ticks'] = [];
  for (let y = Math.ceil(firstYear / step) * step; y <= lastYear; y += step) ticks.push({ year: y, x: 0 });
  const f: TimelineFrame = { width, narrow, x0, x1, firstYear, lastYear, ticks };
  for (const t of ticks) t.x = xOf(f, t.year);
  return f;
}

export function xOf(f: TimelineFrame, year: number): number {
  const t = (year - f.firstYear) / (f.lastYear - f.firstYear);
  return Math.round((f.x0 + t * (f.x1 - f.x0)) * 10) / 10;
}

const r1 = (v: number) => Math.round(v * 10) / 10;

// ---------------------------------------------------------------------------
// Regularizations
// ---------------------------------------------------------------------------

export interface RegEvent {
  id: string;
  country_code: string;
  country_name: string;
  name_en: string;
  kind: string;
  start_date: string | null;
  end_date: string | null;
  /** Year to place the event when no start date is published. */
  year: number | null;
  applications: number | null;
  approvals: number | null;
}

/** How an event's size is known: approvals (filled), applications only (hollow), nothing (dotted). */
export type SizeBasis = 'approvals' | 'applications' | 'none' | 'departure';

export interface RegMark {
  id: string;
  x: number;
  y: number;
  r: number;
  basis: SizeBasis;
  /** Application window, when both ends are known and differ. */
  span: { x1: number; x2: number } | null;
  event: RegEvent;
}

export interface RegRow {
  code: string;
  name: string;
  /** Baseline of the row (centre of the circles). */
  y: number;
  /** Where the country name is written. */
  labelX: number;
  labelY: number;
  marks: RegMark[];
}

export interface RegLayout {
  frame: TimelineFrame;
  height: number;
  /** Top of the first row (year labels are repeated above it on long timelines). */
  top: number;
  rows: RegRow[];
  axisY: number;
  maxValue: number;
  rMax: number;
}

/** Kinds drawn on the timeline: programmes; standing mechanisms are ongoing routes and stay in the table. */
export const TIMELINE_KINDS = ['one_off', 'worker_legalization', 'voluntary_departure_amnesty'];

export function layoutRegularizations(events: RegEvent[], width: number, opts: { firstYear?: number; lastYear?: number; order?: string[] } = {}): RegLayout {
  const drawn = events.filter((e) => TIMELINE_KINDS.includes(e.kind) && placeYear(e) !== null);
  const years = drawn.map((e) => placeYear(e) as number);
  const firstYear = opts.firstYear ?? Math.floor(Math.min(...years, 2000)) - 1;
  const lastYear = opts.lastYear ?? Math.ceil(Math.max(...years, 2000)) + 1;
  const f = frame(width, firstYear, lastYear, 150);
  // The site-wide circle scale (../domain/rules.ts): the same programme has the same size everywhere.
  const rMax = regularizationRadius(REGULARIZATION_CIRCLE.people, f.narrow);
  const maxValue = REGULARIZATION_CIRCLE.people;
  const biggest = Math.max(0, ...drawn.map((e) => (e.kind === 'voluntary_departure_amnesty' ? 0 : e.approvals ?? e.applications ?? 0)));
  const rBiggest = Math.max(rMax, regularizationRadius(biggest, f.narrow));
  const radius = (v: number) => Math.max(2.5, regularizationRadius(v, f.narrow));

  const byCountry = new Map<string, RegEvent[]>();
  for (const e of drawn) {
    if (!byCountry.has(e.country_code)) byCountry.set(e.country_code, []);
    byCountry.get(e.country_code)!.push(e);
  }
  const order = opts.order ?? [];
  const codes = [...byCountry.keys()].sort((a, b) => {
    const ia = order.indexOf(a);
    const ib = order.indexOf(b);
    if (ia !== ib) return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
    return byCountry.get(a)![0].country_name.localeCompare(byCountry.get(b)![0].country_name);
  });

  // Long timelines repeat the year labels above the first row.
  const top = codes.length > 4 ? 24 : 8;
  const rowHeight = f.narrow ? 18 + 2 * rBiggest : Math.max(40, 2 * rBiggest + 8);
  const rows: RegRow[] = codes.map((code, i) => {
    const list = byCountry.get(code)!;
    const yTop = top + i * rowHeight;
    const y = f.narrow ? yTop + 16 + rBiggest : yTop + rowHeight / 2;
    const marks = list
      .map((e): RegMark => {
        const basis: SizeBasis = e.kind === 'voluntary_departure_amnesty' ? 'departure' : e.approvals !== null ? 'approvals' : e.applications !== null ? 'applications' : 'none';
        const v = basis === 'approvals' ? (e.approvals as number) : basis === 'applications' ? (e.applications as number) : 0;
        const x = xOf(f, placeYear(e) as number);
        const endYear = e.end_date ? yearOf(e.end_date) + (e.end_date.length === 4 ? 1 : e.end_date.length === 7 ? 1 / 12 : 0) : Number.NaN;
        const span = e.start_date && Number.isFinite(endYear) && endYear > (placeYear(e) as number) ? { x1: x, x2: xOf(f, Math.min(endYear, lastYear)) } : null;
        return { id: e.id, x, y, r: basis === 'approvals' || basis === 'applications' ? r1(radius(v)) : 4, basis, span, event: e };
      })
      // Biggest first, so small circles are drawn on top and stay reachable.
      .sort((a, b) => b.r - a.r || a.x - b.x);
    return { code, name: list[0].country_name, y, labelX: f.narrow ? f.x0 : f.x0 - 10, labelY: f.narrow ? yTop + 11 : y + 4, marks };
  });
  const axisY = top + rows.length * rowHeight + 4;
  return { frame: f, height: axisY + 22, top, rows, axisY, maxValue, rMax };
}

function placeYear(e: RegEvent): number | null {
  if (e.start_date) return yearOf(e.start_date);
  return e.year;
}

/** Legend sizes: the same round sizes on every timeline and chart (the scale is shared). */
export function legendSizes(_maxValue?: number): number[] {
  return [...REGULARIZATION_KEY_SIZES];
}

export function legendRadius(layout: RegLayout, v: number): number {
  return r1(Math.max(2.5, regularizationRadius(v, layout.frame.narrow)));
}

// ---------------------------------------------------------------------------
// Rule changes
// ---------------------------------------------------------------------------

export interface RuleEvent {
  id: string;
  country_code: string;
  country_name: string;
  date: string;
  direction: string | null;
  category: string;
  title_en: string;
  date_kind: string;
}

export interface RuleMark {
  id: string;
  x: number;
  y: number;
  direction: string;
  event: RuleEvent;
}

export interface RuleRow {
  code: string;
  name: string;
  y: number;
  labelX: number;
  labelY: number;
  marks: RuleMark[];
}

export interface RuleLayout {
  frame: TimelineFrame;
  height: number;
  top: number;
  rows: RuleRow[];
  axisY: number;
}

/** Vertical lanes inside a country row, one per direction, so markers of one year do not hide each other. */
/** Lane order of directions: one home, ../domain/labels.ts. */
export { DIRECTION_ORDER as DIRECTION_LANES } from '../domain/labels.ts';
import { DIRECTION_ORDER as DIRECTION_LANES } from '../domain/labels.ts';

export function layoutRuleChanges(events: RuleEvent[], width: number, opts: { firstYear?: number; lastYear?: number; order?: string[] } = {}): RuleLayout {
  const years = events.map((e) => yearOf(e.date)).filter(Number.isFinite);
  const firstYear = opts.firstYear ?? Math.floor(Math.min(...years, 2000)) - 1;
  const lastYear = opts.lastYear ?? Math.ceil(Math.max(...years, 2000)) + 1;
  const f = frame(width, firstYear, lastYear, 110);
  const lane = f.narrow ? 7 : 8;
  const byCountry = new Map<string, RuleEvent[]>();
  for (const e of events) {
    if (!byCountry.has(e.country_code)) byCountry.set(e.country_code, []);
    byCountry.get(e.country_code)!.push(e);
  }
  const order = opts.order ?? [];
  const codes = [...byCountry.keys()].sort((a, b) => {
    const ia = order.indexOf(a);
    const ib = order.indexOf(b);
    if (ia !== ib) return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
    return a.localeCompare(b);
  });
  const top = codes.length > 4 ? 22 : 6;
  const inner = DIRECTION_LANES.length * lane;
  const rowHeight = f.narrow ? 18 + inner + 6 : inner + 14;
  const rows = codes.map((code, i) => {
    const list = byCountry.get(code)!;
    const yTop = top + i * rowHeight;
    const laneTop = f.narrow ? yTop + 18 : yTop + 7;
    const marks = list.map((e): RuleMark => {
      const direction = e.direction ?? 'none';
      const k = Math.max(0, DIRECTION_LANES.indexOf(direction as (typeof DIRECTION_LANES)[number]));
      return { id: e.id, x: xOf(f, yearOf(e.date)), y: laneTop + lane * k + lane / 2, direction, event: e };
    });
    return {
      code,
      name: list[0].country_name,
      y: laneTop + inner / 2,
      labelX: f.narrow ? f.x0 : f.x0 - 10,
      labelY: f.narrow ? yTop + 12 : laneTop + inner / 2 + 4,
      marks,
    };
  });
  const axisY = top + rows.length * rowHeight + 2;
  return { frame: f, height: axisY + 22, top, rows, axisY };
}
