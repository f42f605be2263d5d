/**
 * What a series page draws and tabulates, decided from the data: which citizenship group and
 * which countries go on the chart (at most six lines: core countries first, then the longest
 * records; aggregates only when there is nothing else), and whether the values fit a long table or need a country × period
 * pivot (the Eurostat series have thousands of rows).
 *
 * Node-only.
 */
import { queryNode } from '../db/node.ts';
import { DRAWN_KINDS_SQL, isPreferredTotal, preferredTotalSql } from '../domain/rules.ts';
import { CORE_COUNTRIES, lit, type ObservationRow, type SeriesInfo } from './data.ts';

export const MAX_LINES = 6;
/** Above this many rows a series page shows a pivot of its main slice instead of every row. */
export const LONG_TABLE_LIMIT = 400;

export interface SeriesChartPlan {
  group: string;
  countries: string[];
  /** Countries with values that the chart leaves out (they are in the table). */
  omitted: number;
  from: number;
  to: number;
}

export async function planSeriesChart(s: SeriesInfo): Promise<SeriesChartPlan | null> {
  const rows = await queryNode(/* sql */ `
    SELECT o.country_code, coalesce(o.citizenship_code, '') AS grp, c.is_aggregate,
           count(DISTINCT o.period) AS n, avg(o.value) AS mean,
           min(year(o.period_start)) AS y0, max(year(o.period_end)) AS y1
    FROM observations o LEFT JOIN countries c USING (country_code)
    WHERE o.series_id = ${lit(s.id)} AND ${preferredTotalSql('o')}
      AND o.value_kind IN ${DRAWN_KINDS_SQL}
    GROUP BY ALL`);
  if (!rows.length) return null;
  const groups = new Set(rows.map((r) => String(r.grp)));
  // "By citizenship" series are about foreigners; other series are drawn as totals.
  const group = groups.has('FOR') ? 'FOR' : groups.has('') ? '' : groups.has('FOR_STLS') ? 'FOR_STLS' : [...groups][0];
  const inGroup = rows.filter((r) => String(r.grp) === group && Number(r.n) >= 2);
  const multi = new Set(rows.map((r) => String(r.country_code))).size > 1;
  // A single country needs three points to make a line worth drawing; across countries two will do.
  const usable = inGroup.filter((r) => Number(r.n) >= (multi ? 2 : 3));
  if (!usable.length) return null;
  const countries = usable.filter((r) => r.is_aggregate !== true);
  const pool = countries.length ? countries : usable;
  const core = CORE_COUNTRIES as readonly string[];
  const ranked = [...pool].sort((a, b) => {
    const ca = core.indexOf(String(a.country_code));
    const cb = core.indexOf(String(b.country_code));
    if (ca !== cb) return (ca < 0 ? 99 : ca) - (cb < 0 ? 99 : cb);
    // Then the longest records (a few scattered high values say little), then the highest values.
    return Number(b.n) - Number(a.n) || Number(b.mean) - Number(a.mean);
  });
  const chosen = ranked.slice(0, MAX_LINES);
  return {
    group,
    countries: chosen.map((r) => String(r.country_code)).sort(),
    omitted: new Set(rows.map((r) => String(r.country_code))).size - chosen.length,
    from: Math.min(...chosen.map((r) => Number(r.y0))),
    to: Math.max(...chosen.map((r) => Number(r.y1))),
  };
}

export interface Pivot {
  periods: string[];
  rows: { code: string; name: string; cells: (ObservationRow | null)[] }[];
  sources: { id: string; publisher: string; title: string; url: string | null; rows: number }[];
  slice: string;
}

/** Country × period table of the preferred totals (one citizenship group, one age band at most). */
export function pivot(rows: ObservationRow[], group: string): Pivot {
  const slice = rows.filter(
    (r) => isPreferredTotal(r) && (r.citizenship_code ?? '') === group && r.value_kind !== 'cumulative',
  );
  const periods = [...new Set(slice.map((r) => r.period))].sort();
  const byCountry = new Map<string, { name: string; cells: Map<string, ObservationRow> }>();
  for (const r of slice) {
    if (!byCountry.has(r.country_code)) byCountry.set(r.country_code, { name: r.country_name, cells: new Map() });
    byCountry.get(r.country_code)!.cells.set(r.period, r);
  }
  const sources = new Map<string, Pivot['sources'][number]>();
  for (const r of slice) {
    const s = sources.get(r.source_id) ?? { id: r.source_id, publisher: r.source_publisher ?? '', title: r.source_title ?? r.source_id, url: r.source_url, rows: 0 };
    s.rows++;
    sources.set(r.source_id, s);
  }
  return {
    periods,
    rows: [...byCountry.entries()]
      .sort((a, b) => a[1].name.localeCompare(b[1].name))
      .map(([code, v]) => ({ code, name: v.name, cells: periods.map((p) => v.cells.get(p) ?? null) })),
    sources: [...sources.values()].sort((a, b) => b.rows - a.rows),
    slice: `${slice.length} values`,
  };
}
