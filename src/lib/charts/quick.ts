/**
 * The quick path: rows for a state computed from rows the page already holds, without the engine.
 *
 * A spec lists, in `quick`, how its state fields narrow its datasets: a list field (countries)
 * keeps the rows whose column is in the list; a year range keeps the rows whose year column (the
 * first four characters of a date or period text) lies in the range. Rows held for a wider state
 * then narrow to any state that only (a) picks a subset of a list, (b) picks a sub-range of the
 * years, and (c) leaves every other query parameter unchanged. Row order is kept (every query
 * orders its rows, and a filter keeps that order).
 *
 * The SQL stays the only definition of what a state shows: tests/charts/quick.test.ts runs every
 * control value of every chart through both paths and checks the rows and the SVG are identical,
 * and in the browser the engine's answer replaces the quick one if it ever differs.
 *
 * Browser-safe, no dependencies beyond the spec helpers.
 */
import { paramNames } from './sql.ts';
import type { ChartRows, ChartSpec, QuickRule, Row } from './spec.ts';

type State = Record<string, unknown>;

export interface Held {
  state: State;
  rows: ChartRows;
}

const param = (spec: ChartSpec, s: State, k: string) => (k in s ? s[k] : spec.constants[k]);
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const keysOf = (r: QuickRule) => (r.kind === 'list' ? [r.key] : [r.from, r.to]);
const yearOf = (v: Row[string]) => (typeof v === 'string' && /^[0-9]{4}/.test(v) ? Number(v.slice(0, 4)) : typeof v === 'number' ? v : NaN);

/** Whether `want` asks for a subset of `held` under one rule. */
function within(spec: ChartSpec, r: QuickRule, held: State, want: State): boolean {
  if (r.kind === 'list') {
    const h = (param(spec, held, r.key) as string[] | undefined) ?? [];
    const w = (param(spec, want, r.key) as string[] | undefined) ?? [];
    if (r.emptyMeansAll && h.length === 0) return true;
    if (r.emptyMeansAll && w.length === 0) return false;
    return w.every((x) => h.includes(x));
  }
  return Number(param(spec, held, r.from)) <= Number(param(spec, want, r.from)) && Number(param(spec, want, r.to)) <= Number(param(spec, held, r.to));
}

function keep(spec: ChartSpec, r: QuickRule, col: string, want: State): (row: Row) => boolean {
  if (r.kind === 'list') {
    const w = (param(spec, want, r.key) as string[] | undefined) ?? [];
    if (r.emptyMeansAll && w.length === 0) return () => true;
    const set = new Set(w);
    return (row) => set.has(String(row[col]));
  }
  const from = Number(param(spec, want, r.from));
  const to = Number(param(spec, want, r.to));
  return (row) => {
    const y = yearOf(row[col]);
    return y >= from && y <= to;
  };
}

/**
 * Rows for `want` from rows held for another state, or null when they cannot be derived (a
 * parameter outside the spec's quick rules changed, the held rows are not a superset, or the held
 * rows reached a cap that a narrower state could bring back under).
 */
export function quickRows(spec: ChartSpec, held: Held, want: State): ChartRows | null {
  const q = spec.quick;
  if (!q) return null;
  const ruled = new Set(q.rules.flatMap(keysOf));
  const used = new Set(Object.values(spec.datasets).flatMap((d) => paramNames(d.query)));
  for (const k of used) if (!ruled.has(k) && !same(param(spec, held.state, k), param(spec, want, k))) return null;
  if (q.cap) {
    const lines = new Set((held.rows[q.cap.dataset] ?? []).map((r) => r[q.cap!.column]));
    if (lines.size >= q.cap.max) return null;
  }
  const out: ChartRows = {};
  for (const [name, rows] of Object.entries(held.rows)) {
    const def = spec.datasets[name];
    if (!def) return null;
    const names = paramNames(def.query);
    const tests: ((row: Row) => boolean)[] = [];
    for (const r of q.rules) {
      if (!keysOf(r).some((k) => names.includes(k))) continue;
      // Unchanged parameters need no filter; changed ones need a column to filter on.
      if (keysOf(r).every((k) => same(param(spec, held.state, k), param(spec, want, k)))) continue;
      const col = r.columns[name];
      if (!col || !within(spec, r, held.state, want)) return null;
      tests.push(keep(spec, r, col, want));
    }
    out[name] = tests.length ? rows.filter((row) => tests.every((t) => t(row))) : rows;
  }
  return out;
}

/**
 * The widest state the quick rules can narrow from, near `state`: the year range opened to the
 * year-range control's bounds (the page then holds every year a reader can pick).
 */
export function widestState(spec: ChartSpec, state: State): State {
  const out = { ...state };
  if (!spec.quick) return out;
  for (const c of spec.controls) {
    if (c.kind !== 'year-range') continue;
    if (!spec.quick.rules.some((r) => r.kind === 'years' && r.from === c.fromKey && r.to === c.toKey)) continue;
    out[c.fromKey] = c.min;
    out[c.toKey] = c.max;
  }
  return out;
}

/** For each dataset of `narrow` (a filtered subsequence of `wide`), the indices of its rows in `wide`. */
export function pickIndices(wide: ChartRows, narrow: ChartRows): Record<string, number[]> | null {
  const out: Record<string, number[]> = {};
  for (const [name, rows] of Object.entries(narrow)) {
    const w = wide[name] ?? [];
    const keys = w.map((r) => JSON.stringify(r));
    const idx: number[] = [];
    let j = 0;
    for (const r of rows) {
      const k = JSON.stringify(r);
      while (j < keys.length && keys[j] !== k) j++;
      if (j === keys.length) return null;
      idx.push(j++);
    }
    out[name] = idx;
  }
  return out;
}
