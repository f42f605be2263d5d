/**
 * First thing an embed page runs, before <chart-figure> is defined (embed.ts imports this module
 * first, and imports run in order). It decides whether the pre-rendered drawing is the view the URL
 * asks for:
 *  - yes (no chart parameters, or only default values): the figure is told it has no URL state, so
 *    nothing heavy loads; tooltips still wake on the first pointer or focus;
 *  - no: the figure keeps its parameters and wakes at once, the site's client code parses the URL
 *    with the chart's zod state and redraws, querying DuckDB-WASM only when the rows change. Until
 *    then the default drawing is dimmed, never passed off as the view asked for.
 * The links back to the full chart get the same view.
 */
import { differsFromDefault } from '../params.ts';

const fig = document.querySelector<HTMLElement>('chart-figure');
if (fig) {
  let defaults: Record<string, string> = {};
  try {
    defaults = JSON.parse(fig.dataset.embedDefaults ?? '{}');
  } catch {
    /* a malformed attribute only means every parameter counts as a change */
  }
  const search = new URLSearchParams(location.search);
  const view = new URLSearchParams();
  for (const p of Object.keys(defaults)) {
    const v = search.get(p);
    if (v !== null) view.set(p, v);
  }
  const q = view.toString().replaceAll('%2C', ',');
  if (q) {
    document.querySelectorAll<HTMLAnchorElement>('a[data-embed-link]').forEach((a) => {
      const u = new URL(a.href);
      u.search = q;
      a.href = u.href;
    });
  }
  // An embed has no controls: starting the query engine "for the next change" would be waste.
  fig.dataset.engine = 'on-demand';
  if (differsFromDefault(search, defaults)) {
    fig.setAttribute('data-embed-pending', '');
    const status = fig.querySelector<HTMLElement>('[data-status]');
    const text = status?.querySelector<HTMLElement>('[data-status-text]');
    if (status && text) {
      text.textContent = fig.dataset.drawingText ?? 'Drawing the view this embed asks for…';
      status.hidden = false;
    }
    fig.addEventListener('chart:render', () => fig.removeAttribute('data-embed-pending'), { once: true });
  } else {
    fig.dataset.params = '';
  }
}
