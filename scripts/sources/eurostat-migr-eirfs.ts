/**
 * Eurostat migr_eirfs — third-country nationals refused entry at the external borders
 * (annual, persons).
 *
 * What it is: refusals of entry at an external border (air, sea, land) over a calendar year. A
 * flow of border-control decisions, not of people: one person refused twice counts twice.
 *
 * Quirks:
 *  - One data-browser SDMX-CSV export with labels ("Spain", "Total"), read March–June 2025;
 *    its LAST UPDATE column is empty, so the Eurostat release date is unknown.
 *  - Border type, reason and citizenship are all Total in this export: no breakdowns.
 *  - Two values carry flag e (estimated). Values are rounded by Eurostat.
 */
import { createEurostatModule } from '../lib/eurostat/module.ts';

export const eurostatMigrEirfs = createEurostatModule({
  id: 'eurostat-migr-eirfs',
  mapping: {
    seriesId: 'eurostat_migr_eirfs',
    units: { PER: 'persons' },
    valueKind: 'count',
    statusDims: { border: 'border', reason: 'reason' },
  },
  files: [
    {
      folder: 'eurostat_migr_eirfs',
      file: 'migrants_refused_entry_at_the_border.csv',
      format: 'sdmx-csv',
      dataset: 'MIGR_EIRFS',
      vintage: { rank: 1, label: 'data-browser export 2025' },
    },
  ],
  online: { dataset: 'migr_eirfs', query: [['citizen', 'TOTAL'], ['unit', 'PER']] },
});
