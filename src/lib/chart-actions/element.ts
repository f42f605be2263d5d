/**
 * `<chart-actions>` (components/ChartActions.astro): the download, citation and link buttons
 * under a chart. This part is loaded with the page and stays tiny: it remembers the rows and SVG
 * of the last redraw (the figure's `chart:render` event) and, on intent (pointer or focus over a
 * button) or the first click, imports ./actions.ts, which does the work (papaparse, SVG framing,
 * canvas).
 */
import type { Rendered } from './actions.ts';

class ChartActionsElement extends HTMLElement {
  #rendered: Rendered | null = null;
  #actions: Promise<typeof import('./actions.ts')> | null = null;

  connectedCallback() {
    const fig = this.closest<HTMLElement>('chart-figure');
    fig?.addEventListener('chart:render', (e) => {
      this.#rendered = (e as CustomEvent<Rendered>).detail;
      // An open citation follows the view on screen.
      if (this.querySelector<HTMLDetailsElement>('details[data-cite]')?.open) void this.#run('cite');
    });
    // Intent (pointer or focus over the buttons): the work code loads, and over PNG its fonts
    // too, while the pointer is still on its way, so the first click costs what later ones do.
    const intent = (e: Event) => {
      const loading = this.#load();
      const act = (e.target as Element).closest?.<HTMLElement>('button[data-act]')?.dataset.act;
      if (act) void loading.then((m) => m.prepare(this, act, this.#rendered)).catch(() => undefined);
    };
    this.addEventListener('pointerover', intent, { passive: true });
    this.addEventListener('focusin', intent);
    this.addEventListener('click', (e) => {
      const button = (e.target as Element).closest<HTMLButtonElement>('button[data-act]');
      if (button && this.contains(button)) void this.#run(button.dataset.act ?? '');
    });
    // On paper the view's own address is printed under the chart (styles/print.css).
    const printUrl = fig?.querySelector<HTMLElement>('[data-print-url]');
    if (printUrl) {
      addEventListener('beforeprint', () => {
        printUrl.textContent = `${location.origin}${location.pathname}${location.search}#${this.dataset.figure ?? ''}`;
      });
    }
    this.querySelector<HTMLDetailsElement>('details[data-cite]')?.addEventListener('toggle', (e) => {
      if ((e.target as HTMLDetailsElement).open) void this.#run('cite');
    });
  }

  /** The action code, once, after the page's language (a no-op in English): files, citations and messages are worded in it. */
  #load(): Promise<typeof import('./actions.ts')> {
    return (this.#actions ??= import('../charts/client/page-locale.ts').then((m) => m.usePageLocale()).then(() => import('./actions.ts')));
  }

  async #run(act: string) {
    const { perform } = await this.#load();
    await perform(this, act, this.#rendered);
  }
}

if (!customElements.get('chart-actions')) customElements.define('chart-actions', ChartActionsElement);
