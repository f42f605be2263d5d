/**
 * Eurostat's count of non-EU citizens found illegally present (migr_eipre), one small panel per
 * country, largest peak first, on one time axis. Each panel has its own y axis by default (the
 * shapes of the series compare; Germany's scale would flatten Malta); `y=shared` puts all on one.
 * Apprehensions are events, not people (domain/caveats.ts): the page prints the caveat.
 */
import { countryNameSql } from '../lib/domain/countries.ts';
import { z } from 'zod';
import { defineChart } from '../lib/charts/spec.ts';
import { oneOf } from '../lib/charts/url-state.ts';
import { midPeriodDateSql, personsSql, preferredTotalSql } from '../lib/domain/rules.ts';

export const state = z.object({
  y: oneOf(['free', 'shared'] as const, 'free'),
});

const SQL = /* sql */ `
WITH obs AS (
  SELECT o.*, ${personsSql('o')} AS v
  FROM observations o
  JOIN countries c USING (country_code)
  WHERE list_contains($series, o.series_id)
    AND ${preferredTotalSql('o')}
    AND o.value_kind = 'count'
    AND NOT c.is_aggregate
)
SELECT
  o.country_code AS line_id,
  o.country_code,
  ${countryNameSql('c')} AS country_name,
  ${countryNameSql('c')} AS label,
  o.period,
  ${midPeriodDateSql('o.period_start', 'o.period_end')} AS ref_date,
  o.v AS value,
  o.value_kind,
  'persons' AS unit,
  o.flags,
  src.publisher AS source_publisher,
  src.title AS source_title,
  src.url AS source_url
FROM obs o
JOIN countries c USING (country_code)
LEFT JOIN sources src USING (source_id)
ORDER BY o.country_code, o.period
`;

export const spec = defineChart({
  id: 'eu-apprehensions-grid',
  kind: 'small-multiples',
  title: 'Non-EU citizens found illegally present, by country',
  subtitle: 'Eurostat, one panel per country, largest first; events counted, not people.',
  options: { columns: 4, order: 'size', color: 'none', estimates: false },
  tables: ['observations', 'sources', 'countries'],
  state,
  datasets: { data: { role: 'series', query: SQL } },
  constants: { series: ['eurostat_migr_eipre'] },
  drawColumns: ['country_code', 'country_name', 'line_id'],
  url: [{ key: 'y', param: 'grid_y', type: 'value' }],
  controls: [{ kind: 'radio', key: 'y', legend: 'Y axis', options: [{ value: 'free', label: 'Own scale per country' }, { value: 'shared', label: 'One scale for all' }] }],
  table: [
    { key: 'label', label: 'Country' },
    { key: 'period', label: 'Year' },
    { key: 'value', label: 'Found illegally present', format: 'number' },
    { key: 'flags', label: 'Flags' },
    { key: 'source_publisher', label: 'Source', format: 'link', href: 'source_url' },
  ],
  // The y axis is drawing only: a change redraws the rows the page holds.
  quick: { rules: [] },
  examples: { shared: { y: 'shared' } },
});

export default spec;
