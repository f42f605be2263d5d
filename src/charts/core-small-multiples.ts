/**
 * The four core countries, one panel each, on one time axis: each panel keeps its own y axis by
 * default, since the lines count different things (Japan's and Korea's official overstayer counts,
 * research estimates for Spain and Italy). Under each panel: the country's own regularization
 * programmes and rule changes (shape = direction). The rows are the headline chart's, so the two
 * views never disagree.
 */
import { z } from 'zod';
import { defineChart } from '../lib/charts/spec.ts';
import { oneOf, orderedYears, YEAR_MAX, yearIn } from '../lib/charts/url-state.ts';
import { CORE_COUNTRIES, CORE_COUNTRY_NAMES, COUNTRY_COLORS } from '../lib/domain/countries.ts';
import { spec as headline } from './irregular-residence-comparison.ts';

const FIRST_YEAR = 1985;

export const state = z
  .object({
    y: oneOf(['free', 'shared'] as const, 'free'),
    from: yearIn(FIRST_YEAR, YEAR_MAX, 1990),
    to: yearIn(FIRST_YEAR, YEAR_MAX, YEAR_MAX),
  })
  .transform(orderedYears);

export const spec = defineChart({
  id: 'core-small-multiples',
  kind: 'small-multiples',
  title: 'People without legal status: Japan, South Korea, Spain and Italy, each on its own axis',
  subtitle: 'Same years across; each panel its own scale, because the four count different things. Under each: regularizations and rule changes.',
  options: { columns: 2, order: 'given' },
  tables: headline.tables,
  state,
  datasets: {
    data: headline.datasets.data,
    regularizations: headline.datasets.regularizations,
    rule_changes: headline.datasets.rule_changes,
  },
  // The four core countries, fixed: the headline query filters by `$countries`.
  constants: { ...headline.constants, countries: [...CORE_COUNTRIES] },
  // Years narrow the held rows without a query (the headline's rules; the y axis is drawing only).
  quick: headline.quick,
  drawColumns: ['country_code', 'country_name', 'line_id'],
  url: [
    { key: 'y', param: 'core_y', type: 'value' },
    { key: 'from', param: 'core_from', type: 'value' },
    { key: 'to', param: 'core_to', type: 'value' },
  ],
  controls: [
    { kind: 'radio', key: 'y', legend: 'Y axis', options: [{ value: 'free', label: 'Own scale per country' }, { value: 'shared', label: 'One scale for all' }] },
    { kind: 'year-range', fromKey: 'from', toKey: 'to', legend: 'Years', min: FIRST_YEAR, max: YEAR_MAX },
  ],
  palette: Object.fromEntries(CORE_COUNTRIES.map((c) => [c, { color: COUNTRY_COLORS[c], label: CORE_COUNTRY_NAMES[c] }])),
  examples: {
    shared: { y: 'shared' },
    recent: { from: 2010, to: 2025 },
  },
});

export default spec;
