/**
 * Where and when regularization programmes ran: a world map, one circle per programme at its
 * country, area = people granted status on the site-wide scale; each circle links to the
 * programme's row on the regularizations page. On a phone: the programmes by country on a time
 * axis. Same rows and rules as the regularization timeline (programmes only, no standing
 * mechanisms), so the two never disagree.
 */
import { PROGRAMME_TABLE } from '../lib/charts/annotations.ts';
import { z } from 'zod';
import { regularizationsSql } from '../lib/charts/annotations.ts';
import { defineChart } from '../lib/charts/spec.ts';
import { orderedYears, YEAR_MAX, yearIn } from '../lib/charts/url-state.ts';

/** Before the first programme in the data (1974): the year slider's start. */
const FIRST_YEAR = 1970;

export const state = z
  .object({
    from: yearIn(FIRST_YEAR, YEAR_MAX, FIRST_YEAR),
    to: yearIn(FIRST_YEAR, YEAR_MAX, YEAR_MAX),
  })
  .transform(orderedYears);

export const spec = defineChart({
  id: 'world-regularizations',
  kind: 'world-bubbles',
  title: 'Regularization programmes around the world',
  subtitle: 'One circle per programme, area proportional to the people granted status; hollow where only applications are known.',
  tables: ['regularizations', 'sources', 'countries'],
  state,
  datasets: {
    data: {
      role: 'regularization',
      query: regularizationsSql({ countries: () => 'TRUE', kind: true, timeline: true }),
    },
  },
  encodings: { x: 'x_date', color: 'country_code', label: 'country_name', line: 'country_code', y: '', kind: '', low: undefined, high: undefined },
  drawColumns: ['x_end', 'regularization_id', 'country_code', 'country_name'],
  url: [
    { key: 'from', param: 'reg_from', type: 'value' },
    { key: 'to', param: 'reg_to', type: 'value' },
  ],
  controls: [{ kind: 'year-range', fromKey: 'from', toKey: 'to', legend: 'Programmes starting in', min: FIRST_YEAR, max: YEAR_MAX }],
  table: PROGRAMME_TABLE,
  // A shorter year range filters the held programmes by start year (the SQL's own rule).
  quick: { rules: [{ kind: 'years', from: 'from', to: 'to', columns: { data: 'start_date' } }] },
  examples: { since2000: { from: 2000, to: 2026 } },
});

export default spec;
