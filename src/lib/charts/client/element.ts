/**
 * `<chart-figure>`: the only script a page with charts loads up front (well under 2 KB). The chart,
 * its controls and its table are already in the HTML; this element waits for the reader to reach
 * for the chart (pointer, touch, focus, a control change) and only then imports the interactive
 * code. A link that carries chart state in its query string wakes the chart at once, so a reload
 * restores the view.
 *
 * Attributes (rendered by ChartFigure.astro):
 *  - data-chart:   spec id (src/charts/<id>.ts, found by lib/charts/registry.ts)
 *  - data-params:  comma-separated query-string names this chart reads (with prefix applied)
 *  - a chart with controls loads its chart code once the page has loaded and the browser is idle
 *    (not with Save-Data), and starts the engine then too on a fast connection (otherwise on
 *    intent: pointer or focus over its controls); a chart without controls loads its tooltips then
 */
const WAKE_EVENTS = ['pointerenter', 'touchstart', 'focusin', 'change', 'input', 'click'] as const;

export class ChartFigureElement extends HTMLElement {
  #woken = false;
  /** A control change that happened while the interactive code was still loading. */
  #pending: Event | null = null;
  #wake = (e: Event) => {
    if (this.#woken) {
      // A change, or the tap that follows a touchstart, while the code loads: replayed to it.
      if (e.type === 'change' || (e.type === 'click' && this.#pending?.type !== 'change')) this.#pending = e;
      return;
    }
    void this.wake(e);
  };

  connectedCallback() {
    for (const t of WAKE_EVENTS) this.addEventListener(t, this.#wake, { passive: true });
    const params = (this.dataset.params ?? '').split(',').filter(Boolean);
    const search = new URLSearchParams(location.search);
    if (params.some((p) => search.has(p))) void this.wake(null);
    else {
      // Once the page is loaded and idle: a chart with controls loads its chart code (Plot, the
      // quick path; about 100 KB) and rehearses a redraw, so a first change never waits for it,
      // and on a fast connection the engine starts too; a chart without controls loads its
      // tooltips (a few KB), so the first hover or focus shows one at once. A reader who asked
      // to save data gets none of it before intent.
      const c = (navigator as { connection?: { saveData?: boolean; effectiveType?: string } }).connection;
      if (c?.saveData) return;
      const fast = c?.effectiveType === '4g';
      const controls = !!this.querySelector('[data-controls]');
      const idle = (globalThis as { requestIdleCallback?: (f: () => void, o?: object) => void }).requestIdleCallback ?? ((f: () => void) => setTimeout(f, 1500));
      const later = () => idle(() => void this.wake(null, controls ? (fast ? 'engine' : 'code') : false), { timeout: 5000 });
      if (document.readyState === 'complete') later();
      else addEventListener('load', later, { once: true });
    }
  }

  disconnectedCallback() {
    for (const t of WAKE_EVENTS) this.removeEventListener(t, this.#wake);
  }

  /**
   * Loads the interactive code once; `first` is the event that woke the chart (replayed to it).
   * `preload`: woken at idle, to load the chart code ('code') or that and the engine ('engine').
   */
  async wake(first: Event | null, preload: false | 'code' | 'engine' = false) {
    if (this.#woken) return;
    this.#woken = true;
    if (first?.type === 'change') this.#pending = first;
    this.setAttribute('data-state-phase', 'waking');
    // The page's language first (a no-op in English): tooltips are worded in it.
    const [{ enhance }] = await Promise.all([import('./interactive.ts'), import('./page-locale.ts').then((m) => m.usePageLocale())]);
    // Stop listening only now: changes made during the import are replayed, not lost.
    for (const t of WAKE_EVENTS) this.removeEventListener(t, this.#wake);
    enhance(this, this.#pending ?? first, { preload });
  }
}

if (!customElements.get('chart-figure')) customElements.define('chart-figure', ChartFigureElement);
