/**
 * Europe, one year at a time: non-EU citizens found illegally present (Eurostat migr_eipre),
 * refused entry at the external border (migr_eirfs) or given a first residence permit
 * (migr_resfirst), per country, as a map (a ranked bar list on a phone).
 *
 * Every country that ever reports the measure gets a row, with a null value in a year it did not
 * report, so the map hatches it as "no data" instead of leaving it out. Counts only: a rate per
 * 100,000 residents needs each country's total population (Eurostat demo_pjan, or migr_pop1ctz with
 * citizen=TOTAL), and the data folder holds only the foreign population (citizen=FOR_STLS).
 */
import { countryNameSql } from '../lib/domain/countries.ts';
import { z } from 'zod';
import { defineChart } from '../lib/charts/spec.ts';
import { oneOf } from '../lib/charts/url-state.ts';
import { personsSql, preferredTotalSql } from '../lib/domain/rules.ts';

/** Measures: URL value → published series. */
export const MEASURES = {
  apprehended: { series: 'eurostat_migr_eipre', label: 'Found illegally present', legend: 'Non-EU citizens found illegally present' },
  refused: { series: 'eurostat_migr_eirfs', label: 'Refused entry', legend: 'Non-EU citizens refused entry at the external border' },
  permits: { series: 'eurostat_first_permits', label: 'First residence permits', legend: 'First residence permits issued to non-EU citizens' },
} as const;
export type Measure = keyof typeof MEASURES;
const MEASURE_KEYS = Object.keys(MEASURES) as Measure[];

export const FIRST_YEAR = 2010;
export const LAST_YEAR = 2023;
const YEARS = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => String(LAST_YEAR - i));

export const state = z.object({
  measure: oneOf(MEASURE_KEYS, 'apprehended'),
  year: oneOf(YEARS, String(LAST_YEAR)),
});

/** The measure's series: `$series` and `$measures` are the constants below, in the same order. */
const seriesCase = `list_extract($series, list_position($measures, $measure))`;
// The legend of the measure drawn, from a `*_labels` constant so it is drawn in the page's language.
const legendCase = `list_extract($legend_labels, list_position($measures, $measure))`;

const SQL = /* sql */ `
WITH obs AS (
  SELECT o.*, ${personsSql('o')} AS v,
         CASE WHEN o.value_kind = 'count' THEN 0 ELSE 1 END AS rank
  FROM observations o
  JOIN countries c USING (country_code)
  WHERE o.series_id = ${seriesCase}
    AND ${preferredTotalSql('o')}
    AND coalesce(o.citizenship_code, '') IN ('', 'TOTAL')
    AND NOT c.is_aggregate
),
reporting AS (SELECT DISTINCT country_code FROM obs),
year_rows AS (
  SELECT country_code,
         arg_min(v, rank) AS value,
         arg_min(value_kind, rank) AS value_kind,
         arg_min(unit, rank) AS unit,
         arg_min(source_id, rank) AS source_id,
         arg_min(flags, rank) AS flags
  FROM obs
  WHERE year(period_end) = CAST($year AS INTEGER)
  GROUP BY country_code
)
SELECT
  r.country_code,
  ${countryNameSql('c')} AS label,
  $year AS period,
  y.value,
  coalesce(y.value_kind, 'count') AS value_kind,
  CASE WHEN y.unit IN ('persons', 'thousand_persons') THEN 'persons' ELSE coalesce(y.unit, 'persons') END AS unit,
  y.flags,
  ${legendCase} AS series_title,
  src.publisher AS source_publisher,
  src.title AS source_title,
  src.url AS source_url
FROM reporting r
JOIN countries c USING (country_code)
LEFT JOIN year_rows y USING (country_code)
LEFT JOIN sources src USING (source_id)
ORDER BY y.value DESC NULLS LAST, c.name_en
`;

export const spec = defineChart({
  id: 'europe-map',
  kind: 'choropleth',
  title: 'Europe: apprehensions, refusals and first permits by country',
  subtitle: 'One year at a time; darker is more. Counts, not rates: large countries count more.',
  tables: ['observations', 'sources', 'countries'],
  state,
  datasets: { data: { role: 'series', query: SQL } },
  constants: { series: MEASURE_KEYS.map((m) => MEASURES[m].series), measures: MEASURE_KEYS, legend_labels: MEASURE_KEYS.map((m) => MEASURES[m].legend) },
  encodings: { dataset: 'data', x: 'period', y: 'value', line: 'country_code', color: 'country_code', label: 'label', kind: 'value_kind', low: undefined, high: undefined },
  drawColumns: ['country_code', 'series_title'],
  url: [
    { key: 'measure', param: 'measure', type: 'value' },
    { key: 'year', param: 'year', type: 'value' },
  ],
  controls: [
    { kind: 'radio', key: 'measure', legend: 'Measure', options: MEASURE_KEYS.map((m) => ({ value: m, label: MEASURES[m].label })) },
    { kind: 'select', key: 'year', legend: 'Year', options: YEARS.map((y) => ({ value: y, label: y })) },
  ],
  table: [
    { key: 'label', label: 'Country' },
    { key: 'period', label: 'Year' },
    { key: 'value', label: 'Value', format: 'number' },
    { key: 'flags', label: 'Flags' },
    { key: 'source_publisher', label: 'Source', format: 'link', href: 'source_url' },
  ],
  examples: {
    refused: { measure: 'refused', year: '2019' },
    permits: { measure: 'permits', year: '2015' },
    early: { measure: 'apprehended', year: '2010' },
  },
});

export default spec;
