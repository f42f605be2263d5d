/**
 * Looks at the built home page in Chromium the way a reader would, and checks the chart
 * machinery end to end. Not a vitest file: it needs a built site (`npm run build`), takes
 * screenshots for a person to look at, and prints measurements.
 *
 *   npx tsx tests/charts/check-site.ts [--dist dist] [--out test-results/chart-shots]
 *
 * Checks (exit code 1 if any fails):
 *  - without JavaScript, at 1280 and 375 px: the SVG with its line labels and the data table are
 *    in the page, the controls are hidden, no console error, no request off the origin;
 *  - with JavaScript: no .wasm and at most 30 KB (brotli) of script before the first interaction;
 *  - a control change redraws, writes the state to the URL, starts DuckDB-WASM from /duckdb/, and
 *    a reload restores the state; an unticked country disappears from the data table;
 *  - a garbage query string gives the default chart without errors;
 *  - Tab reaches a point and shows its tooltip.
 * Measurements: script bytes before interaction, time to first redraw, DuckDB ready time.
 */
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { serve } from '../../tools/serve.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const DIST = path.resolve(arg('dist', 'dist'));
const OUT = path.resolve(arg('out', 'test-results/chart-shots'));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

mkdirSync(OUT, { recursive: true });
const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  if (!ok) failures.push(what);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
};

const server = await serve({ root: DIST, port: 0 });
const origin = new URL(server.url).origin;
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });

interface Opened {
  ctx: BrowserContext;
  page: Page;
  errors: string[];
  off: string[];
  requests: string[];
}

async function open(width: number, js: boolean, query = '', scheme: 'light' | 'dark' = 'light'): Promise<Opened> {
  const ctx = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: js, colorScheme: scheme });
  const page = await ctx.newPage();
  // A reader who asked to save data: nothing but element.ts loads before intent (otherwise the
  // chart code, and on a fast connection the engine, load once the page is idle).
  await page.addInitScript(`Object.defineProperty(navigator, 'connection', { configurable: true, get: () => ({ saveData: true, effectiveType: '4g' }) })`);
  const o: Opened = { ctx, page, errors: [], off: [], requests: [] };
  page.on('console', (m) => m.type() === 'error' && o.errors.push(m.text()));
  page.on('pageerror', (e) => o.errors.push(String(e)));
  await ctx.route('**/*', (route) => {
    const u = route.request().url();
    o.requests.push(u);
    if (u.startsWith('data:') || u.startsWith('blob:') || new URL(u).origin === origin) return route.continue();
    o.off.push(u);
    return route.abort();
  });
  await page.goto(`${server.url}/${query}`, { waitUntil: 'load' });
  return o;
}

/** Brotli size of a file of the built site, as a host would serve it. */
function brotliBytes(urlPath: string): number {
  const file = path.join(DIST, decodeURIComponent(new URL(urlPath).pathname));
  return zlib.brotliCompressSync(readFileSync(file), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}

const measures: Record<string, unknown> = {};

// 1. No JavaScript.
for (const width of [1280, 375]) {
  const o = await open(width, false);
  const p = o.page;
  const svgVisible = await p.locator('.chart-svg svg.chart-svg-plot').filter({ visible: true }).count();
  const labels = await p.locator('.chart-svg svg .chart-labels text').filter({ visible: true }).allTextContents();
  check(svgVisible === 1, `${width}px no-JS: exactly one pre-rendered SVG visible (${svgVisible})`);
  check(labels.some((t) => t.includes('Japan')), `${width}px no-JS: lines labelled directly (${labels.join(' | ')})`);
  check(!(await p.locator('.chart-controls').isVisible()), `${width}px no-JS: inert controls hidden`);
  check((await p.locator('[data-table] tbody tr').count()) > 20, `${width}px no-JS: data table present`);
  check(o.errors.length === 0, `${width}px no-JS: no console errors ${o.errors.join('; ')}`);
  check(o.off.length === 0, `${width}px no-JS: no off-origin requests ${o.off.join(' ')}`);
  await p.screenshot({ path: `${OUT}/${width}-nojs.png`, fullPage: true });
  await p.screenshot({ path: `${OUT}/${width}-nojs-top.png`, clip: { x: 0, y: 0, width, height: 1200 }, fullPage: true });
  await o.ctx.close();
}

// 2. With JavaScript, before any interaction; then a control change.
for (const width of [1280, 375]) {
  const o = await open(width, true);
  const p = o.page;
  await p.waitForTimeout(500);
  const scripts = o.requests.filter((u) => /\.m?js(\?|$)/.test(u));
  const scriptBytes = scripts.reduce((n, u) => n + brotliBytes(u), 0);
  const wasm = o.requests.filter((u) => u.endsWith('.wasm'));
  measures[`${width}px scripts before interaction`] = scripts.map((u) => new URL(u).pathname);
  measures[`${width}px script bytes before interaction (brotli)`] = scriptBytes;
  check(wasm.length === 0, `${width}px: no WASM before interaction`);
  check(scriptBytes <= 30 * 1024, `${width}px: ${scriptBytes} B brotli of script before interaction (≤ 30 KB)`);
  await p.screenshot({ path: `${OUT}/${width}-js-top.png`, clip: { x: 0, y: 0, width, height: 1200 }, fullPage: true });

  const t0 = Date.now();
  await p.locator('input[name="scale"][value="log"]').check();
  await p.waitForSelector('.chart-svg--live', { timeout: 30_000 });
  measures[`${width}px first redraw after click (ms)`] = Date.now() - t0;
  await p.waitForFunction(() => document.querySelector('chart-figure')?.getAttribute('data-engine-ready-ms'), null, { timeout: 120_000 });
  measures[`${width}px DuckDB-WASM ready after first click (ms)`] = Number(await p.locator('chart-figure').getAttribute('data-engine-ready-ms'));
  check(o.requests.some((u) => /^\/duckdb\/duckdb-eh\.[0-9a-f]+\.wasm$/.test(u.slice(origin.length))), `${width}px: DuckDB-WASM loaded from /duckdb/`);
  check(p.url().includes('scale=log'), `${width}px: state written to the URL (${p.url().replace(origin, '')})`);

  const t1 = Date.now();
  await p.locator('input[name="countries"][value="KOR"]').uncheck();
  await p.waitForFunction(() => !document.querySelector('[data-table] tbody')?.textContent?.includes('South Korea'), null, { timeout: 30_000 });
  measures[`${width}px re-query and redraw (ms)`] = Date.now() - t1;
  check(!p.url().includes('KOR'), `${width}px: unticked country left the URL`);
  await p.waitForFunction(() => document.querySelector('[data-status]')?.hasAttribute('hidden'), null, { timeout: 30_000 });
  await p.screenshot({ path: `${OUT}/${width}-after-click.png`, fullPage: true });

  await p.reload({ waitUntil: 'load' });
  await p.waitForSelector('.chart-svg--live', { timeout: 60_000 });
  const restored = await p.evaluate(() => ({
    log: (document.querySelector('input[name="scale"][value="log"]') as HTMLInputElement).checked,
    kor: (document.querySelector('input[name="countries"][value="KOR"]') as HTMLInputElement).checked,
  }));
  check(restored.log && !restored.kor, `${width}px: reload restores the state from the URL`);
  check(o.errors.length === 0, `${width}px JS: no console errors ${o.errors.join('; ')}`);
  check(o.off.length === 0, `${width}px JS: no off-origin requests ${o.off.join(' ')}`);
  await o.ctx.close();
}

// 3. Garbage in the query string.
{
  const o = await open(1280, true, '?countries=%3Cscript%3E,XX&scale=cubic&mode=1&from=abc&to=99999&layers=zz');
  await o.page.waitForSelector('.chart-svg--live', { timeout: 60_000 });
  const all = await o.page.locator('input[name="countries"]:checked').count();
  check(all === 4, 'garbage query string: default countries');
  check(o.errors.length === 0, `garbage query string: no console errors ${o.errors.join('; ')}`);
  await o.ctx.close();
}

// 4. Keyboard: Tab to the first point of a line shows its tooltip.
{
  const o = await open(1280, true);
  const p = o.page;
  let focusedTip = false;
  for (let i = 0; i < 40 && !focusedTip; i++) {
    await p.keyboard.press('Tab');
    focusedTip = await p.evaluate(() => !!document.activeElement?.closest('[data-tip]'));
  }
  await p.waitForTimeout(300);
  const tip = p.locator('[data-tooltip]');
  check(focusedTip && (await tip.isVisible()), 'keyboard: Tab reaches a point and its tooltip shows');
  await p.keyboard.press('ArrowRight');
  await p.waitForTimeout(100);
  const text = await tip.textContent();
  check(!!text && /Source/.test(text), `keyboard: arrow moves to the next point (${text?.slice(0, 60)}…)`);
  const box = (await p.locator('.chart-plot').boundingBox())!;
  await p.screenshot({ path: `${OUT}/1280-keyboard-tooltip.png`, clip: { x: 0, y: box.y - 10, width: 1280, height: box.height + 20 } });
  await o.ctx.close();
}

// 5. Dark scheme, for a person to look at.
{
  const o = await open(1280, true, '', 'dark');
  await o.page.screenshot({ path: `${OUT}/1280-dark.png`, clip: { x: 0, y: 0, width: 1280, height: 1200 }, fullPage: true });
  await o.ctx.close();
}

await browser.close();
await server.close();
console.log(JSON.stringify(measures, null, 2));
console.log(`screenshots in ${OUT}`);
if (failures.length) {
  console.log(`${failures.length} check(s) failed`);
  process.exit(1);
}
