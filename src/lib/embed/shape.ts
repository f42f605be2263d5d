/**
 * What the default-height estimate (./height.ts) needs to know about one embed, taken from the spec
 * and its pre-rendered chart. Build time only (the key comes from the chart's kind, which loads Plot).
 */
import type { ChartRows, ChartSpec } from '../charts/spec.ts';
import { publisherSummary, sourceDatasets, sourcesOf } from '../charts/sources.ts';
import { defaultHeight, svgBox, type EmbedShape } from './height.ts';
import { chartKey } from '../charts/draw.ts';

export function embedShape(spec: ChartSpec, chart: { rows: ChartRows; state: Record<string, unknown>; svg: { wide: string; narrow: string } }): EmbedShape {
  const sources = sourcesOf(chart.rows, sourceDatasets(spec, chart.state));
  // The entries of components/ChartKey.astro.
  const key = chartKey(spec).map((i) => i.label);
  return {
    wide: svgBox(chart.svg.wide),
    narrow: svgBox(chart.svg.narrow),
    title: spec.title,
    subtitle: spec.subtitle,
    key,
    sourceChars: `Sources: ${publisherSummary(sources)}. All ${sources.length} documents`.length,
  };
}

export function embedHeight(spec: ChartSpec, chart: Parameters<typeof embedShape>[1]): number {
  return defaultHeight(embedShape(spec, chart));
}
