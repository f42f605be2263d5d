/**
 * Embed benchmark, in headless Chromium against a built site (dist/ or --dist).
 *
 *   tsx tools/bench-embed.ts [--dist dir] [--runs 3] [--only unthrottled|throttled]
 *
 * For each embed case (latest and pinned; the default view, and a view that must be drawn in the
 * browser) and each network profile, `--runs` fresh contexts (cold cache), median reported:
 *  - bytes before any interaction: encoded bytes on the wire (worker fetches included) until the
 *    network is idle; for the default view that is the whole embed;
 *  - time to chart: the pre-rendered SVG painted (two animation frames after it is in the DOM);
 *  - time to the requested view: for a non-default view, until the browser's redraw is in place
 *    (DuckDB-WASM and the chart's tables load first), and the bytes that took.
 * Then a host page on another origin with two embeds: time until both iframes have their final
 * height. Writes bench/results/embed.json. Not a test: timings depend on the machine.
 * `benchEmbeds()` is exported for tools/bench.ts.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { serve } from './serve.ts';
import { embedSnippet } from '../src/lib/embed/params.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const CHART = 'irregular-residence-comparison';
const VIEW = '?countries=JPN,KOR&scale=log&from=1995';

interface Profile {
  name: 'unthrottled' | 'throttled';
  network?: { latency: number; downloadThroughput: number; uploadThroughput: number };
  cpu: number;
}
export const PROFILES: Profile[] = [
  { name: 'unthrottled', cpu: 1 },
  // Lighthouse's "Fast 3G"-like mobile profile (same as tools/bench.ts).
  { name: 'throttled', network: { latency: 150, downloadThroughput: (1.6 * 1e6) / 8, uploadThroughput: (750 * 1e3) / 8 }, cpu: 4 },
];

export interface EmbedCase {
  name: string;
  path: string;
  /** The view differs from the pre-render: wait for the browser's redraw. */
  redraw: boolean;
}

export interface EmbedResult {
  case: string;
  path: string;
  profile: string;
  bytes_before_interaction: number;
  requests_before_interaction: number;
  time_to_chart_ms: number;
  time_to_view_ms: number | null;
  bytes_to_view: number | null;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};

/** The cases for a build: latest and (if a frozen release is built) pinned, default and redrawn view. */
export function embedCases(dist: string): EmbedCase[] {
  const cases: EmbedCase[] = [
    { name: 'latest, default view', path: `/embed/${CHART}/`, redraw: false },
    { name: 'latest, view drawn in browser', path: `/embed/${CHART}/${VIEW}`, redraw: true },
    // scale and mode change no query: redrawn from the rows in the page, no engine
    { name: 'latest, view-only change (log, indexed)', path: `/embed/${CHART}/?scale=log&mode=indexed`, redraw: true },
  ];
  const v = path.join(dist, 'embed', 'v');
  const release = existsSync(v) ? readdirSync(v).sort().at(-1) : undefined;
  if (release) {
    cases.push(
      { name: `pinned ${release}, default view`, path: `/embed/v/${release}/${CHART}/`, redraw: false },
      { name: `pinned ${release}, view drawn in browser`, path: `/embed/v/${release}/${CHART}/${VIEW}`, redraw: true },
    );
  }
  return cases;
}

async function measure(browser: Browser, url: string, c: EmbedCase, profile: Profile) {
  const context = await browser.newContext({ viewport: { width: 768, height: 900 } });
  const page = await context.newPage();
  // a shared 2-core machine under throttling: be patient rather than flaky
  page.setDefaultTimeout(300_000);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (profile.network) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile.network });
  if (profile.cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  // Encoded bytes (body + headers) per finished request; Playwright reports dedicated workers'
  // requests (DuckDB's .wasm) on the page, which a CDP session on the page would miss.
  let bytes = 0;
  let requests = 0;
  page.on('requestfinished', async (r) => {
    if (r.url().startsWith('data:') || r.url().startsWith('blob:')) return;
    const sizes = await r.sizes().catch(() => null);
    bytes += (sizes?.responseBodySize ?? 0) + (sizes?.responseHeadersSize ?? 0);
    requests++;
  });
  // A string, not a function: tsx would wrap named arrow functions in a helper the page lacks.
  await page.addInitScript(`
    function atlasMark(name) { requestAnimationFrame(function () { requestAnimationFrame(function () { performance.mark(name); }); }); }
    new MutationObserver(function (_, obs) {
      if (document.querySelector('[data-plot] svg')) { atlasMark('chart'); obs.disconnect(); }
    }).observe(document, { childList: true, subtree: true });
    addEventListener('chart:render', function () { atlasMark('view'); }, true);
  `);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => performance.getEntriesByName('chart').length > 0);
  let timeToView: number | null = null;
  let bytesToView: number | null = null;
  if (c.redraw) {
    await page.waitForFunction(() => performance.getEntriesByName('view').length > 0, null, { timeout: 300_000 });
    timeToView = await page.evaluate(() => performance.getEntriesByName('view')[0].startTime);
  }
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(200); // let the async sizes() land
  const timeToChart = await page.evaluate(() => performance.getEntriesByName('chart')[0].startTime);
  if (c.redraw) bytesToView = bytes;
  const out = { bytes, requests, timeToChart, timeToView, bytesToView };
  await context.close();
  return out;
}

/** Two embeds in a page on another origin: time until both iframes carry their final height. */
async function hostPage(browser: Browser, siteUrl: string, profile: Profile): Promise<number> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-embed-host-'));
  const fixture = readFileSync(path.join(REPO, 'tests/fixtures/embed/host.html'), 'utf8');
  const snip = (q: string) => embedSnippet({ src: `${siteUrl}/embed/${CHART}/${q}`, loader: `${siteUrl}/embed.js`, title: 'chart', height: 600 });
  writeFileSync(path.join(dir, 'index.html'), fixture.replaceAll('{{THEME}}', 'light dark').replace('{{EMBED_1}}', snip('')).replace('{{EMBED_2}}', snip(VIEW)));
  const host = await serve({ root: dir, port: 0 });
  const context = await browser.newContext({ viewport: { width: 768, height: 3000 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (profile.network) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile.network });
  const t0 = Date.now();
  await page.goto(host.url.replace('127.0.0.1', 'localhost') + '/', { waitUntil: 'load' });
  // settled: both iframes sized by the loader, and the same size for half a second
  let last = '';
  let since = Date.now();
  let settledAt = 0;
  while (Date.now() - t0 < 300_000) {
    const now = await page.evaluate(() => Array.from(document.querySelectorAll('iframe')).map((f) => f.getAttribute('data-atlas-height')).join(','));
    if (now !== last) ((last = now), (since = Date.now()));
    if (!now.split(',').includes('') && !now.includes('null') && Date.now() - since > 500) {
      settledAt = since - t0;
      break;
    }
    await page.waitForTimeout(50);
  }
  await context.close();
  await host.close();
  rmSync(dir, { recursive: true, force: true });
  return settledAt;
}

export async function benchEmbeds(opts: { dist?: string; runs?: number; profiles?: Profile[] } = {}) {
  const dist = path.resolve(opts.dist ?? path.join(REPO, 'dist'));
  const runs = opts.runs ?? 3;
  const site = await serve({ root: dist, port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const results: EmbedResult[] = [];
  const hosts: { profile: string; two_embeds_sized_ms: number }[] = [];
  try {
    for (const profile of opts.profiles ?? PROFILES) {
      for (const c of embedCases(dist)) {
        const ms = [];
        for (let i = 0; i < runs; i++) ms.push(await measure(browser, site.url + c.path, c, profile));
        results.push({
          case: c.name,
          path: c.path,
          profile: profile.name,
          bytes_before_interaction: c.redraw ? NaN : median(ms.map((m) => m.bytes)),
          requests_before_interaction: median(ms.map((m) => m.requests)),
          time_to_chart_ms: Math.round(median(ms.map((m) => m.timeToChart))),
          time_to_view_ms: c.redraw ? Math.round(median(ms.map((m) => m.timeToView ?? NaN))) : null,
          bytes_to_view: c.redraw ? median(ms.map((m) => m.bytesToView ?? NaN)) : null,
        });
      }
      const sized = [];
      for (let i = 0; i < runs; i++) sized.push(await hostPage(browser, site.url, profile));
      hosts.push({ profile: profile.name, two_embeds_sized_ms: Math.round(median(sized)) });
    }
  } finally {
    await browser.close();
    await site.close();
  }
  return { results, hosts };
}

// CLI
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const opt = (n: string) => (argv.includes(`--${n}`) ? argv[argv.indexOf(`--${n}`) + 1] : undefined);
  const only = opt('only');
  const out = await benchEmbeds({
    dist: opt('dist'),
    runs: Number(opt('runs') ?? 3),
    profiles: PROFILES.filter((p) => !only || p.name === only),
  });
  const kb = (n: number | null) => (n === null || Number.isNaN(n) ? '–' : `${(n / 1024).toFixed(1)} KB`);
  console.log('profile      case                                              before interaction  time to chart  time to view  bytes to view');
  for (const r of out.results) {
    console.log(
      `${r.profile.padEnd(12)} ${r.case.padEnd(49)} ${kb(r.bytes_before_interaction).padStart(18)}  ${`${r.time_to_chart_ms} ms`.padStart(13)}  ${(r.time_to_view_ms === null ? '–' : `${r.time_to_view_ms} ms`).padStart(12)}  ${kb(r.bytes_to_view).padStart(13)}`,
    );
  }
  for (const h of out.hosts) console.log(`${h.profile}: host page with two embeds, both iframes at final height after ${h.two_embeds_sized_ms} ms`);
  const file = path.join(REPO, 'bench', 'results', 'embed.json');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ generated_by: 'tools/bench-embed.ts', date: new Date().toISOString(), runs: Number(opt('runs') ?? 3), ...out }, null, 2) + '\n');
  console.log(`wrote ${path.relative(REPO, file)}`);
}
