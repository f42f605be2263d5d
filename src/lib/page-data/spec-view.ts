/**
 * A page-specific view of a generic chart spec: same id (so the browser loads the same spec from
 * the registry), same queries and drawing, with the title, subtitle and y-axis label of the page.
 * Only text changes; anything the browser could re-run stays in the chart state.
 */
import type { ChartSpec } from '../charts/spec.ts';

export function specView(spec: ChartSpec, text: { title: string; subtitle: string; yLabel?: string }, state: Record<string, unknown> = {}): ChartSpec {
  const on = Array.isArray(state.layers) ? state.layers : [];
  return {
    ...spec,
    // Event strips the page does not switch on stay out of the key under the chart too.
    layers: spec.layers.filter((l) => on.includes(l.layer)),
    title: text.title,
    subtitle: text.subtitle,
    encodings: { ...spec.encodings, yLabel: text.yLabel ?? spec.encodings.yLabel },
  };
}
