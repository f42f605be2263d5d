/**
 * Registry of chart specs by id. The browser loads a spec only when a chart on the page is first
 * used, so each entry is a dynamic import (one small chunk per spec).
 */
import type { ChartSpec } from '../lib/charts/spec.ts';

export const CHARTS: Record<string, () => Promise<{ spec: ChartSpec }>> = {
  'irregular-residence-comparison': () => import('./irregular-residence-comparison.ts'),
  'series-lines': () => import('./series-lines.ts'),
  explore: () => import('./explore.ts'),
};

export async function loadSpec(id: string): Promise<ChartSpec> {
  const load = CHARTS[id];
  if (!load) throw new Error(`unknown chart "${id}"`);
  return (await load()).spec;
}
