/**
 * Rebuilds the comparability note (ComparabilityNote.astro's structure) after a re-query changed
 * which series are drawn. Text only, through textContent.
 */
import type { Row } from '../spec.ts';
import { formatFuzzyDate } from '../format.ts';
import { noteDetailsSummary, noteItems, noteLabels, noteLead } from '../comparability.ts';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

export function renderNote(root: HTMLElement, meta: Row[], data: Row[], palette: Record<string, { color: string }>) {
  const items = noteItems(meta, data);
  root.hidden = items.length === 0;
  const lead = root.querySelector('[data-note-lead]');
  if (lead) lead.textContent = noteLead(items);
  const ul = root.querySelector('[data-note-items]');
  if (!ul) return;
  ul.replaceChildren(
    ...items.map((i) => {
      const li = el('li');
      if (i.country) li.dataset.noteCountry = i.country;
      const title = el('p', 'item-title');
      if (palette[i.country]) {
        const sw = el('span', 'swatch');
        sw.setAttribute('aria-hidden', 'true');
        sw.style.setProperty('--swatch', palette[i.country].color);
        title.append(sw);
      }
      title.append(el('strong', undefined, i.label), ' ', el('span', 'muted', `— ${i.title}`));
      li.append(title);
      const labels = noteLabels();
      for (const [label, text] of [[labels.counts, i.counts], [labels.excludes, i.excludes]] as const) {
        if (!text) continue;
        const p = el('p');
        p.append(el('span', 'label', label), ` ${text}`);
        li.append(p);
      }
      if (i.notes.length || i.breaks.length) {
        const d = el('details');
        const n = i.breaks.length;
        d.append(el('summary', undefined, noteDetailsSummary(n)));
        for (const t of i.notes) d.append(el('p', undefined, t));
        if (n) {
          const b = el('ul', 'breaks');
          for (const br of i.breaks) {
            const bl = el('li');
            bl.append(el('span', 'label', `${formatFuzzyDate(br.date)}:`), ` ${br.note}`);
            b.append(bl);
          }
          d.append(b);
        }
        li.append(d);
      }
      return li;
    }),
  );
}
