/**
 * Explore: any count series (people, cases, permits, applications) for any countries, on one time
 * axis, with the regularizations and rule changes of the countries drawn. The whole state is in
 * the URL (?series=…&countries=…&scale=…&mode=…&from=…&to=…&layers=…), so a view is a link.
 *
 * The series and country checkboxes are filled at build time from the published tables
 * (src/pages/explore.astro passes them to ChartFigure as `controlOptions`); the state schema only
 * checks the shape of ids, and the SQL drops ids that do not exist. Percentages are left out: a
 * rate and a count never share an axis. At most ten lines are drawn (colours stay distinct).
 */
import { countryNameSql } from '../lib/domain/countries.ts';
import { z } from 'zod';
import { EVENT_LAYERS, eventLayers, eventLayersControl, eventLayersUrl, inQuery, regularizationsSql, ruleChangesSql } from '../lib/charts/annotations.ts';
import { defineChart } from '../lib/charts/spec.ts';
import { midPeriodDateSql, personsSql, preferredTotalSql } from '../lib/domain/rules.ts';
import { oneOf, orderedYears, subsetOf, YEAR_MAX, yearIn } from '../lib/charts/url-state.ts';

const FIRST_YEAR = 1980;
const MAX_LINES = 10;
// Series ids are short snake_case names; a cap keeps a hostile URL from carrying kilobytes into the SQL.
const SLUG = /^(?=.{1,64}$)[a-z0-9]+(?:[-_][a-z0-9]+)*$/;
const COUNTRY = /^([A-Z]{3}|EU27_2020|EU28|EU27_2007|EA20|EFTA|EUR12)$/;

/** A de-duplicated list of ids of the right shape (at most `max`); unusable input gives `fallback`. */
function idList(re: RegExp, fallback: string[], max: number, allowEmpty: boolean) {
  return z
    .preprocess(
      (v) => {
        const list = typeof v === 'string' ? v.split(',') : Array.isArray(v) ? v : undefined;
        return list ? [...new Set(list.map((s) => String(s).trim()).filter((s) => re.test(s)))].slice(0, max) : undefined;
      },
      z.array(z.string()).min(allowEmpty ? 0 : 1),
    )
    .catch(fallback);
}

export const state = z
  .object({
    series: idList(SLUG, ['jpn_overstayers', 'kor_illegal_stay'], 8, false),
    /** Empty: every country with values. */
    countries: idList(COUNTRY, [], 40, true),
    scale: oneOf(['linear', 'log'] as const, 'linear'),
    mode: oneOf(['absolute', 'indexed'] as const, 'absolute'),
    from: yearIn(FIRST_YEAR, YEAR_MAX, 1990),
    to: yearIn(FIRST_YEAR, YEAR_MAX, YEAR_MAX),
    layers: subsetOf(EVENT_LAYERS, [...EVENT_LAYERS], { allowEmpty: true }),
  })
  .transform(orderedYears);

const SERIES_SQL = /* sql */ `
WITH obs AS (
  SELECT
    o.*,
    ${personsSql('o')} AS v,
    CASE WHEN o.unit = 'thousand_persons' THEN 'persons' ELSE o.unit END AS unit_shown,
    CASE WHEN o.value_kind IN ('count', 'estimate_central', 'quota') THEN 0 ELSE 1 END AS rank
  FROM observations o
  WHERE ${preferredTotalSql('o')}
    AND list_contains($series, o.series_id)
    AND (len($countries) = 0 OR list_contains($countries, o.country_code))
    -- all citizenships, and the one age band the source publishes its totals for
    AND o.citizenship_code IS NULL
    AND coalesce(o.age, '') = (SELECT min(coalesce(a.age, '')) FROM observations a
      WHERE a.series_id = o.series_id AND a.country_code = o.country_code AND ${preferredTotalSql('a')} AND a.citizenship_code IS NULL)
    -- counts only: a percentage never shares an axis with a count; running totals would step
    AND o.unit <> 'percent'
    AND o.value_kind IN ('count', 'estimate_central', 'estimate_low', 'estimate_high', 'quota')
    AND year(o.period_end) BETWEEN $from AND $to
),
points AS (
  SELECT
    series_id, country_code, period,
    ${midPeriodDateSql('any_value(period_start)', 'any_value(period_end)')} AS ref_date,
    max(v) FILTER (WHERE value_kind IN ('count', 'estimate_central', 'quota')) AS value,
    max(v) FILTER (WHERE value_kind = 'estimate_low') AS low,
    max(v) FILTER (WHERE value_kind = 'estimate_high') AS high,
    coalesce(any_value(value_kind) FILTER (WHERE value_kind IN ('count', 'quota')), 'estimate_central') AS value_kind,
    any_value(unit_shown) AS unit,
    arg_min(source_id, rank) AS source_id
  FROM obs
  GROUP BY series_id, country_code, period
),
ranked AS (
  SELECT
    p.*,
    dense_rank() OVER (ORDER BY list_position($series, p.series_id), p.country_code) AS line_rank
  FROM points p
)
SELECT
  r.series_id || ':' || r.country_code AS line_id,
  -- colours by country (../lib/domain/countries.ts); a country's second line gets another hue
  r.country_code AS color_key,
  r.series_id,
  r.country_code,
  -- the series title names its country already, except for multi-country (Eurostat) series
  CASE WHEN s.series_id LIKE 'eurostat%' THEN s.title || ' · ' || coalesce(${countryNameSql('c')}, r.country_code) ELSE s.title END
    || CASE WHEN r.unit = 'persons' THEN '' ELSE ' (' || r.unit || ')' END AS label,
  -- the series title the label starts with (a translated page swaps it, lib/charts/data-text.ts)
  s.title AS series_title,
  r.period,
  r.ref_date,
  r.value,
  r.low,
  r.high,
  r.value_kind,
  r.unit,
  r.source_id,
  src.publisher AS source_publisher,
  src.title AS source_title,
  src.url AS source_url
FROM ranked r
JOIN series s USING (series_id)
LEFT JOIN countries c USING (country_code)
LEFT JOIN sources src USING (source_id)
WHERE r.line_rank <= ${MAX_LINES}
ORDER BY r.line_rank, r.ref_date
`;

/** Countries whose events are marked: those of the lines drawn. */
const DRAWN_COUNTRIES = /* sql */ `
  SELECT DISTINCT country_code FROM observations
  WHERE is_preferred AND list_contains($series, series_id)
    AND (len($countries) = 0 OR list_contains($countries, country_code))
`;

const META_SQL = /* sql */ `
SELECT s.series_id, s.title AS label, s.title, s.definition, s.counts, s.excludes, s.measure, s.comparability_json, s.breaks_json, s.preference_note
FROM series s
WHERE list_contains($series, s.series_id)
ORDER BY list_position($series, s.series_id)
`;


export const spec = defineChart({
  id: 'explore',
  title: 'Explore the series',
  subtitle: `Pick series and countries; every view is a link. Counts only (no percentages); at most ${MAX_LINES} lines.`,
  datasets: {
    data: { role: 'series', query: SERIES_SQL },
    regularizations: { role: 'regularization', query: regularizationsSql({ countries: inQuery(DRAWN_COUNTRIES), colorKey: 'events' }) },
    rule_changes: { role: 'rule_change', query: ruleChangesSql({ countries: inQuery(DRAWN_COUNTRIES), colorKey: 'events' }) },
    meta: { role: 'meta', query: META_SQL },
  },
  state,
  url: [
    { key: 'series', param: 'series', type: 'list' },
    { key: 'countries', param: 'countries', type: 'list' },
    { key: 'scale', param: 'scale', type: 'value' },
    { key: 'mode', param: 'mode', type: 'value' },
    { key: 'from', param: 'from', type: 'value' },
    { key: 'to', param: 'to', type: 'value' },
    eventLayersUrl,
  ],
  controls: [
    // Options come from the published tables at build time (explore.astro).
    { kind: 'checkboxes', key: 'series', legend: 'Series', options: [] },
    { kind: 'checkboxes', key: 'countries', legend: 'Countries (none ticked: all)', options: [] },
    { kind: 'radio', key: 'scale', legend: 'Scale', options: [{ value: 'linear', label: 'Linear' }, { value: 'log', label: 'Log' }] },
    { kind: 'radio', key: 'mode', legend: 'Values', options: [{ value: 'absolute', label: 'Numbers' }, { value: 'indexed', label: 'Index' }] },
    { kind: 'year-range', fromKey: 'from', toKey: 'to', legend: 'Years', min: FIRST_YEAR, max: YEAR_MAX },
    eventLayersControl,
  ],
  encodings: {
    color: 'color_key',
    colorBy: 'line',
    yLabel: 'Number',
  },
  layers: eventLayers({
    reg: 'Regularization programmes in these countries (circle area = people granted status)',
    rules: 'Changes to immigration rules in these countries',
  }),
  palette: {
    events: { color: '#595959', label: 'Events' },
  },
  quick: {
    rules: [
      { kind: 'list', key: 'countries', columns: { data: 'country_code', regularizations: 'country_code', rule_changes: 'country_code' }, emptyMeansAll: true },
      // year(period_end) in the SQL; a period's text starts with its year (tests/charts/quick.test.ts checks every value)
      { kind: 'years', from: 'from', to: 'to', columns: { data: 'period', regularizations: 'start_date', rule_changes: 'date' } },
    ],
    cap: { dataset: 'data', column: 'line_id', max: MAX_LINES },
  },
  examples: {
    eurostat: { series: ['eurostat_migr_eipre'], countries: ['ESP', 'ITA', 'DEU'], scale: 'log', from: 2008, layers: [] },
  },
});

export default spec;
