/**
 * The site in Japanese, Korean, Spanish and Italian, in Chromium: for each language the home page,
 * a country page and an embed carry `lang`, hreflang alternates for every language and a switcher
 * that keeps the view's query string; the headline chart's own SVG names the countries in that
 * language (names from the countries table); no English interface text is left on the page (the
 * English catalog and chart dictionary are the list of what to look for); and the embed links back
 * to the full chart in the same language. Axe runs on one page per type per language in site.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, startSite, type Site } from './harness.ts';
import { DIST } from './pages.ts';
import { LOCALES, PREFIXED_LOCALES, type Locale } from '../../src/lib/i18n/locales.ts';
import { CATALOGS } from '../../src/lib/i18n/messages.ts';
import { CHART_TEXT } from '../../src/lib/i18n/chart-text/index.ts';
import { queryNode } from '../../src/lib/db/node.ts';
import { CORE_COUNTRIES } from '../../src/lib/domain/countries.ts';

let site: Site;
let names: Map<string, Record<string, string>>;

beforeAll(async () => {
  site = await startSite(DIST);
  const rows = await queryNode(`SELECT country_code, name_en, name_ja, name_ko, name_es, name_it FROM countries`);
  names = new Map(rows.map((r) => [String(r.country_code), { en: String(r.name_en), ja: String(r.name_ja), ko: String(r.name_ko), es: String(r.name_es), it: String(r.name_it) }]));
});
afterAll(async () => {
  await site?.close();
});

/**
 * English interface text that must not show on a translated page: every English catalog message and
 * chart-dictionary key (placeholders and tags dropped), long enough to be a phrase, whose
 * translation differs from it.
 */
function englishPhrases(locale: Locale): string[] {
  const strip = (s: string) => s.replace(/<\/?[a-z]+>/g, '').replace(/\{[^{}]*\}/g, '').trim();
  const fromCatalog = Object.entries(CATALOGS.en)
    .filter(([k, v]) => CATALOGS[locale][k as keyof typeof CATALOGS.en] !== v && !v.includes('plural'))
    .map(([, v]) => v);
  const fromCharts = Object.entries(CHART_TEXT[locale])
    .filter(([en, tr]) => en !== tr)
    .map(([en]) => en);
  const brand = CATALOGS.en['site.name'];
  return [...new Set([...fromCatalog, ...fromCharts].map(strip))].filter((s) => s.length >= 14 && !/[{}]/.test(s) && s !== brand);
}

/**
 * English interface text found on the page: a text node that is one of the phrases (labels,
 * headings, buttons), or holds a long one (sentences). A source's own title may quote a short
 * phrase ("Special permission to stay in Japan…"); it is data, in its own language.
 */
function leaks(texts: string[], phrases: string[]): string[] {
  const bare = (t: string) => t.replace(/[\s:：.。,、]+$/u, '').trim();
  const nodes = new Set(texts.map(bare));
  const joined = texts.join('\n');
  return phrases.filter((p) => nodes.has(bare(p)) || (p.length >= 40 && joined.includes(p)));
}

/** Visible text of the page outside parts marked as another language (`lang="en"` notes, source titles). */
async function visibleText(page: import('playwright-core').Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('[lang]:not(html)')?.getAttribute('lang') === 'en') continue;
      if (el.closest('script, style, textarea, [hidden], .visually-hidden') || !n.textContent?.trim()) continue;
      out.push(n.textContent.trim());
    }
    return out;
  });
}

for (const locale of PREFIXED_LOCALES) {
  describe(`${locale}: home, country page and embed`, () => {
    it('home: lang, alternates, switcher keeping the view, chart SVG in the language, no English interface text', async () => {
      const w = await openPage(site, `/${locale}/?scale=log`);
      const { page } = w;
      expect(await page.getAttribute('html', 'lang')).toBe(locale);
      const alternates = await page.$$eval('link[rel="alternate"][hreflang]', (ls) => ls.map((l) => [l.getAttribute('hreflang'), new URL((l as HTMLLinkElement).href).pathname]));
      expect(alternates).toEqual(expect.arrayContaining([...LOCALES.map((l) => [l, l === 'en' ? '/' : `/${l}/`]), ['x-default', '/']]));
      // The switcher keeps the query string: the same view in another language.
      const toEnglish = await page.getAttribute('a[data-lang-switch][hreflang="en"]', 'href');
      expect(toEnglish).toBe('/?scale=log');
      // The headline chart's own SVG names the core countries in this language.
      const svgText = await page.$eval('chart-figure .chart-svg--wide svg', (s) => s.textContent ?? '');
      for (const c of CORE_COUNTRIES) expect(svgText, `${c} in ${locale}`).toContain(names.get(c)![locale]);
      expect(svgText).not.toContain('South Korea');
      expect(leaks(await visibleText(page), englishPhrases(locale))).toEqual([]);
      expect(w.offOrigin).toEqual([]);
      await w.context.close();
    });

    it('country page: localized name and chart titles, internal links stay in the language', async () => {
      const w = await openPage(site, `/${locale}/countries/jpn/`);
      const { page } = w;
      expect(await page.getAttribute('html', 'lang')).toBe(locale);
      expect((await page.locator('h1').innerText()).trim()).toBe(names.get('JPN')![locale]);
      const titles = await page.$$eval('chart-figure .chart-title', (hs) => hs.map((h) => h.textContent ?? ''));
      expect(titles.length).toBeGreaterThan(1);
      for (const t of titles) expect(t).not.toMatch(/People without legal residence|Regularization programmes in|Rule changes in/);
      expect(leaks(await visibleText(page), englishPhrases(locale))).toEqual([]);
      // Links to pages that exist in the language keep it.
      const hrefs = await page.$$eval('main a[href^="/"]', (as) => as.map((a) => a.getAttribute('href') ?? ''));
      expect(hrefs.some((h) => h.startsWith(`/${locale}/series/`))).toBe(true);
      expect(hrefs.filter((h) => h.startsWith('/countries/') || h.startsWith('/series/'))).toEqual([]);
      expect(w.offOrigin).toEqual([]);
      await w.context.close();
    });

    it('embed: lang, chart in the language, link back to the same language', async () => {
      const w = await openPage(site, `/${locale}/embed/irregular-residence-comparison/`);
      const { page } = w;
      expect(await page.getAttribute('html', 'lang')).toBe(locale);
      const svgText = await page.$eval('chart-figure .chart-svg--wide svg', (s) => s.textContent ?? '');
      expect(svgText).toContain(names.get('JPN')![locale]);
      const back = await page.getAttribute('a[data-embed-link]', 'href');
      expect(new URL(back!, site.url).pathname).toBe(`/${locale}/`);
      expect(leaks(await visibleText(page), englishPhrases(locale))).toEqual([]);
      expect(w.offOrigin).toEqual([]);
      await w.context.close();
    });
  });
}

describe('the English site is unchanged', () => {
  it('keeps its URLs and its language, and lists its translations', async () => {
    const w = await openPage(site, '/countries/jpn/');
    expect(await w.page.getAttribute('html', 'lang')).toBe('en');
    expect((await w.page.locator('h1').innerText()).trim()).toBe('Japan');
    const langs = await w.page.$$eval('link[rel="alternate"][hreflang]', (ls) => ls.map((l) => l.getAttribute('hreflang')));
    expect(langs).toEqual(expect.arrayContaining([...LOCALES, 'x-default']));
    await w.context.close();
  });
});
