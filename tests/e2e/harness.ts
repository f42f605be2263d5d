/**
 * Shared setup for browser tests: serves dist/ with tools/serve.ts and drives Debian's
 * Chromium through playwright-core. Every page opened through `openPage` records console
 * errors, page errors and every request that leaves the site's origin, so each test can
 * assert "no console errors" and "no off-origin requests".
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { serve } from '../../tools/serve.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface Site {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startSite(root = 'dist'): Promise<Site> {
  if (!existsSync(`${root}/index.html`)) throw new Error(`${root}/index.html missing: run \`npm run build\` first`);
  const server = await serve({ root, port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return {
    url: server.url,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

export interface Watched {
  page: Page;
  context: BrowserContext;
  consoleErrors: string[];
  offOrigin: string[];
  requests: string[];
}

export async function openPage(
  site: Site,
  path: string,
  opts: { width?: number; height?: number; javaScriptEnabled?: boolean; colorScheme?: 'light' | 'dark'; fastConnection?: boolean } = {},
): Promise<Watched> {
  const context = await site.browser.newContext({
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 900 },
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
    colorScheme: opts.colorScheme ?? 'light',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  // A reader who asked to save data, unless a test says otherwise: charts with controls start
  // the engine at idle on a fast connection (client/element.ts), which most tests do not measure.
  if (!opts.fastConnection)
    await page.addInitScript(`Object.defineProperty(navigator, 'connection', { configurable: true, get: () => ({ saveData: true, effectiveType: '4g' }) })`);
  const origin = new URL(site.url).origin;
  const w: Watched = { page, context, consoleErrors: [], offOrigin: [], requests: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') w.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => w.consoleErrors.push(String(e)));
  // Route every request: record it and abort anything that is not our origin (data: and blob:
  // URLs stay inside the page and are allowed).
  await context.route('**/*', (route) => {
    const u = route.request().url();
    w.requests.push(u);
    if (u.startsWith('data:') || u.startsWith('blob:') || new URL(u).origin === origin) return route.continue();
    w.offOrigin.push(u);
    return route.abort();
  });
  await page.goto(site.url + path, { waitUntil: 'load' });
  return w;
}
