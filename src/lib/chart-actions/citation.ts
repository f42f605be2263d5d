/**
 * Citation of a chart (or of the whole dataset) for a given data release, as one line of plain
 * text and as a BibTeX @misc entry with the same fields:
 *
 *   <title> [series: a, b]. Irregular Atlas, release <id> (<date>). Sources: <publishers>. <permalink>. Accessed <today>.
 *
 * Pure and browser-safe: the build renders it once for the view in the HTML, and the browser
 * recomputes it for the view on screen (state, rows, today's date, the page's address).
 */
import { tx } from '../charts/locale.ts';
import { publisherSummary, type SourceRef } from '../charts/sources.ts';

export const PROJECT = 'Irregular Atlas';
export const AUTHORS = 'Irregular Atlas contributors';

export interface CitationInput {
  /** Chart or series title. */
  title: string;
  /** Series shown (ids), named after the title. */
  series?: string[];
  /** Documents behind the values in view. */
  sources: SourceRef[];
  release: { id: string; date: string };
  permalink: string;
  /** Access date, YYYY-MM-DD. */
  accessed: string;
}

export interface Citation {
  text: string;
  bibtex: string;
}

/**
 * The sources as one phrase: each document (publisher, "title") when there are few; else the
 * publishers, most cited first, at most `maxPublishers`, then "and N other publishers" (charts
 * with markers cite a hundred documents; every one stays listed under the chart, at the permalink).
 */
export function sourcesPhrase(sources: SourceRef[], { maxDocuments = 3, maxPublishers = 8 } = {}): string {
  if (!sources.length) return tx('none listed');
  if (sources.length <= maxDocuments) return sources.map((s) => (s.title ? `${s.publisher}, "${s.title}"` : s.publisher)).join('; ');
  return publisherSummary(sources, maxPublishers);
}

const endStop = (s: string) => (/[.!?。．！？]$/.test(s) ? s : `${s}.`);

/** The chart title, then the titles of the series drawn (never internal ids, when a title is known). */
function titleWithSeries(title: string, series: string[] = []): string {
  const names = [...new Set(series)].filter(Boolean);
  return names.length ? tx('{title} [series: {names}]', { title, names: names.join(tx('; ')) }) : title;
}

export function citationText(c: CitationInput): string {
  return [
    endStop(titleWithSeries(c.title.trim(), c.series)),
    tx('{project}, release {id} ({date}).', { project: PROJECT, id: c.release.id, date: c.release.date }),
    endStop(tx('Sources: {sources}', { sources: sourcesPhrase(c.sources) })),
    endStop(c.permalink),
    tx('Accessed {date}.', { date: c.accessed }),
  ].join(' ');
}

/** Escapes text for a BibTeX field value (braces balanced, LaTeX specials quoted). */
export function bibtexEscape(s: string): string {
  // One pass, so the braces of one replacement are never escaped by the next.
  const map: Record<string, string> = { '\\': '\\textbackslash{}', '{': '\\{', '}': '\\}', '&': '\\&', '%': '\\%', $: '\\$', '#': '\\#', _: '\\_', '^': '\\^{}', '~': '\\~{}' };
  return s
    .replace(/[\\{}&%$#_^~]/g, (ch) => map[ch])
    .replace(/\s+/g, ' ')
    .trim();
}

/** URLs go in verbatim (biblatex `url` field); only characters that break the entry are encoded. */
const bibUrl = (u: string) => u.replace(/[{}\s\\]/g, (ch) => encodeURIComponent(ch));

/** Citation key: ascii letters, digits and underscores (`irregularatlas_<title-ish>_<release>`). */
export function citeKey(slug: string, releaseId: string): string {
  const clean = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return `irregularatlas_${clean(slug)}_${clean(releaseId)}`;
}

export function citationBibtex(c: CitationInput, key: string): string {
  const fields: [string, string][] = [
    ['author', `{${bibtexEscape(AUTHORS)}}`],
    ['title', `{${bibtexEscape(titleWithSeries(c.title.trim(), c.series))}}`],
    ['howpublished', bibtexEscape(`${PROJECT}, data release ${c.release.id} (${c.release.date})`)],
    ['organization', bibtexEscape(PROJECT)],
    ['year', c.release.date.slice(0, 4)],
    ['date', c.release.date],
    ['version', bibtexEscape(c.release.id)],
    ['url', bibUrl(c.permalink)],
    ['urldate', c.accessed],
    ['note', bibtexEscape(`${endStop(tx('Sources: {sources}', { sources: sourcesPhrase(c.sources) }))} ${tx('Accessed {date}.', { date: c.accessed })}`)],
  ];
  const width = Math.max(...fields.map(([k]) => k.length));
  return `@misc{${key},\n${fields.map(([k, v]) => `  ${k.padEnd(width)} = {${v}}`).join(',\n')}\n}\n`;
}

export function buildCitation(c: CitationInput, key: string): Citation {
  return { text: citationText(c), bibtex: citationBibtex(c, key) };
}
