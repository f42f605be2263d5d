/**
 * Eurostat migr_pop1ctz — population on 1 January by citizenship (persons).
 *
 * What it is: residents on 1 January who are foreign citizens or stateless (FOR_STLS), all ages,
 * both sexes. A stock at a date, so the period is `YYYY-01-01`.
 *
 * Quirks:
 *  - One API JSON-stat file (updated 2026-08-10), 2010–2022. The geo list names 45 geos but
 *    eleven (MD, MK, GE, AL, RS, TR, UA, AD, MC, AM, AZ) have no data at all in this extract.
 *  - citizenship_code is FOR_STLS (foreign country and stateless), as published.
 *  - Flags: b (break: census rebasings), e (estimated), p (provisional).
 */
import { createEurostatModule } from '../lib/eurostat/module.ts';

export const eurostatMigrPop1ctz = createEurostatModule({
  id: 'eurostat-migr-pop1ctz',
  mapping: { seriesId: 'eurostat_population_by_citizenship', units: { NR: 'persons' }, valueKind: 'count', periodAt: 'first_of_january' },
  files: [
    {
      folder: 'eurostat_migr_pop1ctz',
      file: 'eurostat_migr_pop1ctz.json',
      format: 'json-stat',
      dataset: 'MIGR_POP1CTZ',
      vintage: { rank: 1, label: 'API extract updated 2026-08-10' },
    },
  ],
  online: {
    dataset: 'migr_pop1ctz',
    query: [
      ['age', 'TOTAL'],
      ['sex', 'T'],
      ['unit', 'NR'],
      ['citizen', 'FOR_STLS'],
    ],
  },
});
