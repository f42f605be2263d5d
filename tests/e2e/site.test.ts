/**
 * The built site in Chromium: the home chart without JavaScript, an interaction that re-queries
 * DuckDB-WASM, URL state across a reload, accessibility (axe-core) on one page of each type,
 * phone-width layout, and screenshots in test-results/screenshots/ for a human to look at.
 *
 * Every page is opened through the harness, which aborts and records any request that leaves the
 * site's origin; each test ends by asserting there were none and that the console stayed clean.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openPage, startSite, type Site, type Watched } from './harness.ts';
import { DIST, REQUIRED_TYPES, isEmbed, onePagePerType, runAxe, serious } from './pages.ts';
import { PREFIXED_LOCALES } from '../../src/lib/i18n/locales.ts';
import { spec } from '../../src/charts/irregular-residence-comparison.ts';
import { parseState } from '../../src/lib/charts/url-state.ts';
import { runQueries } from '../../src/lib/charts/run.ts';
import { cellText } from '../../src/lib/charts/table.ts';
import { queryNode } from '../../src/lib/db/node.ts';

const SHOTS = path.resolve('test-results/screenshots');
const PAGES = onePagePerType();
let site: Site;
let origin: string;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  site = await startSite(DIST);
  origin = new URL(site.url).origin;
});
afterAll(async () => {
  await site?.close();
});

/** Clean console, nothing off the origin, and never DuckDB's extension host. */
function expectClean(w: Watched) {
  expect(w.consoleErrors, 'console errors').toEqual([]);
  expect(w.offOrigin, 'requests that left the origin').toEqual([]);
  const foreign = w.requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin);
  expect(foreign).toEqual([]);
  expect(w.requests.some((u) => /extensions\.duckdb\.org/.test(u))).toBe(false);
}

/** The chart SVG a reader sees (wide or narrow pre-render, or the live redraw). */
async function shownSvg(page: Page): Promise<string> {
  return page.evaluate(() => {
    const svgs = Array.from(document.querySelectorAll<SVGSVGElement>('chart-figure [data-plot] svg.chart-svg-plot, chart-figure [data-plot] .chart-svg--live svg'));
    const shown = svgs.find((s) => s.getBoundingClientRect().width > 0);
    return shown?.outerHTML ?? '';
  });
}

const texts = (svg: string, cls: string) =>
  [...svg.matchAll(new RegExp(`<g[^>]*aria-label="${cls}"[^>]*>([\\s\\S]*?)</g>`, 'g'))]
    .flatMap((m) => [...m[1].matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((t) => t[1]));

async function waitForState(page: Page, state: unknown) {
  await page.waitForFunction(
    (want) => {
      const el = document.querySelector('chart-figure');
      return !!el?.querySelector('.chart-svg--live svg') && el.getAttribute('data-state') === want;
    },
    JSON.stringify(state),
    { timeout: 90_000 },
  );
}

describe('home page without JavaScript', () => {
  it('shows the chart as SVG with axes, labels, annotations, summary, sources and table', async () => {
    const w = await openPage(site, '/', { javaScriptEnabled: false });
    const { page } = w;
    const svg = await shownSvg(page);
    expect(svg).toMatch(/^<svg/);
    // Axes with tick labels on both sides and the y label.
    expect(texts(svg, 'x-axis tick label').length).toBeGreaterThan(3);
    expect(texts(svg, 'y-axis tick label').length).toBeGreaterThan(3);
    expect(svg).toContain(spec.encodings.yLabel);
    // Direct labels of the lines drawn.
    const labels = await page.$$eval('chart-figure .chart-svg--wide svg g.chart-labels text', (ts) => ts.map((t) => t.textContent));
    expect(labels).toEqual(expect.arrayContaining(['Japan', 'South Korea']));
    // Annotation strips: regularizations as circles, rule changes as ticks, each with its title.
    for (const layer of spec.layers) expect(svg).toContain(layer.label.slice(0, 30));
    expect(await page.locator('chart-figure .chart-svg--wide svg .chart-events').count()).toBeGreaterThan(0);
    // Text alternative, sources and the data table are in the HTML.
    expect((await page.locator('[data-summary]').innerText()).length).toBeGreaterThan(40);
    expect(await page.locator('chart-figure a[href^="http"]').count()).toBeGreaterThan(3);
    expect(Number(await page.locator('[data-table-count]').first().innerText())).toBeGreaterThan(20);
    // Controls that need a script are hidden, not left inert.
    expect(await page.locator('form[data-controls]').isVisible()).toBe(false);
    await page.screenshot({ path: path.join(SHOTS, 'home-nojs-1280.png'), fullPage: false });
    expectClean(w);
    await w.context.close();
  });

  it('shows the narrow pre-render at 375 px', async () => {
    const w = await openPage(site, '/', { javaScriptEnabled: false, width: 375, height: 800 });
    const width = await w.page.evaluate(() => {
      const s = Array.from(document.querySelectorAll<SVGSVGElement>('svg.chart-svg-plot')).find((x) => x.getBoundingClientRect().width > 0);
      return s ? Math.round(s.getBoundingClientRect().width) : 0;
    });
    expect(width).toBeGreaterThan(300);
    expect(width).toBeLessThanOrEqual(375);
    expect(await w.page.locator('.chart-svg--narrow svg').isVisible()).toBe(true);
    await w.page.screenshot({ path: path.join(SHOTS, 'home-nojs-375.png'), fullPage: false });
    expectClean(w);
    await w.context.close();
  });
});

describe('home page interaction', () => {
  const after = parseState(spec, '?countries=KOR,ESP,ITA&scale=log');
  let w: Watched;

  it('loads no WASM and no Parquet before the first interaction', async () => {
    w = await openPage(site, '/');
    await w.page.waitForLoadState('networkidle');
    expect(w.requests.filter((u) => /\.(wasm|parquet)$/.test(u) || u.includes('/duckdb/'))).toEqual([]);
  });

  it('switches to log scale and redraws from the rows in hand', async () => {
    const { page } = w;
    const before = await shownSvg(page);
    await page.locator('input[name="scale"][value="log"]').check();
    await waitForState(page, { ...parseState(spec, ''), scale: 'log' });
    const now = await shownSvg(page);
    expect(now).not.toEqual(before);
    expect(texts(now, 'y-axis tick label')).not.toEqual(texts(before, 'y-axis tick label'));
    expect(page.url()).toContain('scale=log');
  });

  it('removes a country by querying DuckDB-WASM over Parquet from /data/', async () => {
    const { page } = w;
    await page.waitForFunction(() => document.querySelector<HTMLElement>('chart-figure')?.dataset.engineReadyMs, null, { timeout: 90_000 });
    const before = await shownSvg(page);
    await page.locator('input[name="countries"][value="JPN"]').uncheck();
    await waitForState(page, after);
    const now = await shownSvg(page);
    expect(now).not.toEqual(before);
    const labels = await page.$$eval('chart-figure .chart-svg--live svg g.chart-labels text', (ts) => ts.map((t) => t.textContent));
    expect(labels).not.toContain('Japan');
    expect(labels).toContain('South Korea');

    // The engine and the tables came from our own origin.
    const paths = w.requests.map((u) => new URL(u).pathname);
    // Engine files named by content hash (cached as immutable).
    expect(paths.filter((p) => /^\/duckdb\/duckdb-eh\.[0-9a-f]{10}\.wasm$/.test(p))).toHaveLength(1);
    expect(paths.filter((p) => /^\/duckdb\/duckdb-browser-eh\.[0-9a-f]{10}\.worker\.js$/.test(p))).toHaveLength(1);
    for (const t of spec.tables) expect(paths).toContain(`/data/${t}.parquet`);

    // The table shows exactly what the same SQL returns in Node over the same Parquet files.
    const expected = await runQueries(spec, after as Record<string, unknown>, (sql) => queryNode(sql, path.join(DIST, 'data')));
    const rows = await page.$$eval('chart-figure [data-table] tbody tr', (trs) => trs.map((tr) => Array.from(tr.children).map((td) => td.textContent ?? '')));
    expect(rows.length).toBe(expected.data.length);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows).toEqual(expected.data.map((r) => spec.table.map((c) => cellText(c, r))));
    expect(page.url()).toContain('countries=KOR,ESP,ITA');
  });

  it('shows a tooltip with the figure and its source on hover', async () => {
    const { page } = w;
    const point = page.locator('chart-figure .chart-svg--live svg [data-tip]').nth(3);
    await point.hover({ force: true });
    const tip = page.locator('[data-tooltip]');
    await tip.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await tip.innerText()).toMatch(/Source/);
  });

  it('restores the view from the URL after a reload', async () => {
    const { page } = w;
    await page.reload({ waitUntil: 'load' });
    await waitForState(page, after);
    expect(await page.locator('input[name="countries"][value="JPN"]').isChecked()).toBe(false);
    expect(await page.locator('input[name="countries"][value="KOR"]').isChecked()).toBe(true);
    expect(await page.locator('input[name="scale"][value="log"]').isChecked()).toBe(true);
    const labels = await page.$$eval('chart-figure .chart-svg--live svg g.chart-labels text', (ts) => ts.map((t) => t.textContent));
    expect(labels).not.toContain('Japan');
    await page.screenshot({ path: path.join(SHOTS, 'home-interactive-1280.png'), fullPage: false });
  });

  it('has no serious accessibility violations after the redraw', async () => {
    const v = serious(await runAxe(w.page));
    expect(v, JSON.stringify(v, null, 1)).toEqual([]);
  });

  it('kept the console clean and every request on the origin', async () => {
    expectClean(w);
    await w.context.close();
  });
});

describe('every page type', () => {
  it('includes the page types the site must have', () => {
    const types = PAGES.map((p) => p.type);
    for (const t of REQUIRED_TYPES) expect(types, `page type ${t} missing from ${DIST}`).toContain(t);
  });

  describe.each(PAGES)('$type ($path)', ({ path: sitePath }) => {
    // A translated page has its English twin's colours and layout: it is checked in light and at
    // 375 px, where longer words and CJK line breaking would show, and the English page covers
    // dark and 1280 px (keeps the browser tests within the CI budget).
    const translated = new RegExp(`^/(${PREFIXED_LOCALES.join('|')})/`).test(sitePath);
    it('has no serious or critical axe violations (light and dark)', async () => {
      for (const colorScheme of translated ? (['light'] as const) : (['light', 'dark'] as const)) {
        const w = await openPage(site, sitePath, { colorScheme });
        const v = serious(await runAxe(w.page));
        expect(v, `${colorScheme}: ${JSON.stringify(v, null, 1)}`).toEqual([]);
        expectClean(w);
        await w.context.close();
      }
    });

    it('fits 375 px without sideways scrolling; screenshots at 1280 and 375 px', async () => {
      const name = sitePath.replace(/^\/|\/$/g, '').replace(/[^a-z0-9.]+/gi, '-') || 'home';
      for (const width of translated ? [375] : [1280, 375]) {
        const w = await openPage(site, sitePath, { width, height: width === 375 ? 812 : 900 });
        // Patient on a loaded 2-core machine: these wait for the page, they measure nothing.
        await w.page.waitForLoadState('networkidle', { timeout: 120_000 });
        // first screen (what a reader sees on arrival) and the whole page
        await w.page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), timeout: 120_000 });
        if (!translated) await w.page.screenshot({ path: path.join(SHOTS, `${name}-${width}-full.png`), fullPage: true, timeout: 120_000 });
        const overflow = await w.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${sitePath} is ${overflow}px wider than a ${width}px window`).toBeLessThanOrEqual(0);
        if (!isEmbed(sitePath)) expect(await w.page.locator('h1').count(), 'one h1').toBe(1);
        expectClean(w);
        await w.context.close();
      }
    });
  });
});
