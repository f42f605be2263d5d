/**
 * The entry points every renderer calls, whatever the chart's kind: Plot options (build and
 * browser), the text alternative, the key. Each dispatches on `spec.kind` through ./kinds/index.ts.
 */
import type * as Plot from '@observablehq/plot';
import type { ChartRows, ChartSpec } from './spec.ts';
import type { KeyItem } from './key.ts';
import type { DrawState, PlotContext } from './plot-options.ts';
import { kindOf } from './kinds/index.ts';

export type { DrawState, PlotContext };

export function plotOptions(spec: ChartSpec, rows: ChartRows, state: DrawState, ctx: PlotContext): Plot.PlotOptions {
  return kindOf(spec).plotOptions(spec, rows, state, ctx);
}

export function describeChart(spec: ChartSpec, rows: ChartRows, state: DrawState): string {
  return kindOf(spec).describe(spec, rows, state);
}

export function chartKey(spec: ChartSpec): KeyItem[] {
  return kindOf(spec).key(spec);
}

/** Loads what the spec's kind draws with (map geometry), once; call before the first browser draw. */
export async function loadKind(spec: ChartSpec): Promise<void> {
  await kindOf(spec).load?.();
}
