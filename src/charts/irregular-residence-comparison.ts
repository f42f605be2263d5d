/**
 * Headline chart (home page): people without legal status in Japan, South Korea, Spain and Italy on
 * one time axis, with regularization programmes and rule changes marked under the axis.
 *
 * The four lines do not measure the same thing (official counts of overstayers vs research
 * estimates of everyone without a permit); ComparabilityNote.astro prints the difference next to
 * the chart from the `meta` dataset, and counts are drawn solid while estimates are dashed.
 */
import { z } from 'zod';
import { EVENT_LAYERS, eventLayers, eventLayersControl, eventLayersUrl, inList, regularizationsSql, ruleChangesSql } from '../lib/charts/annotations.ts';
import { defineChart } from '../lib/charts/spec.ts';
import { CORE_COUNTRIES, CORE_COUNTRY_NAMES, COUNTRY_COLORS, countryNameSql } from '../lib/domain/countries.ts';
import { midPeriodDateSql, personsSql, preferredTotalSql } from '../lib/domain/rules.ts';
import { oneOf, orderedYears, subsetOf, YEAR_MAX, yearIn } from '../lib/charts/url-state.ts';

const COUNTRIES = CORE_COUNTRIES;
const FIRST_YEAR = 1985;

/**
 * One line per series; series are country-specific, so the label names the country and, where a
 * country has several estimators, the estimator. Different estimators are never joined into one
 * line: Spain has three (press calculations 2002-2007, Funcas 2017-2025, porCausa ranges).
 */
const SERIES: { id: string; label: string }[] = [
  { id: 'jpn_overstayers', label: 'Japan' },
  { id: 'kor_illegal_stay', label: 'South Korea' },
  { id: 'esp_irregular_padron_minus_permits', label: 'Spain (padrón minus permits)' },
  { id: 'esp_irregular_estimate_funcas', label: 'Spain (Funcas)' },
  { id: 'esp_irregular_estimate_porcausa', label: 'Spain (porCausa)' },
  { id: 'ita_irregular_estimate_ismu', label: 'Italy (ISMU)' },
];

export const state = z
  .object({
    countries: subsetOf(COUNTRIES, [...COUNTRIES]),
    scale: oneOf(['linear', 'log'] as const, 'linear'),
    mode: oneOf(['absolute', 'indexed'] as const, 'absolute'),
    from: yearIn(FIRST_YEAR, YEAR_MAX, 1990),
    to: yearIn(FIRST_YEAR, YEAR_MAX, YEAR_MAX),
    layers: subsetOf(EVENT_LAYERS, [...EVENT_LAYERS], { allowEmpty: true }),
  })
  .transform(orderedYears);

export type State = z.infer<typeof state>;

/** Sources are joined once per row; `src` columns follow the tooltip contract (tooltip.ts). */
const SERIES_SQL = /* sql */ `
WITH obs AS (
  SELECT
    o.*,
    -- every line is drawn in people; thousands are converted, never silently mixed
    ${personsSql('o')} AS persons,
    -- the central value (or count) carries the row's source; a bound only when nothing else is published
    CASE WHEN o.value_kind IN ('count', 'estimate_central') THEN 0 ELSE 1 END AS rank
  FROM observations o
  WHERE ${preferredTotalSql('o')}
    AND list_contains($series, o.series_id)
    AND list_contains($countries, o.country_code)
    -- all citizenships: breakdown rows by nationality are parts of these totals
    AND o.citizenship_code IS NULL
    AND o.value_kind IN ('count', 'estimate_central', 'estimate_low', 'estimate_high')
    AND year(o.period_end) BETWEEN $from AND $to
),
points AS (
  SELECT
    series_id,
    country_code,
    period,
    -- the middle of the reference period: the date itself for a stock, mid-year for a calendar year
    ${midPeriodDateSql('any_value(period_start)', 'any_value(period_end)')} AS ref_date,
    max(persons) FILTER (WHERE value_kind IN ('count', 'estimate_central')) AS value,
    max(persons) FILTER (WHERE value_kind = 'estimate_low') AS low,
    max(persons) FILTER (WHERE value_kind = 'estimate_high') AS high,
    coalesce(any_value(value_kind) FILTER (WHERE value_kind = 'count'), 'estimate_central') AS value_kind,
    arg_min(source_id, rank) AS source_id,
    arg_min(note, rank) AS note
  FROM obs
  GROUP BY series_id, country_code, period
)
SELECT
  p.series_id || ':' || p.country_code AS line_id,
  p.series_id,
  p.country_code,
  ${countryNameSql('c')} AS country_name,
  list_extract($series_labels, list_position($series, p.series_id)) AS label,
  s.title AS series_title,
  p.period,
  p.ref_date,
  p.value,
  p.low,
  p.high,
  p.value_kind,
  'persons' AS unit,
  p.source_id,
  src.publisher AS source_publisher,
  src.title AS source_title,
  src.url AS source_url,
  p.note
FROM points p
JOIN series s USING (series_id)
LEFT JOIN countries c USING (country_code)
LEFT JOIN sources src USING (source_id)
ORDER BY list_position($series, p.series_id), p.ref_date
`;

/** Series metadata for the comparability note (not drawn). */
const META_SQL = /* sql */ `
SELECT
  s.series_id,
  list_extract($series_labels, list_position($series, s.series_id)) AS label,
  s.title,
  s.definition,
  s.counts,
  s.excludes,
  s.measure,
  s.comparability_json,
  s.breaks_json,
  s.preference_note
FROM series s
WHERE list_contains($series, s.series_id)
ORDER BY list_position($series, s.series_id)
`;

export const spec = defineChart({
  id: 'irregular-residence-comparison',
  title: 'People without legal residence in four countries',
  subtitle:
    'Japan and South Korea count people who stayed past their permitted period; the figures for Spain and Italy are research estimates. Markers under the axis show regularization programmes and changes to the rules.',
  datasets: {
    data: { role: 'series', query: SERIES_SQL },
    regularizations: { role: 'regularization', query: regularizationsSql({ countries: inList('$countries'), kind: true }) },
    rule_changes: { role: 'rule_change', query: ruleChangesSql({ countries: inList('$countries'), category: true }) },
    meta: { role: 'meta', query: META_SQL },
  },
  state,
  constants: {
    series: SERIES.map((s) => s.id),
    series_labels: SERIES.map((s) => s.label),
  },
  url: [
    { key: 'countries', param: 'countries', type: 'list' },
    { key: 'scale', param: 'scale', type: 'value' },
    { key: 'mode', param: 'mode', type: 'value' },
    { key: 'from', param: 'from', type: 'value' },
    { key: 'to', param: 'to', type: 'value' },
    eventLayersUrl,
  ],
  controls: [
    {
      kind: 'checkboxes',
      key: 'countries',
      legend: 'Countries',
      options: COUNTRIES.map((c) => ({ value: c, label: CORE_COUNTRY_NAMES[c] })),
    },
    { kind: 'radio', key: 'scale', legend: 'Scale', options: [{ value: 'linear', label: 'Linear' }, { value: 'log', label: 'Log' }] },
    { kind: 'radio', key: 'mode', legend: 'Values', options: [{ value: 'absolute', label: 'People' }, { value: 'indexed', label: 'Index' }] },
    { kind: 'year-range', fromKey: 'from', toKey: 'to', legend: 'Years', min: FIRST_YEAR, max: YEAR_MAX },
    eventLayersControl,
  ],
  layers: eventLayers({ reg: 'Regularization programmes (circle area = people granted status)', rules: 'Changes to immigration rules' }),
  // One colour per country, from the site-wide table; the labels name the event lanes.
  palette: Object.fromEntries(COUNTRIES.map((c) => [c, { color: COUNTRY_COLORS[c], label: CORE_COUNTRY_NAMES[c] }])),
  quick: {
    rules: [
      { kind: 'list', key: 'countries', columns: { data: 'country_code', regularizations: 'country_code', rule_changes: 'country_code' } },
      // year(period_end) in the SQL; a period's text starts with its year (tests/charts/quick.test.ts checks every value)
      { kind: 'years', from: 'from', to: 'to', columns: { data: 'period', regularizations: 'start_date', rule_changes: 'date' } },
    ],
  },
  examples: {
    'log-indexed': { scale: 'log', mode: 'indexed', countries: ['JPN', 'ITA'], from: 2000, to: 2025, layers: ['rules'] },
  },
});

export default spec;
