/**
 * Eurostat lfsa_pganws — population by sex, age, citizenship and labour status (annual LFS,
 * thousand persons).
 *
 * What it is: foreign citizens aged 15-64 who are employed (EMP), unemployed (UNE) or outside
 * the labour force (INAC), in thousands, from the EU Labour Force Survey.
 *
 * Quirks:
 *  - One SDMX-CSV 2.0 export with codes and labels, read March–June 2025: citizenship FOR only,
 *    age Y15-64 only, 2014–2024, no EU aggregate.
 *  - No total over labour statuses is published here; the three statuses are the `status`
 *    codes `wstatus_emp`, `wstatus_une`, `wstatus_inac`.
 *  - Empty OBS_VALUE cells are missing values and are skipped.
 *  - Flags: u (low reliability), b (break), d (definition differs: ES from 2021).
 */
import { createEurostatModule } from '../lib/eurostat/module.ts';

export const eurostatLfsaPganws = createEurostatModule({
  id: 'eurostat-lfsa-pganws',
  mapping: {
    seriesId: 'eurostat_population_by_labour_status',
    units: { THS_PER: 'thousand_persons' },
    valueKind: 'count',
    statusDims: { wstatus: 'wstatus' },
  },
  files: [
    {
      folder: 'eurostat_lfsa_pganws',
      file: 'population_by_sex_age_labour_status_foreigners.csv',
      format: 'sdmx-csv',
      dataset: 'LFSA_PGANWS',
      vintage: { rank: 1, label: 'SDMX-CSV export of 2025' },
    },
  ],
  online: {
    dataset: 'lfsa_pganws',
    query: [
      ['unit', 'THS_PER'],
      ['age', 'Y15-64'],
      ['citizen', 'FOR'],
      ['wstatus', 'EMP'],
      ['wstatus', 'UNE'],
      ['wstatus', 'INAC'],
    ],
  },
});
