/**
 * Eurostat migr_pop3ctb — population on 1 January by country of birth (persons).
 *
 * What it is: residents on 1 January born abroad (c_birth FOR), whatever their citizenship,
 * all ages, both sexes. A stock at a date, so the period is `YYYY-01-01`.
 *
 * Quirks:
 *  - One API JSON-stat file (updated 2026-08-10), 2010–2022, kept in the pop1ctz snapshot folder.
 *  - Country of birth is not citizenship: citizenship_code stays null and the series itself says
 *    "born abroad". Only c_birth FOR is accepted.
 *  - Eleven of the 45 listed geos have no data (TR has some).
 *  - Flags: b, e, p as in migr_pop1ctz.
 */
import { createEurostatModule } from '../lib/eurostat/module.ts';

export const eurostatMigrPop3ctb = createEurostatModule({
  id: 'eurostat-migr-pop3ctb',
  mapping: {
    seriesId: 'eurostat_population_foreign_born',
    units: { NR: 'persons' },
    valueKind: 'count',
    periodAt: 'first_of_january',
    citizenshipDim: null,
    fixedDims: { c_birth: ['FOR'] },
  },
  files: [
    {
      folder: 'eurostat_migr_pop1ctz',
      file: 'eurostat_migr_pop3ctb.json',
      format: 'json-stat',
      dataset: 'MIGR_POP3CTB',
      vintage: { rank: 1, label: 'API extract updated 2026-08-10' },
    },
  ],
  online: {
    dataset: 'migr_pop3ctb',
    query: [
      ['age', 'TOTAL'],
      ['sex', 'T'],
      ['unit', 'NR'],
      ['c_birth', 'FOR'],
    ],
  },
});
