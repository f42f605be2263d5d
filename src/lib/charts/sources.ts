/**
 * The distinct sources behind the rows in view (for the source line under a chart). Rows follow
 * the tooltip column contract: source_publisher, source_title, source_url.
 */
import { tx, txn } from './locale.ts';
import type { ChartRows } from './spec.ts';

export interface SourceRef {
  publisher: string;
  title: string;
  url: string | null;
}

export function sourcesOf(rows: ChartRows, datasets: string[]): SourceRef[] {
  const seen = new Map<string, SourceRef>();
  for (const d of datasets) {
    for (const r of rows[d] ?? []) {
      const publisher = r.source_publisher == null ? '' : String(r.source_publisher);
      const title = r.source_title == null ? '' : String(r.source_title);
      if (!publisher && !title) continue;
      const url = typeof r.source_url === 'string' && /^https?:\/\//.test(r.source_url) ? r.source_url : null;
      const key = `${publisher}\u0000${title}\u0000${url}`;
      if (!seen.has(key)) seen.set(key, { publisher, title, url });
    }
  }
  return [...seen.values()].sort((a, b) => a.publisher.localeCompare(b.publisher) || a.title.localeCompare(b.title));
}

/** Datasets of a spec whose sources are listed: the lines, plus each event layer that is switched on. */
export function sourceDatasets(spec: { encodings: { dataset: string }; layers: { layer: string; dataset: string }[] }, state: { layers?: string[] }): string[] {
  return [spec.encodings.dataset, ...spec.layers.filter((l) => (state.layers ?? []).includes(l.layer)).map((l) => l.dataset)];
}

/**
 * One readable line of publishers: the most cited first, at most `max`, then "and N others"
 * (reposts make the full list long; every document is listed in the disclosure below it).
 */
export function publisherSummary(refs: SourceRef[], max = 4): string {
  const count = new Map<string, number>();
  for (const r of refs) count.set(r.publisher, (count.get(r.publisher) ?? 0) + 1);
  const ranked = [...count.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([p]) => p);
  if (ranked.length <= max) return ranked.join('; ');
  const rest = ranked.length - max;
  return txn(rest, '{items} and {n} other publisher', '{items} and {n} other publishers', { items: ranked.slice(0, max).join(tx('; ')) });
}
