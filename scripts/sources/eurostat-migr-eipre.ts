/**
 * Eurostat migr_eipre — third-country nationals found to be illegally present (annual, persons).
 *
 * What it is: apprehensions / detections of people found without a right to stay, over a
 * calendar year. A flow of enforcement events, not a stock of irregular residents: one person
 * can be counted more than once, and the level follows police activity and route position.
 *
 * Quirks:
 *  - Two vintages. The API JSON-stat files (updated 2026-05-12) are preferred. The data-browser
 *    SDMX-CSV export (read March–June 2025) overlaps them for 2014–2022 and agrees except for
 *    EU27_2020 2018–2022, IE 2018 and NL 2022 (Eurostat revisions): those 12 older values are
 *    kept with `is_preferred=false` and the note "earlier vintage (data-browser export 2025);
 *    revised to … in the API extract updated 2026-05-12". Where both vintages agree the older
 *    row would only repeat the value and is not emitted. For 2023 only the CSV has values
 *    (except PT, SE, CH), so those CSV rows are preferred and say so in the note.
 *  - Three JSON files share the 2026-05-12 vintage: the full extract, a totals-only re-download
 *    (2026-08-18) and a PT/SE/CH totals file that adds 2023. Their overlaps are identical and
 *    are emitted once.
 *  - The CSV carries labels ("Spain", "Illegal entry", "In the inland area"), mapped to codes.
 *  - Breakdowns by reason (ENTRY_NLEG illegal entry, OSTAY overstay, OTH other) and place of
 *    apprehension (BRD_EXT, BCP_SLA, BCP_S, BCP_L, INL) exist from reference year 2021
 *    (Regulation (EU) 2020/851); earlier years carry the totals only. They become `status`
 *    codes such as `reason_ostay`, `apprehen_inl`, `reason_ostay_apprehen_inl`.
 *  - Values are rounded to 5 by Eurostat. Flags: b (break), d (definition differs).
 */
import { createEurostatModule, type Vintage } from '../lib/eurostat/module.ts';

const API_2026: Vintage = { rank: 2, label: 'API extract updated 2026-05-12' };
const BROWSER_2025: Vintage = {
  rank: 1,
  label: 'data-browser export 2025',
  olderNote: 'earlier vintage (data-browser export 2025)',
  onlyNote: 'data-browser export 2025; not in the 2026 API extract',
};
const folder = 'eurostat_migr_eipre';

export const eurostatMigrEipre = createEurostatModule({
  id: 'eurostat-migr-eipre',
  mapping: {
    seriesId: 'eurostat_migr_eipre',
    units: { PER: 'persons' },
    valueKind: 'count',
    statusDims: { reason: 'reason', apprehen: 'apprehen' },
  },
  files: [
    { folder, file: 'eurostat_migr_eipre.json', format: 'json-stat', dataset: 'MIGR_EIPRE', vintage: API_2026 },
    { folder, file: 'eurostat_migr_eipre_REVERIFY_2026-08-18.json', format: 'json-stat', dataset: 'MIGR_EIPRE', vintage: API_2026 },
    { folder, file: 'eurostat_migr_eipre_CH_PT_SE_2010_2023.json', format: 'json-stat', dataset: 'MIGR_EIPRE', vintage: API_2026 },
    { folder, file: 'migrants_illegally_present.csv', format: 'sdmx-csv', dataset: 'MIGR_EIPRE', vintage: BROWSER_2025 },
  ],
  online: {
    dataset: 'migr_eipre',
    query: [
      ['age', 'TOTAL'],
      ['sex', 'T'],
      ['unit', 'PER'],
      ['citizen', 'TOTAL'],
    ],
  },
});
