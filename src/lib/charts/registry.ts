/**
 * Chart specs found by convention: every `src/charts/<id>.ts` that exports `spec` is a chart with
 * id `<id>`. Nothing lists them by hand, so adding a chart is adding its file (and its snapshot).
 * Each spec is a dynamic import: the browser loads only the chunk of the chart it redraws.
 *
 * Vite (Astro, vitest) expands `import.meta.glob` at build time. Plain Node (tsx scripts) has no
 * glob: those scripts use `chartModulesFromDisk` in ./registry-node.ts.
 */
import type { ChartSpec } from './spec.ts';

export type SpecLoader = () => Promise<{ spec: ChartSpec }>;

const modules = import.meta.glob<{ spec: ChartSpec }>('../../charts/*.ts');

/** Chart id (file name without `.ts`) → loader. */
export const CHARTS: Record<string, SpecLoader> = Object.fromEntries(
  Object.entries(modules)
    .map(([file, load]) => [file.replace(/^.*\//, '').replace(/\.ts$/, ''), load] as const)
    .sort(([a], [b]) => a.localeCompare(b)),
);

export async function loadSpec(id: string): Promise<ChartSpec> {
  const load = Object.hasOwn(CHARTS, id) ? CHARTS[id] : undefined;
  if (!load) throw new Error(`unknown chart "${id}"`);
  return (await load()).spec;
}
