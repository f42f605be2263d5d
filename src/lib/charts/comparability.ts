/**
 * What the comparability note says, as data: one item per series (what it counts and leaves out,
 * its country notes and breaks) and a lead sentence separating official counts from estimates.
 * Built from the `meta` dataset (series table) and the drawn rows; rendered by
 * ComparabilityNote.astro at build time and by the browser after a re-query (client/note.ts).
 */
import type { Row } from './spec.ts';
import { tx, txn } from './locale.ts';

export interface NoteItem {
  seriesId: string;
  country: string;
  label: string;
  title: string;
  counts: string | null;
  excludes: string | null;
  notes: string[];
  breaks: { date: string; note: string }[];
  estimate: boolean;
}

function parseList<T>(v: unknown): T[] {
  if (typeof v !== 'string' || !v) return [];
  try {
    const x = JSON.parse(v);
    return Array.isArray(x) ? x : [];
  } catch {
    return [];
  }
}

export function noteItems(meta: Row[], data: Row[]): NoteItem[] {
  const countryOf = new Map<string, string>();
  const kindsOf = new Map<string, Set<string>>();
  for (const r of data) {
    const id = String(r.series_id);
    if (!countryOf.has(id)) countryOf.set(id, String(r.country_code));
    if (!kindsOf.has(id)) kindsOf.set(id, new Set());
    kindsOf.get(id)!.add(String(r.value_kind));
  }
  // Only series drawn in this view: a series with no rows here has nothing to compare.
  return meta.filter((m) => kindsOf.has(String(m.series_id))).map((m) => {
    const id = String(m.series_id);
    const notes = parseList<{ country_code: string; note: string }>(m.comparability_json);
    const country = countryOf.get(id) ?? (notes.length === 1 ? notes[0].country_code : '');
    return {
      seriesId: id,
      country,
      label: String(m.label ?? m.title),
      title: String(m.title ?? ''),
      counts: m.counts ? String(m.counts) : null,
      excludes: m.excludes ? String(m.excludes) : null,
      notes: notes.filter((n) => !country || n.country_code === country).map((n) => n.note),
      breaks: parseList<{ date: string; note: string }>(m.breaks_json),
      estimate: !(kindsOf.get(id)?.has('count') ?? false),
    };
  });
}

const list = (xs: string[]) => (xs.length < 2 ? xs.join('') : tx('{items} and {last}', { items: xs.slice(0, -1).join(tx(', ')), last: xs[xs.length - 1] }));

/** "Japan and South Korea: official counts (solid line). Italy (ISMU): a research estimate … " */
export function noteLead(items: NoteItem[]): string {
  const counts = items.filter((i) => !i.estimate).map((i) => i.label);
  const estimates = items.filter((i) => i.estimate).map((i) => i.label);
  const parts: string[] = [];
  if (counts.length) parts.push(counts.length > 1 ? tx('{names}: official counts (solid line).', { names: list(counts) }) : tx('{names}: an official count (solid line).', { names: list(counts) }));
  if (estimates.length) parts.push(estimates.length > 1 ? tx('{names}: research estimates (dashed line, range shaded).', { names: list(estimates) }) : tx('{names}: a research estimate (dashed line, range shaded).', { names: list(estimates) }));
  if (items.length > 1) parts.push(tx('They do not count the same people, so compare directions and turning points rather than levels.'));
  return parts.join(' ');
}

/** The heading of an item's details: "Comparability", and the number of breaks if any. */
export const noteDetailsSummary = (breaks: number): string =>
  breaks > 0 ? txn(breaks, 'Comparability and {n} break in the series', 'Comparability and {n} breaks in the series') : tx('Comparability');

/** Labels of an item's two lines. */
export const noteLabels = () => ({ counts: tx('Counts:'), excludes: tx('Leaves out:'), heading: tx('Before comparing these lines') });
