/**
 * Lines of one country's breakdowns over time: a series' total beside parts of it (workplaces
 * inspected and those found in breach; revocations of every status and of trainees only), or
 * several series in one unit. Each line is a "part": `series_id`, `series_id:status`,
 * `series_id@CITIZENSHIP` or `series_id:status@CITIZENSHIP`, drawn from the preferred value of that
 * breakdown (domain/rules.ts `preferredBreakdownSql`). Used by the stories, where the point is often
 * the gap between a total and its part.
 *
 * `periods: 'years'` keeps only values for whole calendar years (half-years and months published beside
 * yearly flows are their own values, not points of the yearly line); `windows: 'hidden'` leaves
 * out totals over several years where they would flatten a line of yearly values.
 *
 * As in series-lines, totals over a window (a cumulative count, a flow over several years) are
 * drawn as brackets spanning the window, never joined to yearly values. Ceilings (value kind
 * `quota`) are drawn as separate points, one per decision: a ceiling set for a five-year plan is
 * not a level that grows from one plan to the next.
 */
import { countryNameSql } from '../lib/domain/countries.ts';
import { z } from 'zod';
import { EVENT_LAYERS, countryEvents } from '../lib/charts/annotations.ts';
import { defineChart } from '../lib/charts/spec.ts';
import { DRAWN_KINDS_SQL, midPeriodDateSql, personsSql, preferredBreakdownSql, windowSql } from '../lib/domain/rules.ts';
import { oneOf, orderedYears, subsetOf, YEAR_MAX, yearIn } from '../lib/charts/url-state.ts';

const FIRST_YEAR = 1980;
const partRe = /^[a-z0-9]+(?:_[a-z0-9]+)*(:[a-z0-9_]+)?(@[A-Z0-9_]+)?$/;
const countryRe = /^[A-Z]{3}$/;

export const state = z
  .object({
    /** Lines drawn, in legend order: `series_id[:status][@CITIZENSHIP]`. */
    parts: z
      .array(z.string().regex(partRe))
      .min(1)
      .max(8)
      .catch(['jpn_titp_labour_inspections', 'jpn_titp_labour_inspections:with_violations']),
    /** Short label per part (same order); the series title when missing. */
    labels: z.array(z.string().min(1).max(60)).max(8).catch([]),
    /** Countries drawn (a part is drawn for every country listed that has values). */
    countries: z.array(z.string().regex(countryRe)).min(1).max(4).catch(['JPN']),
    /** Countries whose regularizations and rule changes are marked under the axis. */
    event_countries: z.array(z.string().regex(countryRe)).max(4).catch([]),
    layers: subsetOf(EVENT_LAYERS, [], { allowEmpty: true }),
    /** 'years': only values for a whole calendar year (or a window), so a line of yearly flows
     *  never dips to a half-year or a single month published beside it. */
    periods: oneOf(['all', 'years'] as const, 'all'),
    /** 'hidden': totals over several years are left out (they would flatten a line of yearly values). */
    windows: oneOf(['shown', 'hidden'] as const, 'shown'),
    from: yearIn(FIRST_YEAR, YEAR_MAX, 2005),
    to: yearIn(FIRST_YEAR, YEAR_MAX, YEAR_MAX),
  })
  .transform(orderedYears);

export type State = z.infer<typeof state>;

const SERIES_SQL = /* sql */ `
WITH wanted AS (
  SELECT
    part,
    pos,
    split_part(split_part(part, '@', 1), ':', 1) AS series_id,
    split_part(split_part(part, '@', 1), ':', 2) AS want_status,
    split_part(part, '@', 2) AS want_grp
  FROM (SELECT unnest($parts) AS part, generate_subscripts($parts, 1) AS pos)
),
obs AS (
  SELECT
    o.*,
    w.part,
    w.pos,
    ${personsSql('o')} AS v,
    ${windowSql('o', 'sm')} AS is_window
  FROM observations o
  JOIN wanted w ON w.series_id = o.series_id
  JOIN series sm ON sm.series_id = o.series_id
  WHERE ${preferredBreakdownSql('o', 'w.want_status', 'w.want_grp')}
    AND list_contains($countries, o.country_code)
    AND (o.value_kind IN ${DRAWN_KINDS_SQL} OR ${windowSql('o', 'sm')})
    AND ($periods = 'all' OR length(o.period) = 4 OR ${windowSql('o', 'sm')})
    AND ($windows = 'shown' OR NOT ${windowSql('o', 'sm')})
    AND year(o.period_end) BETWEEN $from AND $to
),
points AS (
  SELECT
    part, pos, series_id, country_code, period, is_window,
    -- a ceiling is one decision: its own point, never joined to the next plan's
    CASE WHEN any_value(value_kind) = 'quota' THEN period ELSE '' END AS decision,
    ${midPeriodDateSql('min(period_start)', 'max(period_end)')} AS ref_date,
    CASE WHEN is_window THEN strftime(min(period_start), '%Y-%m-%d') END AS window_start,
    CASE WHEN is_window THEN strftime(max(period_end), '%Y-%m-%d') END AS window_end,
    max(v) FILTER (WHERE value_kind IN ('count', 'estimate_central', 'rate', 'quota', 'cumulative')) AS value,
    max(v) FILTER (WHERE value_kind = 'estimate_low') AS low,
    max(v) FILTER (WHERE value_kind = 'estimate_high') AS high,
    coalesce(any_value(value_kind) FILTER (WHERE value_kind IN ('count', 'rate', 'quota', 'estimate_central', 'cumulative')), 'estimate_central') AS value_kind,
    CASE WHEN any_value(unit) IN ('persons', 'thousand_persons') THEN 'persons' ELSE any_value(unit) END AS unit,
    any_value(source_id) AS source_id,
    any_value(note) AS note,
    any_value(flags) AS flags
  FROM obs
  GROUP BY part, pos, series_id, country_code, period, is_window
)
SELECT
  p.part || ':' || p.country_code || ':' || p.decision AS line_id,
  -- colours by line: the parts of one country are told apart by hue
  p.part || ':' || p.country_code AS color_key,
  p.series_id,
  p.country_code,
  ${countryNameSql('c')} AS country_name,
  '' AS citizenship_code,
  -- a label given by the view names the line as written; a series title gets the country when several are drawn
  coalesce(list_extract($labels, p.pos), concat_ws(' · ', s.title, CASE WHEN len($countries) > 1 THEN ${countryNameSql('c')} END))
    -- each ceiling is its own point: say which decision it is
    || CASE WHEN p.decision <> '' THEN ', set ' || left(p.decision, 4) ELSE '' END AS label,
  s.title AS series_title,
  p.period,
  p.ref_date,
  p.window_start,
  p.window_end,
  p.value,
  p.low,
  p.high,
  p.value_kind,
  CASE WHEN p.value_kind LIKE 'estimate%' THEN 'estimate_central' ELSE 'count' END AS draw_kind,
  p.unit,
  p.flags,
  p.source_id,
  src.publisher AS source_publisher,
  src.title AS source_title,
  src.url AS source_url,
  p.note
FROM points p
JOIN series s USING (series_id)
LEFT JOIN countries c USING (country_code)
LEFT JOIN sources src USING (source_id)
ORDER BY p.pos, p.country_code, p.decision, p.ref_date, p.window_start NULLS FIRST
`;

export const spec = defineChart({
  id: 'breakdown-lines',
  title: 'A total and its parts over time',
  subtitle: 'One line per series or breakdown; totals over several years drawn as brackets.',
  datasets: {
    data: { role: 'series', query: SERIES_SQL },
    ...countryEvents.datasets,
  },
  state,
  options: { windows: true },
  drawColumns: ['window_start', 'window_end'],
  // Stories fix every choice at build time: no controls, no URL state.
  url: [],
  controls: [],
  encodings: {
    color: 'color_key',
    colorBy: 'line',
    kind: 'draw_kind',
    // parts may count workplaces, organisations or cases: stories name the unit (y_label)
    yLabel: 'Number',
  },
  layers: countryEvents.layers,
  palette: countryEvents.palette,
  table: [
    { key: 'label', label: 'Line' },
    { key: 'period', label: 'Period', format: 'date' },
    { key: 'window_start', label: 'Total over', format: 'window', end: 'window_end' },
    { key: 'value', label: 'Value', format: 'number' },
    { key: 'value_kind', label: 'Kind', format: 'kind' },
    { key: 'flags', label: 'Flags' },
    { key: 'source_publisher', label: 'Source', format: 'link', href: 'source_url' },
  ],
  examples: {
    inspections: {
      parts: ['jpn_titp_labour_inspections', 'jpn_titp_labour_inspections:with_violations'],
      labels: ['Workplaces inspected', 'Found in breach'],
      countries: ['JPN'],
      from: 2012,
      to: 2025,
    },
    'ceilings-and-holders': {
      parts: ['jpn_foreign_residents_ssw', 'jpn_ssw_acceptance_cap'],
      labels: ['Holders', 'Five-year ceiling'],
      countries: ['JPN'],
      from: 2018,
      to: 2026,
    },
  },
});

export default spec;
