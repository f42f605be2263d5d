/**
 * Generic line chart for the country and series pages: one or more series over time, one line per
 * series × country × citizenship group, with the country's regularizations and rule changes as
 * strips under the axis where a page asks for them.
 *
 * Unlike the headline chart, the page fixes everything at build time (which series, which
 * countries, which labels), so the state carries those choices and the figure is rendered without
 * controls: the browser only adds tooltips. Only totals are drawn (no sex or status breakdown);
 * citizenship groups are drawn when a page asks for them (Eurostat rates for nationals vs
 * foreigners). Totals over a window (a cumulative count, a flow over several years) are drawn as
 * brackets spanning the window, never joined to yearly values.
 *
 * Each country keeps its site-wide colour; a second line of the same country takes another hue.
 * Rule-change markers are coloured by direction, one lane each.
 */
import { countryNameSql } from '../lib/domain/countries.ts';
import { z } from 'zod';
import { EVENT_LAYERS, countryEvents } from '../lib/charts/annotations.ts';
import { defineChart } from '../lib/charts/spec.ts';
import { CITIZENSHIP_LABELS, sqlLabel } from '../lib/domain/labels.ts';
import { DRAWN_KINDS_SQL, midPeriodDateSql, personsSql, preferredTotalSql, windowSql } from '../lib/domain/rules.ts';
import { oneOf, orderedYears, subsetOf, YEAR_MAX, yearIn } from '../lib/charts/url-state.ts';

const FIRST_YEAR = 1980;
const slugRe = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;
const countryRe = /^([A-Z]{3}|EU27_2020|EU28|EU27_2007|EA20|EFTA|EUR12)$/;
const groupRe = /^[A-Z0-9_]*$/;

/** A list of strings matching `re`; anything else gives `fallback`. */
const listOf = (re: RegExp, fallback: string[], max = 40) => z.array(z.string().regex(re)).max(max).catch(fallback);

export const state = z
  .object({
    /** Series drawn, in legend order. */
    series: listOf(slugRe, ['jpn_overstayers'], 12).refine((l) => l.length > 0).catch(['jpn_overstayers']),
    /** Short label per series (same order); the series title when missing. */
    labels: z.array(z.string().min(1).max(60)).max(12).catch([]),
    /** Countries drawn; empty means every country with values. */
    countries: listOf(countryRe, []),
    /** Citizenship groups drawn: '' is the total, otherwise a published code (NAT, FOR…). */
    citizenship: listOf(groupRe, ['']),
    /** Which parts make up a line's direct label. */
    label_by: subsetOf(['series', 'country', 'citizenship'] as const, ['country']),
    /** Countries whose regularizations and rule changes are marked under the axis. */
    event_countries: listOf(countryRe, []),
    layers: subsetOf(EVENT_LAYERS, [], { allowEmpty: true }),
    scale: oneOf(['linear', 'log'] as const, 'linear'),
    mode: oneOf(['absolute', 'indexed'] as const, 'absolute'),
    from: yearIn(FIRST_YEAR, YEAR_MAX, 1990),
    to: yearIn(FIRST_YEAR, YEAR_MAX, YEAR_MAX),
  })
  .transform(orderedYears);

export type State = z.infer<typeof state>;

const SERIES_SQL = /* sql */ `
WITH obs AS (
  SELECT
    o.*,
    coalesce(o.citizenship_code, '') AS grp,
    coalesce(o.age, '') AS age_band,
    -- people are drawn in people; thousands are converted, never silently mixed
    ${personsSql('o')} AS v,
    -- the central value (or count) carries the row's source; a bound only when nothing else is published
    CASE WHEN o.value_kind IN ('count', 'estimate_central', 'rate', 'quota', 'cumulative') THEN 0 ELSE 1 END AS rank,
    -- totals over a window (several years, or a cumulative count) are drawn as brackets, not joined to the line
    ${windowSql('o', 'sm')} AS is_window
  FROM observations o
  JOIN series sm USING (series_id)
  WHERE ${preferredTotalSql('o')}
    AND list_contains($series, o.series_id)
    AND (len($countries) = 0 OR list_contains($countries, o.country_code))
    AND list_contains($citizenship, coalesce(o.citizenship_code, ''))
    -- running totals are drawn only as windows: on a yearly line they would make false steps
    AND (o.value_kind IN ${DRAWN_KINDS_SQL} OR ${windowSql('o', 'sm')})
    AND year(o.period_end) BETWEEN $from AND $to
),
points AS (
  SELECT
    series_id, country_code, grp, age_band, period, is_window,
    ${midPeriodDateSql('min(period_start)', 'max(period_end)')} AS ref_date,
    CASE WHEN is_window THEN strftime(min(period_start), '%Y-%m-%d') END AS window_start,
    CASE WHEN is_window THEN strftime(max(period_end), '%Y-%m-%d') END AS window_end,
    max(v) FILTER (WHERE value_kind IN ('count', 'estimate_central', 'rate', 'quota', 'cumulative')) AS value,
    max(v) FILTER (WHERE value_kind = 'estimate_low') AS low,
    max(v) FILTER (WHERE value_kind = 'estimate_high') AS high,
    coalesce(any_value(value_kind) FILTER (WHERE value_kind IN ('count', 'rate', 'quota', 'estimate_central', 'cumulative')), 'estimate_central') AS value_kind,
    CASE WHEN any_value(unit) IN ('persons', 'thousand_persons') THEN 'persons' ELSE any_value(unit) END AS unit,
    arg_min(source_id, rank) AS source_id,
    arg_min(note, rank) AS note,
    arg_min(flags, rank) AS flags
  FROM obs
  GROUP BY series_id, country_code, grp, age_band, period, is_window
),
labelled AS (
  SELECT
    p.*,
    s.title AS series_title,
    ${countryNameSql('c')} AS country_name,
    concat_ws(' · ',
      CASE WHEN list_contains($label_by, 'series') THEN coalesce(list_extract($labels, list_position($series, p.series_id)), s.title) END,
      CASE WHEN list_contains($label_by, 'country') THEN CASE WHEN c.is_aggregate THEN replace(p.country_code, '_', ' ') ELSE ${countryNameSql('c')} END END,
      CASE WHEN list_contains($label_by, 'citizenship') THEN ${sqlLabel('p.grp', { '': 'All', ...CITIZENSHIP_LABELS }, 'p.grp')} END
    ) AS label,
    dense_rank() OVER (ORDER BY list_position($series, p.series_id), p.country_code, p.grp, p.age_band) AS line_rank
  FROM points p
  JOIN series s USING (series_id)
  LEFT JOIN countries c USING (country_code)
)
SELECT
  l.series_id || ':' || l.country_code || ':' || l.grp || ':' || l.age_band AS line_id,
  -- colours by country (../lib/domain/countries.ts); a country's second line gets another hue
  l.country_code AS color_key,
  l.series_id,
  l.country_code,
  l.country_name,
  l.grp AS citizenship_code,
  l.label,
  l.series_title,
  l.period,
  l.ref_date,
  l.window_start,
  l.window_end,
  l.value,
  l.low,
  l.high,
  l.value_kind,
  -- how the line is drawn: official figures (counts, rates, quotas) solid, estimates dashed
  CASE WHEN l.value_kind LIKE 'estimate%' THEN 'estimate_central' ELSE 'count' END AS draw_kind,
  l.unit,
  l.flags,
  l.source_id,
  src.publisher AS source_publisher,
  src.title AS source_title,
  src.url AS source_url,
  l.note
FROM labelled l
LEFT JOIN sources src USING (source_id)
ORDER BY l.line_rank, l.ref_date, l.window_start NULLS FIRST
`;


export const spec = defineChart({
  id: 'series-lines',
  title: 'Values over time',
  subtitle: 'One line per series and country; official figures solid, estimates dashed.',
  datasets: {
    data: { role: 'series', query: SERIES_SQL },
    ...countryEvents.datasets,
  },
  state,
  // Totals over a window (window_start..window_end) are drawn as brackets (../lib/charts/plot-options.ts).
  options: { windows: true },
  drawColumns: ['window_start', 'window_end'],
  // Pages render this chart without controls or URL state: every choice is made at build time.
  url: [],
  controls: [],
  encodings: {
    color: 'color_key',
    colorBy: 'line',
    kind: 'draw_kind',
  },
  layers: countryEvents.layers,
  palette: countryEvents.palette,
  table: [
    { key: 'label', label: 'Line' },
    { key: 'period', label: 'Period', format: 'date' },
    { key: 'window_start', label: 'Total over', format: 'window', end: 'window_end' },
    { key: 'value', label: 'Value', format: 'number' },
    { key: 'low', label: 'Low', format: 'number' },
    { key: 'high', label: 'High', format: 'number' },
    { key: 'value_kind', label: 'Kind', format: 'kind' },
    { key: 'flags', label: 'Flags' },
    { key: 'source_publisher', label: 'Source', format: 'link', href: 'source_url' },
  ],
  // Snapshot states: the shapes the country and series pages use.
  examples: {
    'country-events': {
      series: ['jpn_overstayers', 'jpn_technical_intern_missing_unlocated'],
      labels: ['Overstayers (ISA)', 'Trainees not located'],
      countries: ['JPN'],
      label_by: ['series'],
      event_countries: ['JPN'],
      layers: ['reg', 'rules'],
      from: 1990,
      to: 2026,
    },
    windows: {
      series: ['jpn_technical_intern_missing'],
      labels: ['Technical interns gone missing'],
      countries: ['JPN'],
      label_by: ['series'],
      from: 2000,
      to: 2026,
    },
    estimates: {
      series: ['esp_irregular_estimate_funcas', 'esp_irregular_estimate_porcausa', 'esp_irregular_padron_minus_permits'],
      labels: ['Funcas', 'porCausa', 'Padrón minus permits'],
      countries: ['ESP'],
      label_by: ['series'],
      from: 2000,
      to: 2026,
    },
  },
});

export default spec;
