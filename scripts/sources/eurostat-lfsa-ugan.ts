/**
 * Eurostat lfsa_ugan — unemployment by sex, age and citizenship (annual LFS, thousand persons).
 *
 * What it is: the number of unemployed people aged 15-74, in thousands, from the EU Labour
 * Force Survey.
 *
 * Quirks:
 *  - One data-browser SDMX-CSV export with labels only ("Thousand persons", "From 15 to 74
 *    years", "EU27 countries (from 2020) except reporting country"), LAST UPDATE 13/03/25.
 *    Labels are mapped to codes: Y15-74; citizenship TOTAL, NAT, FOR, EU27_2020_FOR,
 *    NEU27_2020_FOR, STLS (stateless), NRP (no response).
 *  - Geos include the EU27_2020 and EA20 aggregates.
 *  - Empty OBS_VALUE cells are missing values and are skipped.
 *  - Flags: u (low reliability) on many foreign-citizen cells, b (break, mostly 2021), d.
 */
import { createEurostatModule } from '../lib/eurostat/module.ts';

export const eurostatLfsaUgan = createEurostatModule({
  id: 'eurostat-lfsa-ugan',
  mapping: { seriesId: 'eurostat_unemployment', units: { THS_PER: 'thousand_persons' }, valueKind: 'count' },
  files: [
    {
      folder: 'eurostat_lfsa_ugan',
      file: 'unemployment_by_citizenship.csv',
      format: 'sdmx-csv',
      dataset: 'LFSA_UGAN',
      vintage: { rank: 1, label: 'data-browser export, last update 2025-03-13' },
    },
  ],
  online: { dataset: 'lfsa_ugan', query: [['unit', 'THS_PER'], ['age', 'Y15-74']] },
});
