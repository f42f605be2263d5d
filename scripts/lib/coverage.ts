/**
 * Coverage matrix (issue 15): country × series × year, `present` or `missing`, so researchers
 * see the holes at a glance. Written by the pipeline as coverage.csv next to the tables.
 *
 * For each series the years run from its first to its last year over all countries; a country
 * of the series is `present` in a year when a preferred value's window touches that year
 * (a stock at a date, a flow over the year, or a multi-year window: then every year it spans
 * counts as `present`, with kind `window`).
 */
import type { Observation } from '../../src/lib/schema.ts';

export interface CoverageRow {
  series_id: string;
  country_code: string;
  year: number;
  status: 'present' | 'missing';
  /** Preferred values touching the year; `window` when only a multi-year window covers it. */
  values: number;
  kind: 'point' | 'window' | '';
}

export function coverageMatrix(observations: Observation[]): CoverageRow[] {
  const bySeries = new Map<string, { min: number; max: number; cells: Map<string, Map<number, { n: number; point: boolean }>> }>();
  for (const o of observations) {
    if (!o.is_preferred) continue;
    const y0 = Number(o.period_start.slice(0, 4));
    const y1 = Number(o.period_end.slice(0, 4));
    const s = bySeries.get(o.series_id) ?? { min: y0, max: y1, cells: new Map() };
    s.min = Math.min(s.min, y0);
    s.max = Math.max(s.max, y1);
    const c = s.cells.get(o.country_code) ?? new Map();
    const point = y0 === y1;
    for (let y = y0; y <= y1; y++) {
      const cell = c.get(y) ?? { n: 0, point: false };
      cell.n++;
      cell.point ||= point;
      c.set(y, cell);
    }
    s.cells.set(o.country_code, c);
    bySeries.set(o.series_id, s);
  }
  const out: CoverageRow[] = [];
  for (const [series_id, s] of [...bySeries].sort(([a], [b]) => (a < b ? -1 : 1))) {
    for (const [country_code, c] of [...s.cells].sort(([a], [b]) => (a < b ? -1 : 1))) {
      for (let y = s.min; y <= s.max; y++) {
        const cell = c.get(y);
        out.push(
          cell
            ? { series_id, country_code, year: y, status: 'present', values: cell.n, kind: cell.point ? 'point' : 'window' }
            : { series_id, country_code, year: y, status: 'missing', values: 0, kind: '' },
        );
      }
    }
  }
  return out;
}

export function coverageCsv(rows: CoverageRow[]): string {
  const lines = ['series_id,country_code,year,status,values,kind'];
  for (const r of rows) lines.push([r.series_id, r.country_code, r.year, r.status, r.values, r.kind].join(','));
  return `${lines.join('\n')}\n`;
}
