/**
 * Issue 11, repeat visit, in Chromium on the built site: the tables a chart decoded from Parquet
 * are kept (Arrow IPC, in Cache Storage, stamped with the data release), so the next visit in the
 * same browser neither fetches nor decodes them; a copy stamped with another release is not used
 * but decoded again and replaced. The SQL console reads its tables through the same cache, so a
 * table decoded on /sql/ is not decoded again by a chart, nor by the next visit to /sql/.
 * (src/lib/db/browser.ts leaves a mark `atlas-cached:<table>` or a measure `atlas-decode:<table>`
 * for each table it loads.)
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, startSite, type Site } from './harness.ts';
import { DIST } from './pages.ts';
import { CONSOLE_TABLES } from '../../src/lib/sql/seal.ts';

let site: Site;
beforeAll(async () => {
  site = await startSite(DIST);
});
afterAll(async () => {
  await site?.close();
});

const engineReady = (page: Page) =>
  page.waitForFunction(() => !!document.querySelector<HTMLElement>('chart-figure')?.dataset.engineReadyMs, null, { timeout: 180_000 });

/** Tables the page decoded and tables it took from the cache. */
const traces = (page: Page) =>
  page.evaluate(() => ({
    decoded: performance.getEntriesByType('measure').filter((m) => m.name.startsWith('atlas-decode:')).map((m) => m.name.slice(13)).sort(),
    cached: performance.getEntriesByType('mark').filter((m) => m.name.startsWith('atlas-cached:')).map((m) => m.name.slice(13)).sort(),
  }));

/** The cache's entries: URL → release stamp. */
const cached = (page: Page) =>
  page.evaluate(async () => {
    const c = await caches.open('atlas-tables');
    const out: Record<string, string | null> = {};
    for (const req of await c.keys()) out[new URL(req.url).pathname] = (await c.match(req))!.headers.get('x-atlas-release');
    return out;
  });

describe('repeat visit', () => {
  it('takes decoded tables from the cache, and decodes again a copy from another release', async () => {
    const w = await openPage(site, '/', { fastConnection: true });
    const { page } = w;
    const release = await page.textContent('span.release[data-release]');
    expect(release).toMatch(/^\d{4}\.\d{2}\.\d{2}-[0-9a-f]{8}$/);
    await engineReady(page);

    // First visit: every table fetched and decoded, then kept under this release.
    const first = await traces(page);
    expect(first.cached).toEqual([]);
    expect(first.decoded).toContain('observations');
    const parquet = (urls: string[]) => urls.filter((u) => u.endsWith('.parquet')).map((u) => new URL(u).pathname.replace(/^\/data\/|\.parquet$/g, '')).sort();
    expect(parquet(w.requests)).toEqual(first.decoded);
    await page.waitForFunction((n) => caches.open('atlas-tables').then((c) => c.keys()).then((k) => k.length >= n), first.decoded.length);
    const kept = await cached(page);
    expect(Object.keys(kept).sort()).toEqual(first.decoded.map((t) => `/data/${t}.parquet`));
    expect(new Set(Object.values(kept))).toEqual(new Set([release]));

    // Second visit, same browser: no table is fetched or decoded.
    w.requests.length = 0;
    await page.goto(site.url + '/', { waitUntil: 'load' });
    await engineReady(page);
    const second = await traces(page);
    expect(second.decoded).toEqual([]);
    expect(second.cached).toEqual(first.decoded);
    expect(parquet(w.requests)).toEqual([]);
    // And the chart still answers queries from those tables.
    await page.locator('input[name="countries"][value="JPN"]').uncheck();
    await page.waitForFunction(() => !JSON.parse(document.querySelector<HTMLElement>('chart-figure')!.dataset.state!).countries.includes('JPN'));

    // A copy stamped with another release (what the browser holds after the site publishes a new
    // one) is not used: the tables are fetched, decoded and stamped with the page's release again.
    await page.evaluate(async () => {
      const c = await caches.open('atlas-tables');
      for (const req of await c.keys()) {
        const res = (await c.match(req))!;
        await c.put(req, new Response(await res.arrayBuffer(), { headers: { 'x-atlas-release': '2001.01.01-00000000' } }));
      }
    });
    w.requests.length = 0;
    await page.goto(site.url + '/', { waitUntil: 'load' });
    await engineReady(page);
    const third = await traces(page);
    expect(third.cached).toEqual([]);
    expect(third.decoded).toEqual(first.decoded);
    expect(parquet(w.requests)).toEqual(first.decoded);
    await page.waitForFunction((r) => caches.open('atlas-tables').then(async (c) => (await Promise.all((await c.keys()).map((k) => c.match(k)))).every((x) => x!.headers.get('x-atlas-release') === r)), release);

    expect(w.consoleErrors).toEqual([]);
    expect(w.offOrigin).toEqual([]);
    await w.context.close();
  }, 600_000);

  it('SQL console: tables decoded on /sql/ serve the charts and the next visit to /sql/, which decodes nothing', async () => {
    const w = await openPage(site, '/sql/', { fastConnection: true });
    const { page } = w;
    const consoleReady = () => page.waitForSelector('sql-console[data-ready="true"]', { timeout: 180_000 });
    const parquet = () => w.requests.filter((u) => u.endsWith('.parquet')).map((u) => new URL(u).pathname).sort();
    const all: string[] = [...CONSOLE_TABLES].sort();
    await consoleReady();
    const first = await traces(page);
    expect(first.decoded).toEqual(all);
    expect(first.cached).toEqual([]);
    expect(parquet()).toEqual(all.map((t) => `/data/${t}.parquet`));
    await page.waitForFunction((n) => caches.open('atlas-tables').then((c) => c.keys()).then((k) => k.length >= n), all.length);

    // A chart page in the same browser takes the console's tables from the cache.
    w.requests.length = 0;
    await page.goto(site.url + '/', { waitUntil: 'load' });
    await engineReady(page);
    const home = await traces(page);
    expect(home.decoded).toEqual([]);
    expect(home.cached.length).toBeGreaterThan(0);
    expect(home.cached.every((t) => all.includes(t))).toBe(true);

    // The next visit to /sql/: ready without fetching or decoding a table, and it answers.
    w.requests.length = 0;
    await page.goto(site.url + '/sql/', { waitUntil: 'load' });
    await consoleReady();
    const second = await traces(page);
    expect(second.decoded).toEqual([]);
    expect(second.cached).toEqual(all);
    expect(parquet()).toEqual([]);
    await page.fill('[data-sql-text]', 'SELECT count(*) AS n FROM observations');
    await page.click('[data-sql-run]');
    await page.waitForFunction(() => !!document.querySelector<HTMLElement>('sql-console')!.dataset.outcome, null, { timeout: 60_000 });
    expect(await page.evaluate(() => document.querySelector<HTMLElement>('sql-console')!.dataset.outcome)).toBe('ok');
    expect(Number((await page.textContent('[data-sql-results] tbody td'))?.replace(/\D/g, ''))).toBeGreaterThan(1000);

    expect(w.consoleErrors).toEqual([]);
    expect(w.offOrigin).toEqual([]);
    await w.context.close();
  }, 600_000);
});
