/**
 * What a chart kind provides: the drawing recipe behind `spec.kind`. A kind turns a spec, its rows
 * and a state into Observable Plot options (pure: the build renders them with linkedom, the browser
 * with the real DOM), writes the text alternative, and lists its key (the marks not labelled
 * directly, also drawn into SVG/PNG exports).
 *
 * Point marks must tag their elements with `data-tip="<dataset>:<row>"` (see `tagPoints` in
 * ../plot-options.ts): tooltips, keyboard navigation and nearest-point selection read that.
 */
import type * as Plot from '@observablehq/plot';
import type { ChartRows, ChartSpec } from '../spec.ts';
import type { KeyItem } from '../key.ts';
import type { DrawState, PlotContext } from '../plot-options.ts';

export interface ChartKind {
  plotOptions(spec: ChartSpec, rows: ChartRows, state: DrawState, ctx: PlotContext): Plot.PlotOptions;
  describe(spec: ChartSpec, rows: ChartRows, state: DrawState): string;
  key(spec: ChartSpec): KeyItem[];
  /** What the kind draws with that is too big for every chart's script (map geometry): loaded before the first browser draw. */
  load?(): Promise<void>;
}
