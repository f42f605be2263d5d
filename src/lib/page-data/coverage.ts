/**
 * The coverage page (/coverage/): the published coverage matrix (coverage.csv, written by the
 * pipeline from scripts/lib/coverage.ts) grouped by country, one row per series, each row as runs
 * of years (present, present only through a multi-year window, missing) that the page draws as a
 * strip and writes out as text. Reads the published CSV itself, so the page shows exactly the file
 * it offers for download.
 *
 * Node-only.
 */
import path from 'node:path';
import { existsSync } from 'node:fs';
import { queryNode } from '../db/node.ts';
import { publishedDataDir } from '../contract/files.ts';
import { allCountries, allSeries, CATEGORY_ORDER } from './data.ts';

export type CellState = 'point' | 'window' | 'missing';

/** Consecutive years in one state. */
export interface Run {
  from: number;
  to: number;
  state: CellState;
}

export interface CoverageSeries {
  id: string;
  title: string;
  category: string;
  /** Years the series spans (over all its countries). */
  first: number;
  last: number;
  runs: Run[];
  present: number;
  years: number;
}

export interface CoverageCountry {
  code: string;
  name: string;
  isAggregate: boolean;
  first: number;
  last: number;
  series: CoverageSeries[];
  present: number;
  years: number;
}

/** Runs of equal state over consecutive years. */
export function runsOf(cells: { year: number; state: CellState }[]): Run[] {
  const out: Run[] = [];
  for (const c of [...cells].sort((a, b) => a.year - b.year)) {
    const last = out[out.length - 1];
    if (last && last.state === c.state && last.to === c.year - 1) last.to = c.year;
    else out.push({ from: c.year, to: c.year, state: c.state });
  }
  return out;
}

/** "1990–1995, 2000" for the runs in `state`. */
export function yearsText(runs: Run[], state: CellState | CellState[]): string {
  const want = Array.isArray(state) ? state : [state];
  const merged = runsOf(runs.filter((r) => want.includes(r.state)).flatMap((r) => Array.from({ length: r.to - r.from + 1 }, (_, i) => ({ year: r.from + i, state: 'point' as CellState }))));
  return merged.map((r) => (r.from === r.to ? String(r.from) : `${r.from}–${r.to}`)).join(', ');
}

let memo: Promise<CoverageCountry[]> | null = null;

/** Countries with their series' coverage, countries in name order (aggregates last), series by category then title. */
export function coverageByCountry(): Promise<CoverageCountry[]> {
  memo ??= (async () => {
    const file = path.join(publishedDataDir(), 'coverage.csv');
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run data:site\` (or \`npm run data\`) first`);
    const rows = await queryNode(`SELECT series_id, country_code, "year", status, kind FROM read_csv('${file.replaceAll("'", "''")}', header = true, all_varchar = true) ORDER BY country_code, series_id, "year"`);
    const [countries, series] = await Promise.all([allCountries(), allSeries()]);
    const names = new Map(countries.map((c) => [c.code, c]));
    const meta = new Map(series.map((s) => [s.id, s]));
    const byCountry = new Map<string, Map<string, { year: number; state: CellState }[]>>();
    for (const r of rows) {
      const code = String(r.country_code);
      const id = String(r.series_id);
      const year = Number(r.year);
      if (!Number.isInteger(year)) throw new Error(`${file}: bad year "${r.year}" for ${id} ${code}`);
      const state: CellState = r.status === 'missing' ? 'missing' : r.kind === 'window' ? 'window' : 'point';
      if (!byCountry.has(code)) byCountry.set(code, new Map());
      const m = byCountry.get(code)!;
      if (!m.has(id)) m.set(id, []);
      m.get(id)!.push({ year, state });
    }
    const catRank = (c: string) => (CATEGORY_ORDER.indexOf(c) + 1 || 99);
    const out: CoverageCountry[] = [];
    for (const [code, m] of byCountry) {
      const list: CoverageSeries[] = [];
      for (const [id, cells] of m) {
        const s = meta.get(id);
        const years = cells.map((c) => c.year);
        list.push({
          id,
          title: s?.title ?? id,
          category: s?.category ?? '',
          first: Math.min(...years),
          last: Math.max(...years),
          runs: runsOf(cells),
          present: cells.filter((c) => c.state !== 'missing').length,
          years: cells.length,
        });
      }
      list.sort((a, b) => catRank(a.category) - catRank(b.category) || a.title.localeCompare(b.title));
      const c = names.get(code);
      out.push({
        code,
        name: c?.name ?? code,
        isAggregate: c?.isAggregate ?? false,
        first: Math.min(...list.map((s) => s.first)),
        last: Math.max(...list.map((s) => s.last)),
        series: list,
        present: list.reduce((n, s) => n + s.present, 0),
        years: list.reduce((n, s) => n + s.years, 0),
      });
    }
    return out.sort((a, b) => Number(a.isAggregate) - Number(b.isAggregate) || a.name.localeCompare(b.name));
  })();
  return memo;
}
