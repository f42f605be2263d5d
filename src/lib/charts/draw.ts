/**
 * The entry points every renderer calls, whatever the chart's kind: Plot options (build and
 * browser), the text alternative, the key. Each dispatches on `spec.kind` through ./kinds/index.ts.
 */
import type * as Plot from '@observablehq/plot';
import type { ChartRows, ChartSpec } from './spec.ts';
import type { KeyItem } from './key.ts';
import type { DrawState, PlotContext } from './plot-options.ts';
import { kindOf } from './kinds/index.ts';
import { annotate, describeAnnotations } from './annotate.ts';

export type { DrawState, PlotContext };

export function plotOptions(spec: ChartSpec, rows: ChartRows, state: DrawState, ctx: PlotContext): Plot.PlotOptions {
  const options = kindOf(spec).plotOptions(spec, rows, state, ctx);
  // A view's annotations are drawn over whatever its kind drew, by one module for every renderer.
  return spec.annotations?.length ? annotate(options, spec.annotations, { spec, rows, state, width: ctx.width }) : options;
}

export function describeChart(spec: ChartSpec, rows: ChartRows, state: DrawState): string {
  const text = kindOf(spec).describe(spec, rows, state);
  return spec.annotations?.length ? [text, describeAnnotations(spec.annotations, state)].filter(Boolean).join(' ') : text;
}

export function chartKey(spec: ChartSpec): KeyItem[] {
  return kindOf(spec).key(spec);
}

/** Loads what the spec's kind draws with (map geometry), once; call before the first browser draw. */
export async function loadKind(spec: ChartSpec): Promise<void> {
  await kindOf(spec).load?.();
}
