/**
 * Regularization programmes on one time axis, one row per country: circle area = people granted
 * status on the site-wide scale, hollow where only applications are known, a bar for the
 * application window. The regularizations page shows every country; a country page fixes
 * `countries` to its own. Standing mechanisms (Spain's arraigo, Japan's special permission) and
 * voluntary-departure campaigns are not drawn: the SQL in ../lib/charts/annotations.ts keeps
 * programmes only, the same rule as the markers under the time charts.
 */
import { PROGRAMME_TABLE } from '../lib/charts/annotations.ts';
import { z } from 'zod';
import { regularizationsSql } from '../lib/charts/annotations.ts';
import { defineChart } from '../lib/charts/spec.ts';
import { orderedYears, YEAR_MAX, YEAR_MIN, yearIn } from '../lib/charts/url-state.ts';

const countryRe = /^[A-Z]{3}$/;

export const state = z
  .object({
    /** Countries drawn; empty means every country with a programme. */
    countries: z.array(z.string().regex(countryRe)).max(60).catch([]),
    from: yearIn(YEAR_MIN, YEAR_MAX, YEAR_MIN),
    to: yearIn(YEAR_MIN, YEAR_MAX, YEAR_MAX),
  })
  .transform(orderedYears);

export const spec = defineChart({
  id: 'regularization-timeline',
  kind: 'event-timeline',
  title: 'Regularization programmes by country',
  subtitle: 'Start of each programme; circle area is proportional to the people granted status.',
  tables: ['regularizations', 'sources', 'countries'],
  state,
  datasets: {
    data: {
      role: 'regularization',
      query: regularizationsSql({
        countries: (col) => `(len($countries) = 0 OR list_contains($countries, ${col}))`,
        kind: true,
        timeline: true,
      }),
    },
  },
  encodings: { x: 'x_date', color: 'country_code', label: 'country_name', line: 'country_code', y: '', kind: '', low: undefined, high: undefined },
  drawColumns: ['x_end'],
  table: PROGRAMME_TABLE,
  examples: {
    italy: { countries: ['ITA'] },
    europe: { countries: ['ESP', 'ITA', 'GRC', 'PRT', 'BEL'] },
    asia: { countries: ['JPN', 'KOR', 'THA', 'MYS'] },
  },
});

export default spec;
