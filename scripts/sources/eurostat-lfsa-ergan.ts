/**
 * Eurostat lfsa_ergan — employment rates by sex, age and citizenship (annual LFS, %).
 *
 * What it is: employed persons as a share of the population of the same age, sex and
 * citizenship, from the EU Labour Force Survey.
 *
 * Quirks:
 *  - Two files that do not overlap:
 *    - a bulk TSV (ages 20-64; citizenship NAT, EU27_2020_FOR, NEU27_2020_FOR; 2015–2024;
 *      includes EU27_2020), committed 2025-09-18;
 *    - an SDMX-CSV 2.0 export with codes and labels (ages 15-64; citizenship TOTAL, NAT, FOR;
 *      1995–2024; no EU aggregate), read March–June 2025.
 *    Different age bands give different keys; never draw Y15-64 and Y20-64 as one line.
 *  - TSV cells hold `value flags` (`9.2 b`, `: u`); `:` is missing and is skipped.
 *  - Flags: b (break: 2021 LFS regulation for most countries), u (low reliability: small
 *    samples of foreigners), d (definition differs). Many foreign-citizen cells are `: u`
 *    (not published because too unreliable).
 */
import { createEurostatModule } from '../lib/eurostat/module.ts';

export const eurostatLfsaErgan = createEurostatModule({
  id: 'eurostat-lfsa-ergan',
  mapping: { seriesId: 'eurostat_employment_rate', units: { PC: 'percent' }, valueKind: 'rate' },
  files: [
    {
      folder: 'eurostat_lfsa_ergan',
      file: 'estat_lfsa_ergan_filtered.tsv',
      format: 'tsv',
      dataset: 'LFSA_ERGAN',
      vintage: { rank: 2, label: 'bulk extract of September 2025' },
    },
    {
      folder: 'eurostat_lfsa_ergan',
      file: 'employment_rates_yearly.csv',
      format: 'sdmx-csv',
      dataset: 'LFSA_ERGAN',
      vintage: { rank: 1, label: 'SDMX-CSV export of 2025' },
    },
  ],
  online: {
    dataset: 'lfsa_ergan',
    query: [
      ['unit', 'PC'],
      ['age', 'Y15-64'],
      ['age', 'Y20-64'],
      ['citizen', 'TOTAL'],
      ['citizen', 'NAT'],
      ['citizen', 'FOR'],
      ['citizen', 'EU27_2020_FOR'],
      ['citizen', 'NEU27_2020_FOR'],
    ],
  },
});
