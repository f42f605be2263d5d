/**
 * Sharing on the built site: every page has a 1200 × 630 og:image that exists, distinct per chart
 * view; every chart page and latest embed has oEmbed discovery, read here by a real consumer
 * (unfurl.js: fetches the page, follows the <link rel="alternate" type="application/json+oembed">,
 * reads the JSON) from the local preview server.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { unfurl } from 'unfurl.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../tools/serve.ts';
import { startSite, type Site } from './harness.ts';

const DIST = join(process.cwd(), 'dist');

function* pages(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* pages(p);
    else if (name === 'index.html') yield p;
  }
}

const attr = (html: string, re: RegExp) => html.match(re)?.[1]?.replace(/&amp;/g, '&') ?? null;
const ogImage = (html: string) => attr(html, /<meta property="og:image" content="([^"]+)"/);
const oembedHref = (html: string) => attr(html, /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/);
/** A root-relative or same-site URL as a path in dist/. */
const distPath = (url: string) => join(DIST, decodeURIComponent(new URL(url, 'http://site.invalid/').pathname));

function pngSize(file: string) {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { w: b.readUInt32BE(16), h: b.readUInt32BE(20) };
}

const all = [...pages(DIST)].map((file) => ({ path: `/${relative(DIST, file).replace(/index\.html$/, '')}`, html: readFileSync(file, 'utf8') }));
const chartPages = all.filter((p) => p.path === '/' || p.path === '/explore/' || /^\/countries\/[^/]+\/$/.test(p.path) || /^\/series\/[^/]+\/$/.test(p.path));
const latestEmbeds = all.filter((p) => /^\/embed\/[^/]+\/$/.test(p.path));

describe('social images', () => {
  it('every page has an og:image that exists as a 1200 × 630 PNG, and a large-image Twitter card', () => {
    expect(all.length).toBeGreaterThan(300);
    const checked = new Set<string>();
    for (const p of all) {
      const img = ogImage(p.html);
      expect(img, `${p.path} og:image`).toBeTruthy();
      expect(p.html, p.path).toContain('<meta name="twitter:card" content="summary_large_image"');
      const file = distPath(img!);
      if (checked.has(file)) continue;
      expect(existsSync(file), `${p.path}: ${img}`).toBe(true);
      expect(pngSize(file), img!).toEqual({ w: 1200, h: 630 });
      checked.add(file);
    }
    expect(checked.size).toBeGreaterThan(250);
  });

  it('each chart page and each chart view has its own image', () => {
    const byImage = new Map<string, string>();
    for (const p of [...chartPages.filter((p) => oembedHref(p.html)), ...latestEmbeds]) {
      const img = ogImage(p.html)!;
      expect(img, p.path).not.toMatch(/\/og\/site\.png$/);
      const other = byImage.get(img);
      // An embed shares its image with the page view it shows; two pages never share one.
      if (other && !p.path.startsWith('/embed/') && !other.startsWith('/embed/')) expect.fail(`${p.path} and ${other} share ${img}`);
      byImage.set(img, p.path);
    }
    expect(byImage.size).toBeGreaterThan(200);
  });
});

describe('oEmbed', () => {
  it('every chart page and latest embed links to a static oEmbed answer of type rich', () => {
    const withCharts = [...chartPages.filter((p) => p.html.includes('<chart-figure')), ...latestEmbeds];
    expect(withCharts.length).toBeGreaterThan(300);
    expect(latestEmbeds.length).toBeGreaterThan(200);
    for (const p of withCharts) {
      const href = oembedHref(p.html);
      expect(href, `${p.path} oEmbed link`).toBeTruthy();
      const json = JSON.parse(readFileSync(distPath(href!), 'utf8'));
      expect(json).toMatchObject({ version: '1.0', type: 'rich', provider_name: 'Irregular Atlas' });
      expect(json.width).toBeGreaterThan(0);
      expect(json.height).toBeGreaterThan(0);
      const src = json.html.match(/<iframe src="([^"]+)"/)?.[1];
      expect(src, `${href} iframe`).toBeTruthy();
      expect(existsSync(join(distPath(src.replace(/&amp;/g, '&')), 'index.html')), `${href}: ${src}`).toBe(true);
      expect(existsSync(distPath(json.thumbnail_url)), json.thumbnail_url).toBe(true);
    }
  });

  describe('read by an oEmbed consumer (unfurl.js) from the served site', () => {
    let server: { url: string; close(): Promise<void> };
    beforeAll(async () => {
      server = await serve({ root: 'dist', port: 0 });
    });
    afterAll(async () => {
      await server?.close();
    });

    it.each(['/', '/countries/jpn/', '/embed/irregular-residence-comparison/'])('%s: discovery, the rich iframe, and the image', async (path) => {
      const meta = await unfurl(new URL(path, server.url).href, { oembed: true, timeout: 20_000 });
      expect(meta.oEmbed?.type).toBe('rich');
      const rich = meta.oEmbed as { html: string; title: string };
      expect(rich.html).toMatch(/^<iframe src="[^"]*\/embed\/[^"]+"/);
      expect(rich.title.length).toBeGreaterThan(5);
      const image = meta.open_graph.images?.[0];
      expect(image?.width).toBe(1200);
      expect(image?.height).toBe(630);
      const res = await fetch(new URL(image!.url, new URL(path, server.url)).href);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/image\/png/);
    });
  });
});

describe('Share on a phone', () => {
  let site: Site;
  beforeAll(async () => {
    site = await startSite();
  });
  afterAll(async () => {
    await site?.close();
  });

  it('opens the share sheet (Web Share API) with the chart title and the link to the view', async () => {
    const context = await site.browser.newContext({ viewport: { width: 375, height: 800 }, hasTouch: true, isMobile: true });
    try {
      const page = await context.newPage();
      // Headless Chromium has no share sheet: record what the page hands to it.
      await page.addInitScript(() => {
        const w = window as unknown as { __shared: ShareData[] };
        w.__shared = [];
        Object.defineProperty(navigator, 'share', { value: async (d: ShareData) => void w.__shared.push(d), configurable: true });
        Object.defineProperty(navigator, 'canShare', { value: () => true, configurable: true });
      });
      await page.goto(new URL('/', site.url).href);
      const chart = 'chart-figure[data-chart="irregular-residence-comparison"]';
      const title = await page.getAttribute(`${chart} chart-actions`, 'data-title');
      await page.locator(`${chart} button[data-act="share"]`).tap();
      await expect.poll(() => page.evaluate(() => (window as unknown as { __shared: ShareData[] }).__shared)).toEqual([
        { title: `${title} · Irregular Atlas`, url: `${new URL(site.url).origin}/#irregular-residence-comparison` },
      ]);
      await expect.poll(() => page.textContent(`${chart} [data-act-status]`)).toBe('Shared.');
    } finally {
      await context.close();
    }
  });
});
