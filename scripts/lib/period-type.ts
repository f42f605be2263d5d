/**
 * Windows and period types of observations (issue 15).
 *
 * Every published value says how it relates to time: a `stock` at a date, a `flow` over its
 * window, a `cumulative` total over a multi-period window, or an `average` over the window.
 * period_start/period_end bound the window. A curated row may leave all three empty; then:
 *  - the window is the one its `period` names (2024 → 2024-01-01..2024-12-31);
 *  - the type follows value_kind `cumulative`, else the series' measure (stock, flow; a rate is a
 *    stock on a single day and an average over a longer period).
 * A curated row may widen or move the window (66,269 missing trainees over 2013-2022: period 2022,
 * period_start 2013-01-01) and must then stay inside the rules checked here.
 */
import type { Observation, PeriodType, Series } from '../../src/lib/schema.ts';
import type { CuratedObservation } from './curated.ts';
import { InputError } from './errors.ts';
import { isRealDate, type PeriodRange } from './periods.ts';

export interface ResolvedPeriod {
  period_start: string;
  period_end: string;
  period_type: PeriodType;
}

function checkDate(value: string, at: { file: string; line: number }, column: string) {
  const [y, m, d] = value.split('-').map(Number);
  if (!isRealDate(y, m, d)) throw new InputError(at.file, at.line, column, `${value} is not a calendar date`);
}

export function defaultPeriodType(valueKind: Observation['value_kind'], measure: Series['measure'], range: PeriodRange): PeriodType {
  if (valueKind === 'cumulative') return 'cumulative';
  if (measure === 'rate') return range.start === range.end ? 'stock' : 'average';
  return measure;
}

export function resolvePeriod(
  r: CuratedObservation,
  range: PeriodRange,
  series: Series,
  at: { file: string; line: number },
): ResolvedPeriod {
  const start = r.period_start ?? range.start;
  const end = r.period_end ?? range.end;
  if (r.period_start) checkDate(r.period_start, at, 'period_start');
  if (r.period_end) checkDate(r.period_end, at, 'period_end');
  if (start > end) throw new InputError(at.file, at.line, 'period_start', `period_start ${start} is after period_end ${end}`);
  // The published period names the window's end (a stock's date, a flow's last period): an
  // override may widen the window backwards, not detach it from `period`.
  if (end < range.start || end > range.end) {
    throw new InputError(at.file, at.line, 'period_end', `period_end ${end} is outside period ${r.period} (${range.start}..${range.end})`);
  }
  const type = r.period_type ?? defaultPeriodType(r.value_kind, series.measure, range);
  if (r.value_kind === 'cumulative' && type !== 'cumulative') {
    throw new InputError(at.file, at.line, 'period_type', `value_kind cumulative needs period_type cumulative, not ${type}`);
  }
  if (type === 'cumulative' && start === end) {
    throw new InputError(
      at.file,
      at.line,
      'period_start',
      `a cumulative total cannot be dated as a single day (${start}): write the first day of its window in period_start`,
    );
  }
  return { period_start: start, period_end: end, period_type: type };
}
