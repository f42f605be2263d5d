/** Kind `time-comparison`: lines on one time axis, ranges as bands, event strips under the axis. */
import type { ChartKind } from './kind.ts';
import { timeComparisonOptions } from '../plot-options.ts';
import { describeTimeComparison } from '../describe.ts';
import { timeComparisonKey } from '../key.ts';

export const timeComparison: ChartKind = {
  plotOptions: timeComparisonOptions,
  describe: describeTimeComparison,
  key: timeComparisonKey,
};
