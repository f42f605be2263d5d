/**
 * The maps page in a real browser (dist/ built): every country of the Europe map, small states
 * included, is reachable with the keyboard and named with its value; each links to its country
 * page; the year control redraws the map and lands in the URL; on a phone the map is a ranked list;
 * the embed of the map draws and follows its query string; no console errors, nothing off-origin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, startSite, type Site } from './harness.ts';
import { SMALL_STATES } from '../../src/lib/charts/kinds/choropleth.ts';

let site: Site;
beforeAll(async () => {
  site = await startSite();
}, 60_000);
afterAll(async () => {
  await site?.close();
});

const MAP = 'chart-figure[data-chart="europe-map"]';
/** The drawn map: the live redraw if there is one, else the wide pre-rendered SVG. */
const VISIBLE = `${MAP} .chart-svg--live svg, ${MAP} .chart-svg--wide svg`;

describe('Europe map', () => {
  it('reaches every country, small states included, by Tab, each named with its value and linked to its page', async () => {
    const w = await openPage(site, '/maps/', { width: 1280 });
    const { page } = w;
    const countries = await page.$$eval(`${MAP} .chart-svg--wide svg [data-tip]`, (els) =>
      els.map((e) => ({ tab: e.getAttribute('tabindex'), title: e.querySelector('title')?.textContent ?? '', href: e.getAttribute('href'), line: e.getAttribute('data-line') })),
    );
    expect(countries.length).toBeGreaterThanOrEqual(30);
    for (const c of countries) {
      expect(c.tab, c.title).toBe('0');
      expect(c.href, c.title).toMatch(/\/countries\/[a-z]{3}\/$/);
      expect(c.title).toMatch(/\d/);
    }
    const codes = new Set(countries.map((c) => c.line));
    for (const s of ['MLT', 'LUX', 'CYP', 'LIE']) expect(codes.has(s), s).toBe(true);
    // Small states are circles (the focusable mark), not slivers of land.
    const small = await page.$$eval(`${MAP} .chart-svg--wide svg .chart-map-small [data-tip]`, (els) => els.map((e) => e.getAttribute('data-line')));
    expect(small.filter((c) => (SMALL_STATES as readonly string[]).includes(c!)).length).toBeGreaterThanOrEqual(4);

    // Tab from the figure's heading through the map: every country gets focus in turn.
    await page.focus(`${MAP} .chart-svg--wide svg [data-tip]`);
    const seen = new Set<string>();
    for (let k = 0; k < countries.length + 2; k++) {
      const line = await page.evaluate(() => document.activeElement?.getAttribute('data-line') ?? null);
      if (line) seen.add(line);
      await page.keyboard.press('Tab');
    }
    expect(seen.size).toBe(codes.size);
    // Following a country goes to its page.
    await page.focus(`${MAP} .chart-svg--wide svg [data-line="MLT"]`);
    await Promise.all([page.waitForURL(/\/countries\/mlt\/$/), page.keyboard.press('Enter')]);
    expect(w.consoleErrors).toEqual([]);
    expect(w.offOrigin).toEqual([]);
    await w.context.close();
  }, 120_000);

  it('changes the year and the measure from the controls, with the view in the URL', async () => {
    const w = await openPage(site, '/maps/', { width: 1280 });
    const { page } = w;
    const titleOf = (code: string) => page.$eval(`${VISIBLE.split(', ').map((s) => `${s} [data-line="${code}"] title`).join(', ')}`, (t) => t.textContent);
    const before = await titleOf('DEU');
    expect(before).toContain('2023');
    await page.selectOption(`${MAP} select[name="year"]`, '2015');
    await page.waitForFunction(() => JSON.parse(document.querySelector<HTMLElement>('chart-figure[data-chart="europe-map"]')!.dataset.state!).year === '2015', null, { timeout: 120_000 });
    await page.waitForSelector(`${MAP} .chart-svg--live svg [data-line="DEU"]`, { timeout: 120_000 });
    const after = await page.$eval(`${MAP} .chart-svg--live svg [data-line="DEU"] title`, (t) => t.textContent);
    expect(after).toContain('2015');
    expect(after).not.toBe(before);
    expect(new URL(page.url()).searchParams.get('year')).toBe('2015');
    await page.locator(`${MAP} input[name="measure"][value="refused"]`).check();
    await page.waitForFunction(() => JSON.parse(document.querySelector<HTMLElement>('chart-figure[data-chart="europe-map"]')!.dataset.state!).measure === 'refused', null, { timeout: 120_000 });
    expect(new URL(page.url()).searchParams.get('measure')).toBe('refused');
    // The view survives a reload: the page draws the URL's year.
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector(`${MAP} .chart-svg--live svg [data-line="DEU"]`, { timeout: 120_000 });
    expect(await page.$eval(`${MAP} .chart-svg--live svg [data-line="DEU"] title`, (t) => t.textContent)).toContain('2015');
    expect(w.consoleErrors).toEqual([]);
    expect(w.offOrigin).toEqual([]);
    await w.context.close();
  }, 240_000);

  it('is a ranked list of countries on a phone, every bar a link', async () => {
    const w = await openPage(site, '/maps/', { width: 375 });
    const { page } = w;
    const bars = await page.$$eval(`${MAP} .chart-svg--narrow svg [data-tip]`, (els) =>
      els.map((e) => ({ h: e.getBoundingClientRect().height, href: e.getAttribute('href') ?? '' })),
    );
    expect(bars.length).toBeGreaterThanOrEqual(30);
    // Shown (a bar of 15 next to 263,670 is a hairline, so height, not width), each a country link.
    for (const b of bars) {
      expect(b.h, b.href).toBeGreaterThan(0);
      expect(b.href).toMatch(/\/countries\/[a-z]{3}\/$/);
    }
    // No map geometry in the phone view, and nothing wider than the screen.
    expect(await page.$$eval(`${MAP} .chart-svg--narrow svg path[d]`, (ps) => ps.filter((p) => (p.getAttribute('d') ?? '').length > 2000).length)).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await w.context.close();
  }, 60_000);
});

describe('embed of the map', () => {
  it('draws the map and follows its query string', async () => {
    const w = await openPage(site, '/embed/europe-map/?measure=permits&year=2016', { width: 800 });
    const { page } = w;
    await page.waitForFunction(() => JSON.parse(document.querySelector<HTMLElement>('chart-figure')!.dataset.state!).year === '2016', null, { timeout: 120_000 });
    await page.waitForSelector('chart-figure .chart-svg--live svg [data-line="DEU"]', { timeout: 120_000 });
    const t = await page.$eval('chart-figure .chart-svg--live svg [data-line="DEU"] title', (e) => e.textContent);
    expect(t).toContain('2016');
    expect(w.consoleErrors).toEqual([]);
    expect(w.offOrigin).toEqual([]);
    await w.context.close();
  }, 180_000);
});

describe('small multiples and world map', () => {
  it('switches the grid to one shared scale, and every programme circle links to its row', async () => {
    const w = await openPage(site, '/maps/?grid_y=shared', { width: 1280 });
    const { page } = w;
    await page.waitForFunction(() => JSON.parse(document.querySelector<HTMLElement>('chart-figure[data-chart="eu-apprehensions-grid"]')!.dataset.state!).y === 'shared', null, { timeout: 120_000 });
    const hrefs = await page.$$eval('chart-figure[data-chart="world-regularizations"] .chart-svg--wide svg [data-tip]', (els) => els.map((e) => e.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(20);
    expect(hrefs.every((h) => /\/regularizations\/#reg-[a-z]{3}-/.test(h ?? ''))).toBe(true);
    // The anchor exists on the regularizations page.
    const first = hrefs[0]!.split('#')[1];
    await page.goto(`${site.url}/regularizations/`);
    expect(await page.$(`[id="${first}"]`)).not.toBeNull();
    expect(w.consoleErrors).toEqual([]);
    await w.context.close();
  }, 180_000);

  it('country pages link to their place on the maps', async () => {
    const w = await openPage(site, '/countries/esp/', { width: 1280 });
    const links = await w.page.$$eval('a[href*="maps/#"]', (as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(expect.arrayContaining([expect.stringContaining('maps/#europe-map'), expect.stringContaining('maps/#core-small-multiples'), expect.stringContaining('maps/#world-regularizations')]));
    await w.context.close();
  }, 60_000);
});
