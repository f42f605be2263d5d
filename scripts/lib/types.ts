/**
 * Shapes passed between source modules and the pipeline.
 */
import type { Observation } from '../../src/lib/schema.ts';

/** Where a row came from, for error messages. */
export interface Origin {
  file: string;
  /** 1-based line (header = 1). For JSON inputs, 0 and a `path` instead. */
  line: number;
  path?: string;
}

/** An observation before the pipeline derives period_start/period_end. */
/** period_type may be left out: the pipeline derives it from the series (scripts/lib/period-type.ts). */
export type SourceObservation = Omit<Observation, 'period_start' | 'period_end' | 'period_type'> & {
  period_type?: Observation['period_type'] | null;
  origin: Origin;
};

/**
 * A machine-readable source (scripts/sources/<id>.ts). It reads a local raw snapshot
 * (or downloads one when online) and returns normalized rows.
 */
export interface SourceModule {
  /** Same as the source_id of its dataset row, e.g. `eurostat-migr-eipre`. */
  id: string;
  /** Read the raw snapshot under `rawDir` and return rows. Throws InputError on bad input. */
  load(opts: { rawDir: string }): Promise<SourceObservation[]>;
}
