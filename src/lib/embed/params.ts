/**
 * Embed URLs and snippets, shared by the embed pages (build time), the Embed button (browser) and
 * the tests. Pure and browser-safe: no zod, no Plot, no node: modules, so the button's script stays
 * a few hundred bytes.
 *
 * An embed URL is `<base>embed/<chart-id>/` (latest data) or `<base>embed/v/<release>/<chart-id>/`
 * (pinned to a frozen data release). The query string carries the chart state exactly like the full
 * chart page (`?countries=JPN,KOR&scale=log`), plus `theme=light|dark` (absent = follow the
 * reader's preference).
 */

/** How one state field is written in the query string (a subset of the spec's UrlField). */
export interface ParamField {
  key: string;
  param: string;
  type: 'list' | 'value';
}

export type Theme = 'auto' | 'light' | 'dark';
export const THEMES: readonly Theme[] = ['auto', 'light', 'dark'];

/** `?theme=` of a query string; anything else is `auto`. */
export function parseTheme(search: string | URLSearchParams): Theme {
  const v = (typeof search === 'string' ? new URLSearchParams(search) : search).get('theme');
  return v === 'light' || v === 'dark' ? v : 'auto';
}

/** The query-string text of each state field, written the way url-state.ts's writeState writes it. */
export function stateParams(fields: ParamField[], state: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    const v = state[f.key];
    if (v === undefined || v === null) continue;
    out[f.param] = Array.isArray(v) ? v.join(',') : String(v);
  }
  return out;
}

/**
 * True when a query string asks for a view other than the one pre-rendered: some chart parameter
 * is present with text different from the default's. Cheap on purpose (no schema): it decides
 * whether the page must load the chart code at all. A differently written but equal state (a
 * reordered list) counts as different; the schema parse that follows then finds it equal.
 */
export function differsFromDefault(search: string | URLSearchParams, defaults: Record<string, string>): boolean {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  return Object.entries(defaults).some(([name, value]) => params.has(name) && params.get(name) !== value);
}

/**
 * The query string for an embed of `state`: every chart parameter when the state differs from the
 * default (so the link keeps its meaning if defaults move), none when it equals the default (the
 * embed then needs no script beyond the height reporter), then `theme` when not auto.
 */
export function embedSearch(
  fields: ParamField[],
  state: Record<string, unknown>,
  defaults: Record<string, unknown>,
  theme: Theme = 'auto',
): string {
  const params = new URLSearchParams();
  const now = stateParams(fields, state);
  const base = stateParams(fields, defaults);
  if (fields.some((f) => now[f.param] !== base[f.param])) for (const [k, v] of Object.entries(now)) params.set(k, v);
  if (theme !== 'auto') params.set('theme', theme);
  // Lists read better with literal commas, which are valid in a query string.
  const s = params.toString().replaceAll('%2C', ',');
  return s ? `?${s}` : '';
}

/** Path of an embed page under the site base (`/` or `/sub/`). */
export function embedPath(base: string, chartId: string, release?: string | null, lang = ''): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  // `lang`: a language prefix (ja, ko…; empty for English). Pinned embeds are built in English only.
  const l = /^[a-z]{2}$/.test(lang) && lang !== 'en' ? `${lang}/` : '';
  return release ? `${b}embed/v/${encodeURIComponent(release)}/${encodeURIComponent(chartId)}/` : `${b}${l}embed/${encodeURIComponent(chartId)}/`;
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface SnippetOptions {
  /** Absolute URL of the embed page, query string included. */
  src: string;
  /** Absolute URL of the loader script (`<origin><base>embed.js`). */
  loader: string;
  /** Accessible name of the iframe (the chart title). */
  title: string;
  /** Height in CSS pixels used until the loader reports the real one, and without the loader. */
  height: number;
}

/**
 * The HTML a blogger pastes. The sandbox lets the embed run its own scripts as its own origin
 * (allow-same-origin on a page from another origin gives it no access to the host page) and open
 * the full chart in a new tab that is not sandboxed itself (allow-popups-to-escape-sandbox).
 */
export function embedSnippet(o: SnippetOptions): string {
  return (
    `<iframe src="${escapeAttr(o.src)}" data-atlas-embed title="${escapeAttr(o.title)}" loading="lazy" ` +
    `sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox" ` +
    `style="width:100%;border:0" height="${Math.round(o.height)}"></iframe>` +
    `<script async src="${escapeAttr(o.loader)}"></script>`
  );
}

/** The message an embed posts to its host page, and the one the loader sends to ask for it. */
export interface HeightMessage {
  type: 'atlas:height';
  /** The id the loader gave the iframe (or the embed's own path before the loader spoke). */
  id: string;
  height: number;
}
