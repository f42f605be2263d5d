/**
 * Build-time rendering: Plot options → SVG markup, with linkedom standing in for the browser DOM.
 * The result is inlined into the page so the chart (axes, labels, annotations) is there before any
 * script runs, and readable with JavaScript disabled.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
// Map geometry for the map kinds (the browser loads it on demand; Node draws synchronously).
import '../geo/node.ts';

export function renderSvg(options: Plot.PlotOptions): string {
  const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
  const node = Plot.plot({ ...options, document } as Plot.PlotOptions & { document: Document }) as unknown as Element;
  // Explicit namespace: the markup is also saved as a standalone .svg file (downloads, tests).
  if (!node.getAttribute('xmlns')) node.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return roundCoordinates(node.outerHTML);
}

/**
 * Rounds coordinates inside attribute values to one decimal: Plot writes full float precision,
 * which makes the inlined SVG about a third larger and changes nothing visible.
 */
export function roundCoordinates(markup: string): string {
  return markup.replace(/="([^"]*)"/g, (attr, value: string) =>
    /\d\.\d{2,}/.test(value) ? `="${value.replace(/-?\d+\.\d{2,}/g, (n) => String(Math.round(Number(n) * 10) / 10))}"` : attr,
  );
}
