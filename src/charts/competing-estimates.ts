/**
 * Competing estimates for one country: every estimator of its population without legal residence
 * (DHS, Pew, MPI, CMS, CIS… for the United States; ISMU, Caritas, IDOS… for Italy) on one time
 * axis, one line per estimator, published ranges as bands, and each estimator's quality grade
 * beside its name ("DHS (grade B)"). Kind `competing-estimates` (../lib/charts/kinds/): estimators
 * take the estimator hues of ../lib/domain/estimators.ts, never a country's colour.
 *
 * Only estimate rows are drawn (central value, low and high bound); official counts stay on the
 * country's own line chart. Each point says which publication it comes from and when it was
 * published (its vintage), in the tooltip, the table and the text summary. Country pages show
 * this chart where a country has at least two graded estimators, in a fixed state.
 */
import { z } from 'zod';
import { defineChart } from '../lib/charts/spec.ts';
import { orderedYears, YEAR_MAX, yearIn } from '../lib/charts/url-state.ts';
import { midPeriodDateSql, personsSql, preferredTotalSql } from '../lib/domain/rules.ts';
import { estimatorNameSql, estimatorSeriesSql, gradeSql } from '../lib/domain/estimators.ts';

const FIRST_YEAR = 1980;

export const state = z
  .object({
    /** The country whose estimators are drawn. */
    country: z.string().regex(/^[A-Z]{3}$/).catch('USA'),
    from: yearIn(FIRST_YEAR, YEAR_MAX, FIRST_YEAR),
    to: yearIn(FIRST_YEAR, YEAR_MAX, YEAR_MAX),
  })
  .transform(orderedYears);

export type State = z.infer<typeof state>;

const ESTIMATES_SQL = /* sql */ `
WITH est AS (
  SELECT
    s.series_id,
    s.title AS series_title,
    ${estimatorNameSql('s.title')} AS estimator,
    ${gradeSql('s')} AS grade
  FROM series s
  WHERE ${estimatorSeriesSql('s')}
),
obs AS (
  SELECT
    o.*,
    ${personsSql('o')} AS v,
    -- the central value carries the point's source; a bound only when no central value is published
    CASE WHEN o.value_kind = 'estimate_central' THEN 0 ELSE 1 END AS rank
  FROM observations o
  JOIN est USING (series_id)
  WHERE ${preferredTotalSql('o')}
    AND o.citizenship_code IS NULL
    AND o.country_code = $country
    AND o.value_kind IN ('estimate_central', 'estimate_low', 'estimate_high')
    AND year(o.period_end) BETWEEN $from AND $to
),
points AS (
  SELECT
    series_id, period,
    ${midPeriodDateSql('min(period_start)', 'max(period_end)')} AS ref_date,
    max(v) FILTER (WHERE value_kind = 'estimate_central') AS value,
    max(v) FILTER (WHERE value_kind = 'estimate_low') AS low,
    max(v) FILTER (WHERE value_kind = 'estimate_high') AS high,
    arg_min(source_id, rank) AS source_id,
    arg_min(note, rank) AS note
  FROM obs
  GROUP BY series_id, period
)
SELECT
  p.series_id || ':' || $country AS line_id,
  -- colours by estimator, in chart order (../lib/domain/estimators.ts), never by country
  p.series_id AS color_key,
  p.series_id,
  $country AS country_code,
  e.estimator,
  e.grade,
  -- the grade beside the name; brackets let a long name wrap before the grade, never through it
  -- (the words around them from a _labels constant, so they are drawn in the page's language)
  replace(replace(list_extract($label_format_labels, 1), '{name}', e.estimator), '{grade}', e.grade) AS label,
  e.series_title,
  p.period,
  p.ref_date,
  p.value,
  p.low,
  p.high,
  'estimate_central' AS value_kind,
  'persons' AS unit,
  -- the vintage: when the publication behind the point came out
  src.published AS vintage,
  p.source_id,
  src.publisher AS source_publisher,
  src.title AS source_title,
  src.url AS source_url,
  p.note
FROM points p
JOIN est e USING (series_id)
LEFT JOIN sources src USING (source_id)
ORDER BY e.grade, e.estimator, p.series_id, p.ref_date
`;

export const spec = defineChart({
  constants: { label_format_labels: ['{name} (grade {grade})'] },
  id: 'competing-estimates',
  kind: 'competing-estimates',
  title: 'Competing estimates',
  subtitle: 'Every estimator side by side, ranges as bands; the letter after each name is its quality grade.',
  tables: ['observations', 'series', 'sources'],
  datasets: {
    data: { role: 'series', query: ESTIMATES_SQL },
  },
  state,
  url: [],
  controls: [],
  encodings: { color: 'color_key', kind: 'value_kind' },
  drawColumns: ['estimator', 'grade', 'vintage'],
  table: [
    { key: 'estimator', label: 'Estimator' },
    { key: 'grade', label: 'Grade' },
    { key: 'period', label: 'Refers to', format: 'date' },
    { key: 'value', label: 'Estimate', format: 'number' },
    { key: 'low', label: 'Low', format: 'number' },
    { key: 'high', label: 'High', format: 'number' },
    { key: 'vintage', label: 'Published', format: 'date' },
    { key: 'source_publisher', label: 'Source', format: 'link', href: 'source_url' },
  ],
  examples: {
    italy: { country: 'ITA' },
    'united-kingdom': { country: 'GBR' },
    spain: { country: 'ESP', from: 2000 },
  },
});

export default spec;
