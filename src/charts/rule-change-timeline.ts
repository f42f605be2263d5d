/**
 * Rule changes on one time axis, one row per country, one lane per direction (restrictive, mixed,
 * liberalizing, not coded), coloured by direction. The rule-changes page shows every country and
 * its filters dim the diamonds with the list; a country page fixes `countries` to its own.
 */
import { z } from 'zod';
import { ruleChangesSql } from '../lib/charts/annotations.ts';
import { defineChart } from '../lib/charts/spec.ts';
import { orderedYears, YEAR_MAX, YEAR_MIN, yearIn } from '../lib/charts/url-state.ts';
import { CORE_COUNTRIES } from '../lib/domain/countries.ts';

const countryRe = /^[A-Z]{3}$/;

export const state = z
  .object({
    /** Countries drawn; empty means every country with a rule change. */
    countries: z.array(z.string().regex(countryRe)).max(60).catch([]),
    from: yearIn(YEAR_MIN, YEAR_MAX, YEAR_MIN),
    to: yearIn(YEAR_MIN, YEAR_MAX, YEAR_MAX),
  })
  .transform(orderedYears);

export const spec = defineChart({
  id: 'rule-change-timeline',
  kind: 'event-timeline',
  title: 'Rule changes by country',
  subtitle: 'Each mark is a dated change to the rules on entry, stay, work, enforcement or regularization; its shape shows the direction.',
  tables: ['rule_changes', 'sources', 'countries'],
  state,
  datasets: {
    data: {
      role: 'rule_change',
      query: ruleChangesSql({
        countries: (col) => `(len($countries) = 0 OR list_contains($countries, ${col}))`,
        category: true,
        countryName: true,
      }),
    },
  },
  encodings: { x: 'x_date', color: 'country_code', label: 'country_name', line: 'country_code', y: '', kind: '', low: undefined, high: undefined },
  table: [
    { key: 'country_name', label: 'Country' },
    { key: 'date', label: 'Date', format: 'date' },
    { key: 'title_en', label: 'Change' },
    { key: 'direction', label: 'Direction' },
    { key: 'category', label: 'Category' },
    { key: 'source_publisher', label: 'Source', format: 'link', href: 'source_url' },
  ],
  examples: {
    japan: { countries: ['JPN'] },
    core: { countries: [...CORE_COUNTRIES, 'DEU'] },
  },
});

export default spec;
