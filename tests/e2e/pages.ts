/**
 * What the browser tests visit: the built site's pages, grouped by type (first path segment and
 * depth: `/countries/` and `/countries/jpn/` are two types), so "one page of each type" follows
 * the site as pages are added, and REQUIRED_TYPES fails loudly when a page type disappears.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { PREFIXED_LOCALES } from '../../src/lib/i18n/locales.ts';

export const DIST = path.resolve(process.env.E2E_DIST ?? 'dist');

/** Page types the site must have (type = first path segment + depth, see `typeOf`). */
export const REQUIRED_TYPES = [
  'home',
  'countries',
  'countries/*',
  'series',
  'series/*',
  'regularizations',
  'rule-changes',
  'maps',
  'explore',
  'data',
  'sql',
  'codebook',
  'changelog',
  'sources',
  'methodology',
  'stories',
  'stories/*',
  'embed/*',
  // embeds pinned to a data release: /embed/v/<release>/<chart>/
  'embed/*/*/*',
];

/** Every HTML page of the build as a site path (`/`, `/countries/jpn/`, `/404.html`). */
export function htmlPages(root = DIST): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) {
        if (name !== '_astro' && name !== 'duckdb') walk(full);
      } else if (name.endsWith('.html')) {
        const rel = path.relative(root, full).split(path.sep).join('/');
        out.push('/' + rel.replace(/(^|\/)index\.html$/, '$1'));
      }
    }
  };
  walk(root);
  return out;
}

/**
 * `home`, `countries`, `countries/*`, `embed/*`, `404.html` … in English; a translated page is the
 * same type with its language before a colon (`ja:home`, `ja:countries/*`), so "one page per type"
 * is one page per type per language.
 */
export function typeOf(sitePath: string): string {
  const all = sitePath.split('/').filter(Boolean);
  const lang = all.length > 0 && (PREFIXED_LOCALES as readonly string[]).includes(all[0]) ? all[0] : null;
  const parts = lang ? all.slice(1) : all;
  const type = parts.length === 0 ? 'home' : [parts[0], ...parts.slice(1).map(() => '*')].join('/');
  return lang ? `${lang}:${type}` : type;
}

/** Pages that stand for their type when they exist: the core countries and the headline chart, in every language. */
const PREFERRED = ['', ...PREFIXED_LOCALES.map((l) => `/${l}`)].flatMap((l) => [`${l}/countries/jpn/`, `${l}/series/jpn_overstayers/`, `${l}/embed/irregular-residence-comparison/`]);

/** One page of each type (a PREFERRED one, else the first in sorted order). Embed routes are tested too. */
export function onePagePerType(root = DIST): { type: string; path: string }[] {
  const seen = new Map<string, string>();
  const pages = htmlPages(root);
  for (const p of [...PREFERRED.filter((p) => pages.includes(p)), ...pages]) if (!seen.has(typeOf(p))) seen.set(typeOf(p), p);
  return [...seen].map(([type, p]) => ({ type, path: p })).sort((a, b) => a.path.localeCompare(b.path));
}

/** An embed page, in any language (`/embed/…`, `/ja/embed/…`). */
export const isEmbed = (sitePath: string) => new RegExp(`^/(?:(?:${PREFIXED_LOCALES.join('|')})/)?embed/`).test(sitePath);

export function fileOf(sitePath: string, root = DIST): string {
  const f = path.join(root, sitePath.endsWith('/') ? sitePath + 'index.html' : sitePath);
  if (!existsSync(f)) throw new Error(`${sitePath} is not in ${root}`);
  return f;
}

const require = createRequire(import.meta.url);
/** axe-core's browser bundle, injected with page.evaluate (see runAxe). */
export const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core on the page as served, CSP included. The site forbids inline scripts, so
 * `page.addScriptTag({ content })` would be blocked; page.evaluate runs the bundle through the
 * DevTools protocol, which CSP does not govern, and leaves the policy on for the page's own code
 * (no `bypassCSP`, so the test sees what readers see).
 */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)) }));
  });
  return result;
}

export const serious = (v: AxeViolation[]) => v.filter((x) => x.impact === 'serious' || x.impact === 'critical');
