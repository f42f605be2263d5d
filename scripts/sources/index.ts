/**
 * Every machine-readable source module. The pipeline runs each one's load({ rawDir }).
 * Eurostat modules read ../shared/data/raw (or EUROSTAT_RAW_DIR; see scripts/lib/eurostat/fetch.ts).
 */
import type { SourceModule } from '../lib/types.ts';
import { eurostatLfsaErgan } from './eurostat-lfsa-ergan.ts';
import { eurostatLfsaPganws } from './eurostat-lfsa-pganws.ts';
import { eurostatLfsaUgan } from './eurostat-lfsa-ugan.ts';
import { eurostatLfsaUrgan } from './eurostat-lfsa-urgan.ts';
import { eurostatMigrEipre } from './eurostat-migr-eipre.ts';
import { eurostatMigrEirfs } from './eurostat-migr-eirfs.ts';
import { eurostatMigrPop1ctz } from './eurostat-migr-pop1ctz.ts';
import { eurostatMigrPop3ctb } from './eurostat-migr-pop3ctb.ts';
import { eurostatMigrResfirst } from './eurostat-migr-resfirst.ts';

export const eurostatSources: readonly SourceModule[] = [
  eurostatMigrEipre,
  eurostatMigrEirfs,
  eurostatMigrResfirst,
  eurostatLfsaUrgan,
  eurostatLfsaErgan,
  eurostatLfsaUgan,
  eurostatLfsaPganws,
  eurostatMigrPop1ctz,
  eurostatMigrPop3ctb,
];

/** All source modules (only Eurostat so far). */
export const sources: readonly SourceModule[] = [...eurostatSources];
export { resolveRawDir } from '../lib/eurostat/fetch.ts';
