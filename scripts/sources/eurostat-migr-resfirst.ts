/**
 * Eurostat migr_resfirst (and its summary table tps00170) — first residence permits issued to
 * third-country nationals (annual, permits).
 *
 * What it is: permits issued for the first time in the year (renewals excluded), by reason.
 *
 * Quirks:
 *  - Two files. The bulk TSV of migr_resfirst (2023 only, by reason EDUC / EMP / FAM / OTH and
 *    TOTAL; committed 2025-09-18) and the tps00170 summary-table export (totals 2012–2023,
 *    LAST UPDATE 2025-03-03). tps00170 is a view of migr_resfirst, so both feed one series.
 *  - Their 2023 totals disagree for DE, FR and EU27_2020 (e.g. EU27_2020: 3,821,562 in the TSV,
 *    3,741,015 in tps00170; FR loses its p flag). The TSV is the later vintage and is preferred;
 *    the tps00170 row is kept with `is_preferred=false` and a note.
 *  - tps00170 rows carry source_id `eurostat-tps00170` (its own table and URL); the TSV rows
 *    carry `eurostat-migr-resfirst`.
 *  - Eurostat's unit code is PER (person). What is counted is permits issued, so the project
 *    publishes the unit as `permits`.
 *  - Reason codes become `status` (`reason_emp`, `reason_fam`…); duration is Total throughout.
 *  - Flags: b (break, ES 2023), u (low reliability, IE), p, d.
 */
import { createEurostatModule } from '../lib/eurostat/module.ts';

export const eurostatMigrResfirst = createEurostatModule({
  id: 'eurostat-migr-resfirst',
  mapping: {
    seriesId: 'eurostat_first_permits',
    units: { PER: 'permits' },
    valueKind: 'count',
    statusDims: { reason: 'reason', duration: 'duration' },
  },
  files: [
    {
      folder: 'eurostat_migr_resfirst',
      file: 'estat_migr_resfirst_filtered.tsv',
      format: 'tsv',
      dataset: 'MIGR_RESFIRST',
      vintage: { rank: 2, label: 'migr_resfirst bulk extract of September 2025' },
    },
    {
      folder: 'eurostat_tps00170_first_permits',
      file: 'migration_permits_issued.csv',
      format: 'sdmx-csv',
      dataset: 'TPS00170',
      sourceId: 'eurostat-tps00170',
      vintage: {
        rank: 1,
        label: 'tps00170 export, last update 2025-03-03',
        olderNote: 'earlier vintage (tps00170 summary table, last update 2025-03-03)',
      },
    },
  ],
  online: { dataset: 'migr_resfirst', query: [['citizen', 'TOTAL'], ['duration', 'TOTAL'], ['unit', 'PER']] },
});
