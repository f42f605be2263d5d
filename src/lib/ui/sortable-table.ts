/**
 * `<sortable-table>`: progressive enhancement for a plain HTML table. Without JavaScript the table
 * reads as rendered. With it, every `<th data-sort="text|number|date">` gets a button; activating
 * it (click, Enter, Space) sorts the body rows by that column and sets `aria-sort` on the header.
 *
 * A cell's sort key is its `data-sort-value` attribute when present (numbers, ISO dates; empty
 * values sort last), else its text. Rows keep their original order among equal keys.
 *
 * With the `cards` attribute, every body cell is labelled with its column heading (`data-label`)
 * and the table stacks as cards on a phone (global.css), the sort buttons wrapping above them.
 * Without JavaScript such a table keeps its columns and scrolls sideways.
 */
type SortType = 'text' | 'number' | 'date';

export class SortableTableElement extends HTMLElement {
  connectedCallback() {
    const table = this.querySelector('table');
    if (!table || table.dataset.sortable === 'on') return;
    table.dataset.sortable = 'on';
    const headers = Array.from(table.querySelectorAll<HTMLTableCellElement>('thead th[data-sort]'));
    const body = table.tBodies[0];
    if (!body) return;
    // Original order, for stable sorting.
    Array.from(body.rows).forEach((r, i) => (r.dataset.order = String(i)));
    if (this.hasAttribute('cards')) this.labelCells(table);
    for (const th of headers) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort-button';
      button.append(...Array.from(th.childNodes));
      const icon = document.createElement('span');
      icon.className = 'sort-icon';
      icon.setAttribute('aria-hidden', 'true');
      button.append(icon);
      th.append(button);
      button.addEventListener('click', () => this.sort(table, th, headers));
    }
    const hint = this.querySelector<HTMLElement>('[data-sort-hint]');
    if (hint) hint.hidden = false;
  }

  /** Each body cell gets its column's heading as `data-label`, read before the sort buttons are added. */
  labelCells(table: HTMLTableElement) {
    const headings = Array.from(table.tHead?.rows[0]?.cells ?? []).map((th) => (th.textContent ?? '').replace(/\s+/g, ' ').trim());
    for (const row of Array.from(table.tBodies[0]?.rows ?? []))
      Array.from(row.cells).forEach((cell, i) => {
        if (headings[i]) cell.dataset.label = headings[i];
      });
    table.closest('.table-wrap')?.classList.add('table-wrap--cards');
  }

  sort(table: HTMLTableElement, th: HTMLTableCellElement, headers: HTMLTableCellElement[]) {
    const index = Array.from(th.parentElement!.children).indexOf(th);
    const type = (th.dataset.sort ?? 'text') as SortType;
    const dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
    for (const h of headers) h.removeAttribute('aria-sort');
    th.setAttribute('aria-sort', dir);
    const body = table.tBodies[0];
    const key = (row: HTMLTableRowElement): string | number | null => {
      const cell = row.cells[index];
      if (!cell) return null;
      const raw = (cell.dataset.sortValue ?? cell.textContent ?? '').trim();
      if (raw === '' || raw === '–') return null;
      if (type === 'number') {
        const v = Number(raw.replace(/[^\d.-]/g, ''));
        return Number.isFinite(v) ? v : null;
      }
      return raw.toLocaleLowerCase();
    };
    const rows = Array.from(body.rows).map((r) => ({ r, k: key(r), o: Number(r.dataset.order) }));
    const sign = dir === 'ascending' ? 1 : -1;
    rows.sort((a, b) => {
      // Unknown values always last, whatever the direction.
      if (a.k === null || b.k === null) return a.k === b.k ? a.o - b.o : a.k === null ? 1 : -1;
      const c = typeof a.k === 'number' && typeof b.k === 'number' ? a.k - b.k : String(a.k).localeCompare(String(b.k));
      return c === 0 ? a.o - b.o : sign * c;
    });
    body.append(...rows.map((x) => x.r));
    const status = this.querySelector<HTMLElement>('[data-sort-status]');
    // The words come from the page (data-ascending / data-descending, with {column}), in its language.
    const words = status?.dataset[dir] ?? `Sorted by {column}, ${dir}.`;
    if (status) status.textContent = words.replace('{column}', th.textContent?.trim() ?? '');
  }
}

if (!customElements.get('sortable-table')) customElements.define('sortable-table', SortableTableElement);
