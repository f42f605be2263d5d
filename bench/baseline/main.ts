/**
 * BASELINE page for tools/bench.ts: the same chart from the same data, built the way
 * DuckDB-WASM dashboards usually work: start the engine, load the tables, run the query, and only
 * then draw. It reuses the site's own pieces (engine loader, chart spec, SQL, plotOptions), so the
 * only difference from the real home page is the order of work: the site ships the chart as SVG
 * in the HTML and starts DuckDB on the first interaction.
 *
 * Bundled by tools/bench.ts with esbuild into a temporary folder; never part of the site build.
 */
import * as Plot from '@observablehq/plot';
import { spec } from '../../src/charts/irregular-residence-comparison.ts';
import { parseState } from '../../src/lib/charts/url-state.ts';
import { describeChart, plotOptions, type DrawState } from '../../src/lib/charts/draw.ts';
import { runQueries } from '../../src/lib/charts/run.ts';
import { ensureTables, onProgress, queryBrowser } from '../../src/lib/db/browser.ts';

const figure = document.querySelector<HTMLElement>('#chart')!;
const status = document.querySelector<HTMLElement>('#status')!;
const nextPaint = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));

async function draw(search: string) {
  const state = parseState(spec, search) as Record<string, unknown>;
  const rows = await runQueries(spec, state, queryBrowser);
  const svg = Plot.plot(plotOptions(spec, rows, state as DrawState, { width: figure.clientWidth || 760 }));
  figure.replaceChildren(svg as unknown as Node);
}

declare global {
  interface Window {
    benchRerender?: (search: string) => Promise<number>;
  }
}

async function main() {
  onProgress((p) => {
    status.textContent = p.phase === 'engine' ? `Loading the query engine… ${Math.round(p.loaded / 1048576)} MB` : p.phase === 'table' ? `Loading ${p.name}…` : 'Querying…';
  });
  await ensureTables(spec.tables);
  performance.mark('engine-ready');
  await draw(location.search);
  status.hidden = true;
  performance.mark('chart');
  window.benchRerender = async (search: string) => {
    const t0 = performance.now();
    await draw(search);
    await nextPaint();
    return performance.now() - t0;
  };
  document.documentElement.dataset.ready = 'true';
}

main().catch((err) => {
  status.textContent = `Could not draw the chart: ${err}`;
  console.error(err);
});
