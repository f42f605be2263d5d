/**
 * A page-specific view of a generic chart spec: same id (so the browser loads the same spec from
 * the registry), same queries and drawing, with the title, subtitle and y-axis label of the page.
 * Only text changes; anything the browser could re-run stays in the chart state.
 */
import type { ChartSpec } from '../charts/spec.ts';

export function specView(spec: ChartSpec, text: { title: string; subtitle: string; yLabel?: string }): ChartSpec {
  return {
    ...spec,
    title: text.title,
    subtitle: text.subtitle,
    encodings: { ...spec.encodings, yLabel: text.yLabel ?? spec.encodings.yLabel },
  };
}
