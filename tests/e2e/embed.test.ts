/**
 * Embeds in a real browser, framed by a page on another origin.
 *
 * The built site (dist/, or E2E_DIST) is served on 127.0.0.1:<port>; host pages written for the
 * test (tests/fixtures/embed/host.html with the snippets filled in) are served by a second server
 * and opened as http://localhost:<port>, so framing, postMessage origins and sandboxing are real
 * cross-site conditions. Every request is routed: anything that is neither of the two origins is
 * recorded and aborted. Console errors of the host page and of every frame are collected.
 *
 * Checks: two embeds at 320, 768 and 1280 px each sized to their content within 2 px, after a
 * width change too; a sandbox with allow-scripts only; the default height without the loader;
 * themes; the Embed button's snippet for the current view (and pinned); bytes before interaction;
 * a pinned embed's re-render reads only its frozen release and draws its numbers. Screenshots go
 * to test-results/screenshots/embed-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { serve } from '../../tools/serve.ts';
import { CHROMIUM, CHROMIUM_ARGS } from './harness.ts';
import { embedSnippet } from '../../src/lib/embed/params.ts';
import { spec } from '../../src/charts/irregular-residence-comparison.ts';
import { prepareChart } from '../../src/lib/charts/prepare-node.ts';

const DIST = path.resolve(process.env.E2E_DIST ?? 'dist');
const SHOTS = path.resolve('test-results/screenshots');
const FIXTURE = readFileSync(path.resolve('tests/fixtures/embed/host.html'), 'utf8');
const CHART = spec.id;
const STATE_QUERY = '?countries=JPN,KOR&scale=log&from=1995';
const WIDTHS = [320, 768, 1280];
/** First frozen release in the build, if any (pinned routes exist only for frozen releases). */
// The release the Embed button pins to: the latest frozen one, when the build has its embeds.
const LATEST = (JSON.parse(readFileSync(path.resolve('data/releases/index.json'), 'utf8')) as { latest: string | null }).latest;
const PINNED = LATEST && existsSync(path.join(DIST, 'embed/v', LATEST)) ? LATEST : null;

let site: { url: string; close(): Promise<void> };
let host: { url: string; close(): Promise<void> };
let hostDir: string;
let siteOrigin: string;
let hostOrigin: string;
let browser: Browser;
/** The default height the site's Embed button writes (read from the built home page). */
let defaultHeight: number;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  site = await serve({ root: DIST, port: 0 });
  siteOrigin = new URL(site.url).origin;
  hostDir = mkdtempSync(path.join(tmpdir(), 'embed-host-'));
  host = await serve({ root: hostDir, port: 0 });
  // Same machine, another site: "localhost" vs "127.0.0.1".
  hostOrigin = new URL(host.url).origin.replace('127.0.0.1', 'localhost');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const home = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  defaultHeight = Number(/<embed-button[^>]*data-height="(\d+)"/.exec(home)?.[1] ?? NaN);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await host?.close();
  if (hostDir) rmSync(hostDir, { recursive: true, force: true });
});

interface EmbedSpec {
  /** Path and query on the site, e.g. `/embed/<chart>/?scale=log`. */
  src: string;
  sandbox?: string;
  loader?: boolean;
}

/** Writes a host page with the given embeds (snippets exactly as the Embed button writes them). */
function writeHost(name: string, embeds: EmbedSpec[], scheme = 'light dark'): string {
  const html = embeds.map((e) => {
    let s = embedSnippet({ src: site.url + e.src, loader: `${site.url}/embed.js`, title: spec.title, height: defaultHeight });
    if (e.sandbox !== undefined) s = s.replace(/sandbox="[^"]*"/, `sandbox="${e.sandbox}"`);
    if (e.loader === false) s = s.replace(/<script[^>]*><\/script>/, '');
    return s;
  });
  const page = FIXTURE.replaceAll('{{THEME}}', scheme)
    .replace('{{EMBED_1}}', html[0] ?? '')
    .replace('{{EMBED_2}}', html[1] ?? '');
  writeFileSync(path.join(hostDir, `${name}.html`), page);
  return `${hostOrigin}/${name}.html`;
}

interface Watched {
  page: Page;
  context: BrowserContext;
  consoleErrors: string[];
  offOrigin: string[];
  requests: string[];
}

async function open(url: string, opts: { width?: number; height?: number; colorScheme?: 'light' | 'dark' } = {}): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: opts.width ?? 1280, height: opts.height ?? 900 }, colorScheme: opts.colorScheme ?? 'light' });
  const page = await context.newPage();
  const w: Watched = { page, context, consoleErrors: [], offOrigin: [], requests: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') w.consoleErrors.push(`${m.location().url}: ${m.text()}`);
  });
  page.on('pageerror', (e) => w.consoleErrors.push(String(e)));
  await context.route('**/*', (route) => {
    const u = route.request().url();
    w.requests.push(u);
    if (u.startsWith('data:') || u.startsWith('blob:')) return route.continue();
    const o = new URL(u).origin;
    if (o === siteOrigin || o === hostOrigin) return route.continue();
    w.offOrigin.push(u);
    return route.abort();
  });
  await page.goto(url, { waitUntil: 'load' });
  return w;
}

function expectClean(w: Watched) {
  expect(w.consoleErrors, 'console errors').toEqual([]);
  expect(w.offOrigin, 'requests that left the two origins').toEqual([]);
}

async function frameOf(page: Page, i: number): Promise<Frame> {
  const handle = await page.locator('iframe').nth(i).elementHandle();
  for (let t = 0; t < 100; t++) {
    const f = await handle!.contentFrame();
    if (f && f.url().startsWith(siteOrigin)) return f;
    await page.waitForTimeout(100);
  }
  throw new Error(`iframe ${i} did not load`);
}

interface Measure {
  iframe: number;
  content: number;
  id: string | null;
}

/**
 * Scrolls each embed into view (Chromium pauses rendering in cross-origin frames off screen, as a
 * reader's browser does), waits until a requested view is drawn and the frame height has settled,
 * and returns the iframe's height next to its content's.
 */
async function settle(page: Page): Promise<Measure[]> {
  const n = await page.locator('iframe').count();
  const out: Measure[] = [];
  for (let i = 0; i < n; i++) {
    const el = page.locator('iframe').nth(i);
    await el.scrollIntoViewIfNeeded();
    const frame = await frameOf(page, i);
    await frame.waitForSelector('[data-embed-root]');
    await frame.waitForFunction(() => !document.querySelector('[data-embed-pending]') || document.querySelector('[data-status-text]')?.textContent?.startsWith('Could not'), null, { timeout: 90_000 });
    let m: Measure = { iframe: 0, content: -1, id: null };
    for (let t = 0; t < 60; t++) {
      await el.scrollIntoViewIfNeeded();
      const content = await frame.evaluate(() => document.querySelector('[data-embed-root]')!.getBoundingClientRect().height);
      const box = await el.boundingBox();
      m = { iframe: box?.height ?? 0, content, id: await el.getAttribute('data-atlas-id') };
      if (Math.abs(m.iframe - m.content) <= 2) break;
      await page.waitForTimeout(100);
    }
    out.push(m);
  }
  return out;
}

async function shot(page: Page, name: string) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const vp = page.viewportSize()!;
  await page.setViewportSize({ width: vp.width, height: Math.min(height, 4000) });
  await page.waitForTimeout(500);
  await settle(page);
  await page.screenshot({ path: path.join(SHOTS, `embed-${name}.png`) });
  await page.setViewportSize(vp);
}

describe('two embeds on a host page on another site', () => {
  for (const width of WIDTHS) {
    it(`each iframe matches its content within 2 px at ${width} px`, async () => {
      const url = writeHost('two', [{ src: `/embed/${CHART}/` }, { src: `/embed/${CHART}/${STATE_QUERY}` }]);
      const w = await open(url, { width });
      const m = await settle(w.page);
      for (const x of m) expect(Math.abs(x.iframe - x.content), JSON.stringify(m)).toBeLessThanOrEqual(2);
      // the view asked for is drawn (live), not the default pre-render
      const second = await frameOf(w.page, 1);
      expect(await second.locator('.chart-svg--live svg').count()).toBe(1);
      expect(JSON.parse((await second.locator('chart-figure').getAttribute('data-state'))!)).toMatchObject({ countries: ['JPN', 'KOR'], scale: 'log', from: 1995 });
      // one id per iframe
      expect(new Set(m.map((x) => x.id)).size).toBe(2);
      await shot(w.page, `two-light-${width}`);
      expectClean(w);
      await w.context.close();
    });
  }

  for (const width of WIDTHS) {
    it(`follows the reader's dark preference at ${width} px`, async () => {
      const url = writeHost('two', [{ src: `/embed/${CHART}/` }, { src: `/embed/${CHART}/${STATE_QUERY}` }]);
      const w = await open(url, { width, colorScheme: 'dark' });
      const m = await settle(w.page);
      for (const x of m) expect(Math.abs(x.iframe - x.content)).toBeLessThanOrEqual(2);
      const bg = await (await frameOf(w.page, 0)).evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(bg).toBe('rgb(20, 20, 20)');
      await shot(w.page, `two-dark-${width}`);
      expectClean(w);
      await w.context.close();
    });
  }

  it('re-sizes both iframes when the page width changes', async () => {
    const url = writeHost('two', [{ src: `/embed/${CHART}/` }, { src: `/embed/${CHART}/${STATE_QUERY}` }]);
    const w = await open(url, { width: 1280 });
    const wide = await settle(w.page);
    await w.page.setViewportSize({ width: 320, height: 900 });
    const narrow = await settle(w.page);
    for (const x of narrow) expect(Math.abs(x.iframe - x.content)).toBeLessThanOrEqual(2);
    expect(narrow[0].iframe).not.toBe(wide[0].iframe);
    await w.page.setViewportSize({ width: 768, height: 900 });
    for (const x of await settle(w.page)) expect(Math.abs(x.iframe - x.content)).toBeLessThanOrEqual(2);
    expectClean(w);
    await w.context.close();
  });
});

describe('sandbox and fallbacks', () => {
  it('works in an iframe sandboxed with allow-scripts only (opaque origin)', async () => {
    const url = writeHost('sandboxed', [
      { src: `/embed/${CHART}/`, sandbox: 'allow-scripts' },
      { src: `/embed/${CHART}/${STATE_QUERY}`, sandbox: 'allow-scripts' },
    ]);
    const w = await open(url, { width: 768 });
    const m = await settle(w.page);
    for (const x of m) expect(Math.abs(x.iframe - x.content)).toBeLessThanOrEqual(2);
    const second = await frameOf(w.page, 1);
    expect(await second.evaluate(() => self.origin)).toBe('null');
    // the requested view is drawn by the engine started from a blob worker
    expect(await second.locator('.chart-svg--live svg').count()).toBe(1);
    await shot(w.page, 'sandboxed-768');
    expectClean(w);
    await w.context.close();
  });

  for (const width of WIDTHS) {
    it(`without the loader the default height shows the whole embed at ${width} px`, async () => {
      const url = writeHost('noloader', [{ src: `/embed/${CHART}/`, loader: false }]);
      const w = await open(url, { width });
      await w.page.waitForTimeout(300);
      const frame = await frameOf(w.page, 0);
      await frame.waitForSelector('[data-embed-root]');
      const box = await w.page.locator('iframe').boundingBox();
      expect(box!.height).toBe(defaultHeight);
      const content = await frame.evaluate(() => document.querySelector('[data-embed-root]')!.getBoundingClientRect().height);
      expect(content).toBeLessThanOrEqual(defaultHeight);
      // no more than a modest empty band under the footer
      expect(defaultHeight - content).toBeLessThan(0.3 * defaultHeight);
      expectClean(w);
      await w.context.close();
    });
  }
});

describe('themes', () => {
  const bg = (w: Watched) => w.page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  it('?theme=dark and ?theme=light override the reader preference', async () => {
    let w = await open(`${site.url}/embed/${CHART}/?theme=dark`, { colorScheme: 'light' });
    expect(await bg(w)).toBe('rgb(20, 20, 20)');
    await w.context.close();
    w = await open(`${site.url}/embed/${CHART}/?theme=light`, { colorScheme: 'dark' });
    expect(await bg(w)).toBe('rgb(255, 255, 255)');
    expectClean(w);
    await w.context.close();
  });

  it('follows a host page that declares a dark colour scheme', async () => {
    const url = writeHost('darkhost', [{ src: `/embed/${CHART}/` }], 'dark');
    const w = await open(url, { colorScheme: 'light', width: 768 });
    await settle(w.page);
    const frame = await frameOf(w.page, 0);
    await frame.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    expect(await frame.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(20, 20, 20)');
    expectClean(w);
    await w.context.close();
  });
});

describe('budget', () => {
  const paths = [`/embed/${CHART}/`, ...(PINNED ? [`/embed/v/${PINNED}/${CHART}/`] : [])];
  for (const p of paths) {
    it(`${p} transfers at most 60 KB before any interaction, no WASM, no Parquet`, async () => {
      const w = await open(`${site.url}${p}`, { width: 768 });
      await w.page.waitForLoadState('networkidle');
      const bytes = await w.page.evaluate(() =>
        [performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')].reduce(
          (s, e) => s + (e as PerformanceResourceTiming).transferSize,
          0,
        ),
      );
      expect(bytes).toBeGreaterThan(1000);
      expect(bytes).toBeLessThanOrEqual(60 * 1024);
      expect(w.requests.filter((u) => /\.(wasm|parquet)$/.test(u) || u.includes('/duckdb/'))).toEqual([]);
      expectClean(w);
      await w.context.close();
    });
  }
});

describe('a view that changes no query', () => {
  it('is redrawn from the rows in the page, without the query engine or any data file', async () => {
    const w = await open(`${site.url}/embed/${CHART}/?scale=log&mode=indexed&layers=reg`, { width: 768 });
    await w.page.waitForSelector('.chart-svg--live svg', { timeout: 60_000 });
    await w.page.waitForLoadState('networkidle');
    expect(JSON.parse((await w.page.locator('chart-figure').getAttribute('data-state'))!)).toMatchObject({ scale: 'log', mode: 'indexed', layers: ['reg'] });
    expect(w.requests.filter((u) => /\.(wasm|parquet)$/.test(u) || u.includes('/duckdb/'))).toEqual([]);
    expect(await w.page.locator('[data-embed-pending]').count()).toBe(0);
    expectClean(w);
    await w.context.close();
  });
});

describe('Embed button', () => {
  it('gives the snippet of the view on screen, pinned on request, and that snippet works', async () => {
    const w = await open(`${site.url}/`, { width: 1280 });
    const code = w.page.locator('[data-embed-code]').first();
    await w.page.locator('embed-button summary').first().click();
    expect(await code.inputValue()).toContain(`${siteOrigin}/embed/${CHART}/"`);
    await w.page.locator('input[name="scale"][value="log"]').check();
    await w.page.waitForFunction(() => (document.querySelector('[data-embed-code]') as HTMLTextAreaElement).value.includes('scale=log'), null, { timeout: 90_000 });
    const snippet = await code.inputValue();
    expect(snippet).toMatch(/data-atlas-embed/);
    expect(snippet).toContain(`<script async src="${siteOrigin}/embed.js"></script>`);
    const pin = w.page.locator('[data-embed-pin]').first();
    if (PINNED && (await pin.isEnabled())) {
      await pin.check();
      expect(await code.inputValue()).toContain(`/embed/v/${PINNED}/${CHART}/?`);
      await pin.uncheck();
    }
    await w.page.locator('[data-embed-theme]').first().selectOption('dark');
    expect(await code.inputValue()).toContain('theme=dark');
    await w.page.locator('[data-embed-theme]').first().selectOption('auto');
    expectClean(w);
    await w.context.close();

    // The copied snippet, pasted into a page on another site.
    const page = FIXTURE.replaceAll('{{THEME}}', 'light dark').replace('{{EMBED_1}}', snippet).replace('{{EMBED_2}}', '');
    writeFileSync(path.join(hostDir, 'pasted.html'), page);
    const h = await open(`${hostOrigin}/pasted.html`, { width: 768 });
    const [m] = await settle(h.page);
    expect(Math.abs(m.iframe - m.content)).toBeLessThanOrEqual(2);
    const frame = await frameOf(h.page, 0);
    expect(JSON.parse((await frame.locator('chart-figure').getAttribute('data-state'))!)).toMatchObject({ scale: 'log' });
    expectClean(h);
    await h.context.close();
  });
});

describe('numbers drawn in the browser', () => {
  const state = { countries: ['JPN'], from: 2000 };
  const query = '?countries=JPN&from=2000';

  it('a latest embed re-queries /data/ and says what the build-time engine says', async () => {
    const w = await open(`${site.url}/embed/${CHART}/${query}`, { width: 768 });
    await w.page.waitForSelector('.chart-svg--live svg', { timeout: 90_000 });
    const expected = await prepareChart(spec, state, { dataDir: path.join(DIST, 'data') });
    expect(await w.page.locator('[data-summary]').textContent()).toBe(expected.summary);
    expect(w.requests.filter((u) => u.endsWith('.parquet')).every((u) => new URL(u).pathname.startsWith('/data/'))).toBe(true);
    expectClean(w);
    await w.context.close();
  });

  it.skipIf(!PINNED)('a pinned embed re-queries only its frozen release', async () => {
    const w = await open(`${site.url}/embed/v/${PINNED}/${CHART}/${query}`, { width: 768 });
    await w.page.waitForSelector('.chart-svg--live svg', { timeout: 90_000 });
    // The view is redrawn from the rows the pinned page holds (built from the frozen release); if
    // the engine is asked at all, it reads only that release's files.
    const parquet = w.requests.filter((u) => u.endsWith('.parquet')).map((u) => new URL(u).pathname);
    expect(parquet.every((p) => p.startsWith(`/releases/${PINNED}/`)), parquet.join(' ')).toBe(true);
    const expected = await prepareChart(spec, state, { dataDir: path.join(DIST, 'releases', PINNED!) });
    expect(await w.page.locator('[data-summary]').textContent()).toBe(expected.summary);
    expect(await w.page.locator('.embed-foot').textContent()).toContain(PINNED!);
    expectClean(w);
    await w.context.close();
  });
});
