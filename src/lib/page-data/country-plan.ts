/**
 * What a country page shows, decided from the data: for each category, which series can be drawn
 * as lines (three or more preferred totals in the country), how they are grouped into charts (one
 * unit and one measure per chart, so a stock is never drawn on the axis of a flow), and which
 * values go into a plain table instead.
 *
 * Node-only (reads the published tables).
 */
import { YEAR_MAX } from '../charts/url-state.ts';
import { queryNode } from '../db/node.ts';
import { CATEGORY_ORDER, lit, seriesById, seriesObservations, type ObservationRow, type SeriesInfo } from './data.ts';
import { shortLabel } from './labels.ts';
import type { Tx } from '../charts/locale.ts';
import { txFor } from '../i18n/chart-text/index.ts';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales.ts';
import { seriesByIdIn } from './in-locale.ts';
import { DRAWN_KINDS_SQL, preferredTotalSql } from '../domain/rules.ts';

/** Most lines one chart carries (colours stay distinct up to eight). */
const MAX_LINES = 6;

export interface ChartPlan {
  key: string;
  title: string;
  subtitle: string;
  yLabel: string;
  series: SeriesInfo[];
  state: Record<string, unknown>;
}

export interface SectionPlan {
  category: string;
  charts: ChartPlan[];
  /** Series in this category with values here (all of them, drawn or not), for the notes. */
  series: SeriesInfo[];
  /** Preferred rows of series that are not drawn, for the table. */
  tableRows: ObservationRow[];
  /** Series too large to list here (they have their own page). */
  tooLarge: SeriesInfo[];
}

interface Drawable {
  id: string;
  groups: string[];
  points: number;
  first: number;
  last: number;
}

/** Axis words per unit (translated through the chart dictionary). */
export const AXIS_UNIT_WORDS: Record<string, string> = {
  persons: 'People',
  percent: 'Percent',
  cases: 'Cases',
  applications: 'Applications',
  permits: 'Permits',
};


async function drawable(code: string): Promise<Map<string, Drawable>> {
  const rows = await queryNode(/* sql */ `
    SELECT series_id, coalesce(citizenship_code, '') AS grp, count(DISTINCT period) AS n,
           min(year(period_start)) AS y0, max(year(period_end)) AS y1
    FROM observations
    WHERE country_code = ${lit(code)} AND ${preferredTotalSql('')}
      AND value_kind IN ${DRAWN_KINDS_SQL}
    GROUP BY 1, 2`);
  const by = new Map<string, { grp: string; n: number; y0: number; y1: number }[]>();
  for (const r of rows) {
    const id = String(r.series_id);
    if (!by.has(id)) by.set(id, []);
    by.get(id)!.push({ grp: String(r.grp), n: Number(r.n), y0: Number(r.y0), y1: Number(r.y1) });
  }
  const out = new Map<string, Drawable>();
  for (const [id, gs] of by) {
    const g = new Map(gs.map((x) => [x.grp, x]));
    // Nationals vs foreigners is the comparison that matters for labour-force rates.
    const groups = g.has('NAT') && g.has('FOR') ? ['NAT', 'FOR'] : g.has('') ? [''] : g.has('FOR_STLS') ? ['FOR_STLS'] : g.has('FOR') ? ['FOR'] : [];
    const chosen = groups.map((k) => g.get(k)!);
    const points = Math.max(0, ...chosen.map((x) => x.n));
    // Two points make a line that readers take for a trend; two values are a table.
    if (points < 3) continue;
    out.set(id, { id, groups, points, first: Math.min(...chosen.map((x) => x.y0)), last: Math.max(...chosen.map((x) => x.y1)) });
  }
  return out;
}

export async function planCountry(
  code: string,
  countryName: string,
  seriesIds: string[],
  events: { first: number | null; last: number | null },
  locale: Locale = DEFAULT_LOCALE,
): Promise<SectionPlan[]> {
  // Words in the page's language: series titles from data/i18n, the rest through tx().
  const [meta, draw] = await Promise.all([seriesByIdIn(locale), drawable(code)]);
  const tx = txFor(locale);
  const unitWord = (unit: string) => (AXIS_UNIT_WORDS[unit] ? tx(AXIS_UNIT_WORDS[unit]) : unit);
  const sections: SectionPlan[] = [];
  for (const category of CATEGORY_ORDER) {
    const series = seriesIds.map((id) => meta.get(id)).filter((s): s is SeriesInfo => !!s && s.category === category);
    if (!series.length) continue;
    const groups = new Map<string, SeriesInfo[]>();
    for (const s of series) {
      const d = draw.get(s.id);
      if (!d) continue;
      const unit = s.unit === 'thousand_persons' ? 'persons' : s.unit;
      const key = `${unit}|${s.measure}|${d.groups.join('+')}`;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key)!.push(s);
    }
    const charts: ChartPlan[] = [];
    const drawn = new Set<string>();
    const ordered = [...groups.entries()].sort((a, b) => Math.max(...b[1].map((s) => draw.get(s.id)!.points)) - Math.max(...a[1].map((s) => draw.get(s.id)!.points)));
    for (const [key, list] of ordered) {
      const [unit, measure, grp] = key.split('|');
      const groupsOf = grp ? grp.split('+') : [''];
      // Longest series first; beyond MAX_LINES the rest go to the table.
      const linesPer = Math.max(1, groupsOf.length);
      const kept = [...list].sort((a, b) => draw.get(b.id)!.points - draw.get(a.id)!.points).slice(0, Math.max(1, Math.floor(MAX_LINES / linesPer)));
      kept.sort((a, b) => a.id.localeCompare(b.id));
      kept.forEach((s) => drawn.add(s.id));
      const useEvents = category === 'irregular_residence' && charts.length === 0;
      const ds = kept.map((s) => draw.get(s.id)!);
      let from = Math.min(...ds.map((d) => d.first));
      let to = Math.max(...ds.map((d) => d.last));
      if (useEvents && events.first !== null && events.last !== null) {
        from = Math.min(from, events.first);
        to = Math.max(to, events.last);
      }
      const labelBy = [...(kept.length > 1 ? ['series'] : []), ...(groupsOf.length > 1 ? ['citizenship'] : [])];
      const measureWords = measure === 'flow' ? tx('per year or period') : measure === 'rate' ? tx('rates') : tx('at reference dates');
      charts.push({
        key: `${category}-${charts.length + 1}`,
        title: chartTitle(tx, category, countryName, unit, measure, charts.length),
        subtitle: `${kept.map((s) => s.title).join(tx('; '))}. ${unitWord(unit)}, ${measureWords}.${groupsOf.length > 1 ? ` ${tx('Nationals and foreign citizens drawn separately.')}` : ''}`,
        yLabel: unitWord(unit),
        series: kept,
        state: {
          series: kept.map((s) => s.id),
          labels: kept.map((s) => shortLabel(s.id, s.title, locale, tx)),
          countries: [code],
          citizenship: groupsOf,
          label_by: labelBy.length ? labelBy : ['series'],
          event_countries: useEvents ? [code] : [],
          layers: useEvents ? ['reg', 'rules'] : [],
          from: Math.max(1980, from),
          to: Math.min(YEAR_MAX, Math.max(to, from + 1)),
        },
      });
    }
    const tableRows: ObservationRow[] = [];
    const tooLarge: SeriesInfo[] = [];
    for (const s of series) {
      if (drawn.has(s.id)) continue;
      const rows = (await seriesObservations(s.id, code)).filter((r) => r.is_preferred);
      if (rows.length > 40) tooLarge.push(s);
      else tableRows.push(...rows);
    }
    sections.push({ category, charts, series, tableRows, tooLarge });
  }
  return sections;
}

function chartTitle(tx: Tx, category: string, country: string, unit: string, measure: string, index: number): string {
  const base: Record<string, string> = {
    irregular_residence: tx('People without legal residence'),
    enforcement: tx('Enforcement events'),
    regularization_flow: tx('Grants of status'),
    labour: tx('Work and labour market'),
    population: tx('Foreign population and permits'),
  };
  const b = base[category] ?? category;
  const qualifier =
    category === 'labour' && unit === 'percent'
      ? tx('rates by citizenship')
      : category === 'irregular_residence' && unit === 'percent'
        ? tx('share of the foreign population')
        : unit === 'cases'
          ? tx('cases')
          : unit === 'permits'
            ? tx('permits')
            : measure === 'flow' && category !== 'enforcement'
              ? tx('yearly flows')
              : index > 0 && unit === 'persons'
                ? tx('people')
                : null;
  return tx('{country}: {what}', { country, what: qualifier ? tx('{what} ({qualifier})', { what: b, qualifier }) : b });
}
