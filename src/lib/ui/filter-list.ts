/**
 * `<filter-list>`: client-side filtering of a server-rendered list (the rule-changes timeline).
 * The full list is in the HTML and readable without JavaScript; this element only hides items.
 *
 * Markup it reads:
 *  - form[data-filter-form] with <select name="…"> controls; '' means "all"
 *  - [data-filter-item] and [data-filter-mark] elements with `data-<name>` attributes matching
 *    the select names (items are counted, marks are chart markers that follow the same filter)
 *  - [data-filter-group]: a section hidden when none of its items is shown
 *  - [data-filter-count]: receives "Showing N of M"
 *
 * The filter state lives in the query string (`?country=JPN&direction=restrictive`), written with
 * history.replaceState so a copied link reproduces the view.
 */
export class FilterListElement extends HTMLElement {
  #form: HTMLFormElement | null = null;

  connectedCallback() {
    this.#form = this.querySelector<HTMLFormElement>('form[data-filter-form]');
    if (!this.#form) return;
    const params = new URLSearchParams(location.search);
    for (const select of this.#selects()) {
      const v = params.get(select.name);
      if (v !== null && Array.from(select.options).some((o) => o.value === v)) select.value = v;
    }
    this.#form.addEventListener('change', () => this.apply(true));
    this.#form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.apply(true);
    });
    this.#form.addEventListener('reset', () => setTimeout(() => this.apply(true), 0));
    this.apply(false);
  }

  #selects(): HTMLSelectElement[] {
    return this.#form ? Array.from(this.#form.querySelectorAll<HTMLSelectElement>('select[name]')) : [];
  }

  apply(writeUrl: boolean) {
    const active = this.#selects()
      .map((s) => [s.name, s.value] as const)
      .filter(([, v]) => v !== '');
    const match = (el: HTMLElement) => active.every(([k, v]) => el.dataset[k] === v);
    const items = Array.from(this.querySelectorAll<HTMLElement>('[data-filter-item]'));
    let shown = 0;
    for (const el of items) {
      const ok = match(el);
      el.hidden = !ok;
      if (ok) shown++;
    }
    // SVG elements have no `hidden` property: use an attribute the stylesheet hides.
    for (const el of this.querySelectorAll<SVGElement & HTMLElement>('[data-filter-mark]')) {
      if (match(el)) el.removeAttribute('data-filtered-out');
      else el.setAttribute('data-filtered-out', '');
    }
    for (const g of this.querySelectorAll<HTMLElement>('[data-filter-group]')) {
      g.hidden = !g.querySelector('[data-filter-item]:not([hidden])');
    }
    const count = this.querySelector<HTMLElement>('[data-filter-count]');
    // The words come from the page (data-all / data-some, with {n} and {total}), in its language.
    const fill = (t: string) => t.replaceAll('{n}', String(shown)).replaceAll('{total}', String(items.length));
    if (count) count.textContent = fill(shown === items.length ? (count.dataset.all ?? 'Showing all {total}') : (count.dataset.some ?? 'Showing {n} of {total}'));
    if (writeUrl) {
      const params = new URLSearchParams(location.search);
      for (const s of this.#selects()) {
        if (s.value) params.set(s.name, s.value);
        else params.delete(s.name);
      }
      const q = params.toString();
      history.replaceState(history.state, '', `${location.pathname}${q ? `?${q}` : ''}${location.hash}`);
    }
  }
}

if (!customElements.get('filter-list')) customElements.define('filter-list', FilterListElement);
