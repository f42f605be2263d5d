/**
 * Performance benchmark of the site against a BASELINE page, in headless Chromium.
 *
 *   npm run bench [-- --no-build --runs 3 --skip-pipeline --skip-embeds --interactions-only [--with-engine] --engine-only --sql --engine-runs 3 --reading 2000 --only unthrottled|throttled --pages home,country,embed --kinds scale,tooltip --dist dir]
 *
 * --interactions-only skips the page loads (3.) and engine ready (unless --with-engine);
 * --engine-only also skips the interactions and measures only engine ready cold / warm / repeat
 * visit (with where the time went); --sql adds the SQL console's ready, cold and on a repeat
 * visit. --pages and --kinds narrow the interactions (a kind is
 * matched by the start of its name).
 *
 * Interactions (issue 11: "the first click is as fast as the tenth"): on home, one country page
 * and one embed, for every control kind a figure there holds (chart controls, tooltips by pointer
 * and keyboard, the download and citation buttons), a fresh page per run: the first use after
 * the reader's intent against the next 3 uses (warm), median of --runs, per network profile; and
 * the baseline's first change (it waits for its engine) against its warm changes, same run.
 *
 * 1. Builds the site (unless --no-build; runs `npm run data` first if nothing is published).
 * 2. Bundles the baseline page (bench/baseline/: the same chart, data, engine loader, SQL and
 *    plotOptions, but DuckDB-WASM first and the chart only after the query, as DuckDB-WASM
 *    dashboards usually work) with esbuild into a temp folder next to links to dist/, and serves
 *    that folder with tools/serve.ts (same headers, CSP and compression as the site).
 * 3. For each network profile (unthrottled; "Fast 3G"-like: 1.6 Mbps down, 750 kbps up, 150 ms
 *    RTT, CPU 4x slower) and each page, `--runs` fresh browser contexts (median reported):
 *      - time to first chart: the first `figure svg` in the DOM, then two animation frames, and
 *        not before the first contentful paint (then it has been painted);
 *      - bytes before the first chart by type (encoded bytes on the wire, dedicated worker
 *        included: the engine's .wasm is fetched by DuckDB's worker);
 *      - DuckDB-WASM ready: for the site, from the first interaction (scale → log); for the
 *        baseline, from navigation (it cannot draw before);
 *      - the site's first redraw after that interaction (no query needed);
 *      - warm re-render: a second interaction that needs a new query (drop Japan).
 * 4. Embed weight: every /embed/ route, bytes before any interaction (budget 60 KB).
 * 5. Pipeline at 1×, 10×, 100× input (`npm run bench:pipeline`, or its last results with
 *    --skip-pipeline).
 * Prints a table with ratios (site / baseline) and writes bench/results/bench.json.
 * Not a test and not a CI gate: timings depend on the machine.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build as esbuild } from 'esbuild';
import { serve } from './serve.ts';
import { duckdbAssetNames } from './copy-duckdb-assets.ts';
import { PUBLISHED_DATA_PATH } from '../src/lib/contract/release.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(REPO, 'bench', 'results', 'bench.json');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const opt = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const RUNS = Number(opt('runs') ?? 3);
/** Runs of engine ready (cold, warm, repeat visit) and SQL ready: --engine-runs, default --runs. */
const ENGINE_RUNS = Number(opt('engine-runs') ?? RUNS);
/** Another build to measure (implies --no-build), e.g. a private copy while dist/ is being rebuilt. */
const DIST = path.resolve(opt('dist') ?? path.join(REPO, 'dist'));

interface Profile {
  name: 'unthrottled' | 'throttled';
  network?: { latency: number; downloadThroughput: number; uploadThroughput: number };
  cpu: number;
}
const PROFILES: Profile[] = [
  { name: 'unthrottled', cpu: 1 },
  // Lighthouse's "Fast 3G"-like mobile profile: bytes per second, RTT in ms.
  { name: 'throttled', network: { latency: 150, downloadThroughput: (1.6 * 1e6) / 8, uploadThroughput: (750 * 1e3) / 8 }, cpu: 4 },
].filter((p) => !opt('only') || p.name === opt('only')) as Profile[];

type Kind = 'html' | 'css' | 'js' | 'wasm' | 'data' | 'other';
const KINDS: Kind[] = ['html', 'css', 'js', 'wasm', 'data', 'other'];
function kindOf(url: string, resourceType: string): Kind {
  const p = new URL(url).pathname;
  if (/\.wasm$/.test(p)) return 'wasm';
  if (/\.(m?js)$/.test(p)) return 'js';
  if (/\.css$/.test(p)) return 'css';
  if (/\.(parquet|csv|json|arrow)$/.test(p) || p.includes('/data/')) return 'data';
  if (resourceType === 'document' || /\.html?$/.test(p) || p.endsWith('/')) return 'html';
  return 'other';
}
type Bytes = Record<Kind | 'total', number>;
const zero = (): Bytes => ({ html: 0, css: 0, js: 0, wasm: 0, data: 0, other: 0, total: 0 });

interface Loaded {
  url: string;
  kind: Kind;
  bytes: number;
  /** epoch ms when the last byte arrived */
  end: number;
}

interface RunResult {
  /** ms from navigation start */
  first_chart_ms: number;
  fcp_ms: number | null;
  bytes_before_chart: Bytes;
  /** ms: site = from the first interaction; baseline = from navigation */
  duckdb_ready_ms: number | null;
  /** site only: the redraw right after the first interaction */
  first_redraw_ms: number | null;
  warm_rerender_ms: number | null;
  bytes_total: Bytes;
  requests: number;
  off_origin: string[];
}

// -------------------------------------------------------------------------------------------
// Setup
// -------------------------------------------------------------------------------------------

function sh(cmd: string, args: string[]) {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: REPO, stdio: 'inherit', env: process.env });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status})`);
}

/** A served folder: links to everything in dist/ plus the bundled baseline in /baseline/. */
async function prepareRoot(): Promise<string> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'bench-root-'));
  for (const name of readdirSync(DIST)) symlinkSync(path.join(DIST, name), path.join(root, name));
  const dir = path.join(root, 'baseline');
  mkdirSync(dir);
  await esbuild({
    entryPoints: [path.join(REPO, 'bench', 'baseline', 'main.ts')],
    outfile: path.join(dir, 'app.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    define: {
      'import.meta.env.BASE_URL': '"/"',
      // The same hashed engine files as the site (scripts/copy-duckdb-assets.ts).
      'import.meta.env.PUBLIC_DUCKDB_WASM': JSON.stringify(duckdbAssetNames().wasm),
      'import.meta.env.PUBLIC_DUCKDB_WORKER': JSON.stringify(duckdbAssetNames().worker),
      'import.meta.env.PUBLIC_DUCKDB_WASM_BYTES': '0',
      // The baseline caches nothing between visits (an unknown release is never cached).
      'import.meta.env.PUBLIC_DATA_RELEASE': '""',
    },
    logLevel: 'warning',
  });
  // Same stylesheets as the site, so layout work is comparable.
  const css = readdirSync(path.join(DIST, '_astro')).filter((f) => f.endsWith('.css'));
  const html = readFileSync(path.join(REPO, 'bench', 'baseline', 'index.html'), 'utf8').replace(
    '<!--STYLES-->',
    css.map((f) => `<link rel="stylesheet" href="/_astro/${f}" />`).join('\n    '),
  );
  writeFileSync(path.join(dir, 'index.html'), html);
  return root;
}

// -------------------------------------------------------------------------------------------
// Measuring one page load
// -------------------------------------------------------------------------------------------

// Page-side code is passed as text: tsx wraps named functions in a `__name` helper that does not
// exist in the page.

/** Runs before any page script: notes when the first chart SVG enters the DOM and is painted. */
const INIT = `(() => {
  const b = (window.__bench = {});
  const check = () => {
    if (b.svg === undefined && document.querySelector('figure svg')) {
      b.svg = performance.now();
      requestAnimationFrame(() => requestAnimationFrame(() => (b.painted = performance.now())));
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') b.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
})()`;

/** Resolves with performance.now() in the page, two frames after `cond` first holds (checked every frame). */
async function whenInPage(page: Page, cond: string, timeout = 300_000): Promise<number> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const t0 = performance.now();
    const tick = () => {
      if (${cond}) return requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())));
      if (performance.now() - t0 > ${timeout}) return reject(new Error('timed out waiting for ' + ${JSON.stringify(cond)}));
      requestAnimationFrame(tick);
    };
    tick();
  })`) as Promise<number>;
}

/** Clicks a control in the page and returns performance.now() just before the click. */
async function clickInPage(page: Page, selector: string): Promise<number> {
  return page.evaluate(`(() => { const t = performance.now(); document.querySelector(${JSON.stringify(selector)}).click(); return t; })()`) as Promise<number>;
}

async function measure(browser: Browser, base: string, which: 'site' | 'baseline', profile: Profile): Promise<RunResult> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (profile.network) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile.network });
  if (profile.cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  await page.addInitScript(INIT);

  const origin = new URL(base).origin;
  const loaded: Loaded[] = [];
  const offOrigin: string[] = [];
  let requests = 0;
  page.on('request', (r) => {
    requests++;
    const u = r.url();
    if (!u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin) offOrigin.push(u);
  });
  // Dedicated workers' requests (DuckDB's .wasm) are reported on the page by Playwright.
  page.on('requestfinished', async (r) => {
    const u = r.url();
    if (u.startsWith('data:') || u.startsWith('blob:')) return;
    const sizes = await r.sizes().catch(() => null);
    const t = r.timing();
    loaded.push({ url: u, kind: kindOf(u, r.resourceType()), bytes: (sizes?.responseBodySize ?? 0) + (sizes?.responseHeadersSize ?? 0), end: t.startTime + t.responseEnd });
  });

  const url = which === 'site' ? `${base}/` : `${base}/baseline/`;
  await page.goto(url, { waitUntil: 'commit', timeout: 300_000 });
  const timeOrigin = (await page.evaluate('performance.timeOrigin')) as number;
  await whenInPage(page, `window.__bench && window.__bench.painted !== undefined`);
  // Nothing is on screen before the first contentful paint (a stylesheet can hold frames back).
  await whenInPage(page, `window.__bench.fcp !== undefined`, 60_000).catch(() => undefined);
  const b = (await page.evaluate('window.__bench')) as Record<string, number>;
  const firstChart = Math.max(b.painted, b.fcp ?? 0);
  await page.waitForLoadState('networkidle', { timeout: 300_000 });
  // requestfinished handlers are async (sizes()); let them land
  await page.waitForTimeout(200);
  const chartEpoch = timeOrigin + firstChart;
  const before = zero();
  for (const l of loaded) if (l.end <= chartEpoch + 1) (before[l.kind] += l.bytes), (before.total += l.bytes);

  let duckdbReady: number | null = null;
  let firstRedraw: number | null = null;
  let warm: number | null = null;
  if (which === 'site') {
    // First interaction: scale → log. Needs no query; the engine starts in the background.
    const t0 = await clickInPage(page, 'chart-figure input[name="scale"][value="log"]');
    const redrawn = await whenInPage(page, `(() => { const el = document.querySelector('chart-figure'); return !!el.querySelector('.chart-svg--live svg') && JSON.parse(el.dataset.state).scale === 'log'; })()`);
    firstRedraw = redrawn - t0;
    const ready = await whenInPage(page, `!!document.querySelector('chart-figure').dataset.engineReadyMs`);
    duckdbReady = ready - t0;
    // Second interaction: drop Japan, which needs a new query on the warm engine.
    const t1 = await clickInPage(page, 'chart-figure input[name="countries"][value="JPN"]');
    const done = await whenInPage(page, `(() => { const s = JSON.parse(document.querySelector('chart-figure').dataset.state); return !s.countries.includes('JPN') && s.scale === 'log'; })()`);
    warm = done - t1;
  } else {
    duckdbReady = (await page.evaluate(`performance.getEntriesByName('engine-ready')[0]?.startTime ?? null`)) as number | null;
    await whenInPage(page, `document.documentElement.dataset.ready === 'true'`);
    warm = (await page.evaluate(`window.benchRerender('?countries=KOR,ESP,ITA&scale=log')`)) as number;
  }
  await page.waitForLoadState('networkidle', { timeout: 300_000 }).catch(() => undefined);
  await page.waitForTimeout(200);
  const total = zero();
  for (const l of loaded) (total[l.kind] += l.bytes), (total.total += l.bytes);
  await context.close();
  return {
    first_chart_ms: round(firstChart),
    fcp_ms: b.fcp === undefined ? null : round(b.fcp),
    bytes_before_chart: before,
    duckdb_ready_ms: duckdbReady === null ? null : round(duckdbReady),
    first_redraw_ms: firstRedraw === null ? null : round(firstRedraw),
    warm_rerender_ms: warm === null ? null : round(warm),
    bytes_total: total,
    requests,
    off_origin: offOrigin,
  };
}

/** Bytes an embed route loads before any interaction (no throttling: bytes do not depend on it). */
async function embedWeight(browser: Browser, base: string, route: string): Promise<Bytes & { requests: number }> {
  const context = await browser.newContext({ viewport: { width: 640, height: 480 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const bytes = zero();
  let requests = 0;
  page.on('requestfinished', async (r) => {
    const u = r.url();
    if (u.startsWith('data:') || u.startsWith('blob:')) return;
    requests++;
    const s = await r.sizes().catch(() => null);
    const n = (s?.responseBodySize ?? 0) + (s?.responseHeadersSize ?? 0);
    bytes[kindOf(u, r.resourceType())] += n;
    bytes.total += n;
  });
  await page.goto(base + route, { waitUntil: 'networkidle' });
  await page.waitForTimeout(300);
  await context.close();
  return { ...bytes, requests };
}

// -------------------------------------------------------------------------------------------
// Interactions: the first use of each control kind against the same use warm
// -------------------------------------------------------------------------------------------

interface ControlKind {
  kind: string;
  /** Selector inside a chart-figure: the page has this control when some figure holds it. */
  target: string;
  /**
   * Where a reader's intent shows before the first use: the pointer resting on a selector inside
   * the figure, on the figure's top-left corner (crossing its title on the way to the plot), or
   * none (a keyboard reader tabbing in: the focus is the use itself).
   */
  intent: string | 'figure' | 'none';
  /** Makes the n-th use (n ≥ 1); resolves with performance.now() in the page just before it. */
  act: (page: Page, n: number) => Promise<number>;
  /** Page condition that holds once the n-th use is drawn. */
  done: (n: number) => string;
  /** A real pointer keeps moving over the plot: 1 px moves every 30 ms until drawn. */
  pointer?: boolean;
}
/** The figure under test (set by interactionRun: the first figure that holds the control). */
const FIG = `window.__fig`;
const live = `(() => { const el = ${FIG}; return el && el.querySelector('.chart-svg--live svg') ? JSON.parse(el.dataset.state) : null; })()`;
const inPage = (page: Page, code: string) => page.evaluate(code) as Promise<number>;
const click = (sel: string) => (page: Page) => inPage(page, `(() => { const t = performance.now(); ${FIG}.querySelector(${JSON.stringify(sel)}).click(); return t; })()`);
/** The n-th point to point at or focus: two points far apart, in turn, so each use changes the tooltip. */
const POINT = (n: number) => `(() => {
  const f = ${FIG};
  const svgs = [...f.querySelectorAll('[data-plot] svg')].filter((s) => s.querySelector('[data-tip]'));
  const s = svgs.find((x) => x.getBoundingClientRect().width > 0) || svgs[0];
  const pts = [...s.querySelectorAll('[data-tip]')];
  const p = pts[Math.floor(pts.length * (${n} % 2 ? 0.3 : 0.7))];
  window.__prevTip = f.querySelector('[data-plot] .is-active')?.getAttribute('data-tip') ?? null;
  return p;
})()`;
const tipShown = `(() => { const f = ${FIG}; const tip = f.querySelector('[data-tooltip]'); const a = f.querySelector('[data-plot] .is-active'); return !!tip && !tip.hidden && !!a && a.getAttribute('data-tip') !== window.__prevTip; })()`;
/** A chart button: the status line is cleared, the button clicked; drawn once the status says it is done. */
const button = (act: string): Pick<ControlKind, 'target' | 'intent' | 'act' | 'done'> => ({
  target: `button[data-act="${act}"]`,
  intent: `button[data-act="${act}"]`,
  act: (page) => inPage(page, `(() => { const f = ${FIG}; f.querySelector('[data-act-status]').textContent = ''; const t = performance.now(); f.querySelector('button[data-act="${act}"]').click(); return t; })()`),
  done: () => `(() => { const t = ${FIG}.querySelector('[data-act-status]').textContent; return !!t && !/…$/.test(t); })()`,
});
/** The n-th use of each control flips it: odd uses reach the changed state, even ones come back. */
const CONTROL_KINDS: ControlKind[] = [
  { kind: 'country toggle', target: 'input[name="countries"][value="JPN"]', intent: 'input[name="countries"][value="JPN"]', act: click('input[name="countries"][value="JPN"]'), done: (n) => `(${live}) && (${live}).countries.includes('JPN') === ${n % 2 === 0}` },
  { kind: 'scale', target: 'input[name="scale"][value="log"]', intent: 'input[name="scale"][value="log"]', act: click('input[name="scale"]:not(:checked)'), done: (n) => `(${live}) && (${live}).scale === '${n % 2 ? 'log' : 'linear'}'` },
  { kind: 'index mode', target: 'input[name="mode"][value="indexed"]', intent: 'input[name="mode"][value="indexed"]', act: click('input[name="mode"]:not(:checked)'), done: (n) => `(${live}) && (${live}).mode === '${n % 2 ? 'indexed' : 'absolute'}'` },
  {
    kind: 'year range',
    target: 'input[name="from"]',
    intent: 'input[name="from"]',
    act: (page) =>
      inPage(page, `(() => { const i = ${FIG}.querySelector('input[name="from"]'); const t = performance.now(); i.value = i.value === '2000' ? '1990' : '2000'; i.dispatchEvent(new Event('input', { bubbles: true })); i.dispatchEvent(new Event('change', { bubbles: true })); return t; })()`),
    done: (n) => `(${live}) && (${live}).from === ${n % 2 ? 2000 : 1990}`,
  },
  { kind: 'marker toggle', target: 'input[name="layers"][value="reg"]', intent: 'input[name="layers"][value="reg"]', act: click('input[name="layers"][value="reg"]'), done: (n) => `(${live}) && (${live}).layers.includes('reg') === ${n % 2 === 0}` },
  {
    kind: 'tooltip (pointer)',
    target: '[data-plot] [data-tip]',
    intent: 'figure',
    pointer: true,
    act: async (page, n) => {
      const p = (await page.evaluate(`(() => { const r = ${POINT(n)}.getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2, t: performance.now() }; })()`)) as { x: number; y: number; t: number };
      await move(page, p.x, p.y);
      return p.t;
    },
    done: () => tipShown,
  },
  {
    kind: 'tooltip (keyboard)',
    target: '[data-plot] [data-tip]',
    intent: 'none',
    act: (page, n) => inPage(page, `(() => { const p = ${POINT(n)}; const t = performance.now(); p.focus(); return t; })()`),
    done: () => tipShown,
  },
  { kind: 'CSV download', ...button('csv') },
  { kind: 'SVG download', ...button('svg') },
  { kind: 'PNG download', ...button('png') },
  { kind: 'copy citation', ...button('copy-text') },
];

/** Time between the page's load event and the pointer over a control (--reading ms). */
const READING_MS = Number(opt('reading') ?? 2000);

interface InteractionRun {
  kind: string;
  first_ms: number;
  /** Median of the following uses (3), same page. */
  warm_ms: number;
  /** The first change was drawn before the engine was ready (the quick path). */
  before_engine: boolean;
}

async function throttledPage(browser: Browser, profile: Profile, opts: { cache?: boolean; viewport?: { width: number; height: number } } = {}) {
  const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (!opts.cache) await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (profile.network) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile.network });
  if (profile.cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  return { context, page, cdp };
}

/** Moves the pointer to the middle of `sel` inside the figure under test (or to its top-left corner). */
async function pointAt(page: Page, sel: string | 'figure') {
  const p = (await page.evaluate(`(() => {
    const f = ${FIG};
    // 'figure': the pointer enters the figure just above its plot (a tall figure's top may be off screen).
    const fig = ${JSON.stringify(sel)} === 'figure';
    const el = fig ? f.querySelector('[data-plot]') : f.querySelector(${JSON.stringify(sel)});
    el.scrollIntoView({ block: 'center' });
    const r = el.getBoundingClientRect();
    return fig ? { x: r.left + 3, y: Math.max(r.top - 8, f.getBoundingClientRect().top + 2) } : { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  })()`)) as { x: number; y: number };
  await move(page, p.x, p.y);
}

/** Where the pointer is (tools moves it only through move()). */
let mouseAt = { x: 0, y: 0 };
async function move(page: Page, x: number, y: number) {
  mouseAt = { x, y };
  await page.mouse.move(x, y);
}

/** Waits for `cond` (ms in the page, see whenInPage); with `pointer`, the mouse keeps moving 1 px meanwhile. */
async function drawn(page: Page, cond: string, pointer = false): Promise<number> {
  const when = whenInPage(page, cond, 120_000);
  if (!pointer) return when;
  let over = false;
  const settled = when.then(
    () => (over = true),
    () => (over = true),
  );
  const { x, y } = mouseAt;
  for (let i = 1; !over; i++) {
    await Promise.race([settled, new Promise((r) => setTimeout(r, 30))]);
    if (!over) await page.mouse.move(x + (i % 2), y).catch(() => undefined);
  }
  return when;
}

/** Controls of each kind present on a route (some figure holds the control). */
async function kindsOn(browser: Browser, base: string, route: string): Promise<ControlKind[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(base + route, { waitUntil: 'load', timeout: 300_000 });
  const present = (await page.evaluate(`${JSON.stringify(CONTROL_KINDS.map((k) => k.target))}.map((t) => [...document.querySelectorAll('chart-figure')].some((f) => f.querySelector(t)))`)) as boolean[];
  await context.close();
  return CONTROL_KINDS.filter((_, i) => present[i]);
}

/** One fresh page per control kind: intent, then the change (first), then 3 more uses (warm). */
async function interactionRun(browser: Browser, base: string, route: string, k: ControlKind, profile: Profile): Promise<InteractionRun> {
  const { context, page } = await throttledPage(browser, profile);
  try {
    return await interactionOn(page, base, route, k);
  } finally {
    await context.close().catch(() => undefined);
  }
}
async function interactionOn(page: Page, base: string, route: string, k: ControlKind): Promise<InteractionRun> {
  await page.goto(base + route, { waitUntil: 'load', timeout: 300_000 });
  await page.evaluate(`window.__fig = [...document.querySelectorAll('chart-figure')].find((f) => f.querySelector(${JSON.stringify(k.target)}))`);
  // A reader looks at the chart before reaching for a control (READING_MS), and the pointer
  // reaches the control before the click: that is the intent the page acts on.
  await page.waitForTimeout(READING_MS);
  if (k.intent !== 'none') await pointAt(page, k.intent);
  await page.waitForTimeout(400);
  const t0 = await k.act(page, 1);
  const t1 = await drawn(page, k.done(1), k.pointer);
  const beforeEngine = !(await page.evaluate(`!!${FIG}.dataset.engineReadyMs`));
  const warm: number[] = [];
  for (let n = 2; n <= 4; n++) {
    await page.waitForTimeout(150);
    const a = await k.act(page, n);
    warm.push((await drawn(page, k.done(n), k.pointer)) - a);
  }
  return { kind: k.kind, first_ms: round(t1 - t0), warm_ms: round(median(warm)), before_engine: beforeEngine };
}

/**
 * The baseline's first interaction, measured the same way: the page loads, a reader reads for
 * READING_MS and changes the view (drop Japan); a DuckDB-first page can only redraw once its
 * engine and tables are ready, so the first change waits for them. Warm: 3 more changes.
 */
async function baselineInteraction(browser: Browser, base: string, profile: Profile): Promise<{ first_ms: number; warm_ms: number }> {
  const { context, page } = await throttledPage(browser, profile);
  try {
    return await baselineOn(page, base);
  } finally {
    await context.close().catch(() => undefined);
  }
}
async function baselineOn(page: Page, base: string): Promise<{ first_ms: number; warm_ms: number }> {
  await page.goto(`${base}/baseline/`, { waitUntil: 'load', timeout: 300_000 });
  await page.waitForTimeout(READING_MS + 400);
  const first = (await page.evaluate(`(async () => {
    const t0 = performance.now();
    while (document.documentElement.dataset.ready !== 'true') {
      if (performance.now() - t0 > 300000) throw new Error('the baseline never got ready: ' + document.querySelector('#status')?.textContent);
      await new Promise((r) => setTimeout(r, 16));
    }
    await window.benchRerender('?countries=KOR,ESP,ITA');
    return performance.now() - t0;
  })()`)) as number;
  const warm: number[] = [];
  for (let n = 2; n <= 4; n++) {
    await page.waitForTimeout(150);
    warm.push((await page.evaluate(`window.benchRerender(${JSON.stringify(n % 2 ? '?countries=KOR,ESP,ITA' : '')})`)) as number);
  }
  return { first_ms: round(first), warm_ms: round(median(warm)) };
}

/**
 * Engine ready, from the first intent (pointer over a control) to the engine and the view's tables
 * loaded, in a persistent browser profile (a user-data folder on disk, as a reader's browser):
 *  - cold: a fresh profile, empty cache;
 *  - warm: the same page loaded again in the same tab right away;
 *  - repeat: the browser closed and started again on the same profile, then the page visited
 *    (HTTP disk cache: immutable hashed engine files; V8's cache of the compiled wasm).
 */
async function engineReady(base: string, profile: Profile): Promise<EngineReady> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-profile-'));
  const open = async () => {
    const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, args: ARGS, viewport: { width: 1280, height: 900 } });
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    if (profile.network) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile.network });
    if (profile.cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
    return { context, page };
  };
  const once = async (p: Page) => {
    await p.goto(`${base}/`, { waitUntil: 'load', timeout: 300_000 });
    await p.hover('chart-figure input[name="scale"][value="log"]', { force: true });
    const t0 = (await p.evaluate('performance.now()')) as number;
    const t1 = await whenInPage(p, `!!document.querySelector('chart-figure').dataset.engineReadyMs`);
    // Where the time went (src/lib/db/browser.ts): engine instantiate/open, and per table decode
    // (absent when the table came from the cache) and insert.
    const parts = (await p.evaluate(`Object.fromEntries(performance.getEntriesByType('measure').filter((m) => m.name.startsWith('atlas-')).map((m) => [m.name.slice(6), Math.round(m.duration)]))`)) as Record<string, number>;
    return { ms: t1 - t0, parts };
  };
  try {
    const first = await open();
    const cold = await once(first.page);
    // Let the browser write V8's code cache for the compiled engine, as it would while a reader reads.
    await first.page.waitForTimeout(READING_MS);
    const warm = await once(first.page);
    await first.page.waitForTimeout(READING_MS);
    await first.context.close();
    const second = await open();
    const repeat = await once(second.page);
    await second.context.close();
    return { cold_ms: round(cold.ms), warm_ms: round(warm.ms), repeat_ms: round(repeat.ms), parts: { cold: cold.parts, warm: warm.parts, repeat: repeat.parts } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
/**
 * The SQL console's engine ready (sealed, every table loaded), from navigation, in a persistent
 * profile of its own: cold (fresh profile), then a repeat visit after a browser restart, which
 * takes the tables from the release-stamped cache (lib/db/browser.ts publishedTable).
 */
async function sqlReady(base: string, profile: Profile): Promise<{ cold_ms: number; repeat_ms: number; decoded: { cold: number; repeat: number } }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-profile-'));
  const once = async () => {
    const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, args: ARGS, viewport: { width: 1280, height: 900 } });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      if (profile.network) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile.network });
      if (profile.cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
      await page.goto(`${base}/sql/`, { waitUntil: 'commit', timeout: 300_000 });
      const t = await whenInPage(page, `document.querySelector('sql-console')?.dataset.ready === 'true'`);
      const decoded = (await page.evaluate(`performance.getEntriesByType('measure').filter((m) => m.name.startsWith('atlas-decode:')).length`)) as number;
      await page.waitForTimeout(1000); // let the cache writes land
      return { ms: t, decoded };
    } finally {
      await context.close();
    }
  };
  try {
    const cold = await once();
    const repeat = await once();
    return { cold_ms: round(cold.ms), repeat_ms: round(repeat.ms), decoded: { cold: cold.decoded, repeat: repeat.decoded } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
interface EngineReady {
  cold_ms: number | null;
  warm_ms: number | null;
  repeat_ms: number | null;
  parts?: Record<'cold' | 'warm' | 'repeat', Record<string, number>>;
}

// -------------------------------------------------------------------------------------------
// Summaries
// -------------------------------------------------------------------------------------------

const round = (n: number) => Math.round(n * 10) / 10;
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
function medianOf(runs: RunResult[]) {
  const num = (f: (r: RunResult) => number | null) => {
    const xs = runs.map(f).filter((x): x is number => x !== null);
    return xs.length ? round(median(xs)) : null;
  };
  const bytes = (f: (r: RunResult) => Bytes) => Object.fromEntries([...KINDS, 'total'].map((k) => [k, Math.round(median(runs.map((r) => f(r)[k as Kind])))])) as Bytes;
  return {
    first_chart_ms: num((r) => r.first_chart_ms),
    fcp_ms: num((r) => r.fcp_ms),
    duckdb_ready_ms: num((r) => r.duckdb_ready_ms),
    first_redraw_ms: num((r) => r.first_redraw_ms),
    warm_rerender_ms: num((r) => r.warm_rerender_ms),
    bytes_before_chart: bytes((r) => r.bytes_before_chart),
    bytes_total: bytes((r) => r.bytes_total),
  };
}

const kb = (n: number | null) => (n === null ? '–' : n >= 1048576 ? `${(n / 1048576).toFixed(2)} MB` : `${(n / 1024).toFixed(1)} KB`);
const ms = (n: number | null) => (n === null ? '–' : n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : `${Math.round(n)} ms`);
const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? '–' : a === 0 ? '0×' : `${(a / b).toFixed(a / b < 0.1 ? 3 : 2)}×`);

function table(rows: string[][]): string {
  const w = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) => '| ' + r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join(' | ') + ' |';
  return [line(rows[0]), '|' + w.map((n, i) => (i === 0 ? '-'.repeat(n + 2) : '-'.repeat(n + 1) + ':')).join('|') + '|', ...rows.slice(1).map(line)].join('\n');
}

// -------------------------------------------------------------------------------------------
// Main
// -------------------------------------------------------------------------------------------

async function main() {
  if (!flag('no-build') && !opt('dist')) {
    if (!existsSync(path.join(REPO, PUBLISHED_DATA_PATH, 'release.json'))) sh('npm', ['run', 'data']);
    sh('npm', ['run', 'build']);
  }
  if (!existsSync(path.join(DIST, 'index.html'))) throw new Error('dist/index.html missing: run without --no-build');

  const root = await prepareRoot();
  const server = await serve({ root, port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const results: Record<string, { site: ReturnType<typeof medianOf>; baseline: ReturnType<typeof medianOf>; runs: { site: RunResult[]; baseline: RunResult[] } }> = {};
  const interactions: Record<string, unknown> = {};
  try {
    // Warm the server's compression cache so the first run does not pay for brotli-compressing 34 MB.
    const warmFiles = [`/duckdb/${duckdbAssetNames().wasm}`, `/duckdb/${duckdbAssetNames().worker}`, ...readdirSync(path.join(DIST, 'data')).filter((f) => f.endsWith('.parquet')).map((f) => `/data/${f}`)];
    for (const f of warmFiles) await fetch(server.url + f, { headers: { 'accept-encoding': 'br' } }).then((r) => r.arrayBuffer()).catch(() => undefined);
    for (const profile of flag('interactions-only') || flag('engine-only') ? [] : PROFILES) {
      const runs = { site: [] as RunResult[], baseline: [] as RunResult[] };
      for (let i = 0; i < RUNS; i++) {
        for (const which of ['site', 'baseline'] as const) {
          const t0 = Date.now();
          const r = await measure(browser, server.url, which, profile);
          runs[which].push(r);
          console.log(`${profile.name} ${which} run ${i + 1}/${RUNS}: first chart ${ms(r.first_chart_ms)}, ${kb(r.bytes_before_chart.total)} before it, DuckDB ready ${ms(r.duckdb_ready_ms)}, warm ${ms(r.warm_rerender_ms)} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
          if (r.off_origin.length) console.log(`  OFF-ORIGIN REQUESTS: ${r.off_origin.join(', ')}`);
        }
      }
      results[profile.name] = { site: medianOf(runs.site), baseline: medianOf(runs.baseline), runs };
    }

    // Interactions per control kind, and engine ready cold / warm / repeat visit.
    // Home, one country page and one embed (issue 11: the first use of every control kind there).
    const allPages: Record<string, string> = { home: '/', country: '/countries/jpn/', embed: '/embed/irregular-residence-comparison/' };
    // In the order --pages names them.
    const pagesWithControls = opt('pages') ? Object.fromEntries(opt('pages')!.split(',').filter((n) => n in allPages).map((n) => [n, allPages[n]])) : allPages;
    const kindsByRoute: Record<string, ControlKind[]> = {};
    for (const route of flag('engine-only') ? [] : Object.values(pagesWithControls))
      kindsByRoute[route] = (await kindsOn(browser, server.url, route)).filter((k) => !opt('kinds') || opt('kinds')!.split(',').some((w) => k.kind.startsWith(w)));
    for (const profile of PROFILES) {
      const byPage: Record<string, unknown> = {};
      let baselineFirst: { first_ms: number; warm_ms: number; ratio: number; runs: { first_ms: number; warm_ms: number }[] } | null = null;
      if (!flag('engine-only') && !flag('no-baseline')) {
        const runs: { first_ms: number; warm_ms: number }[] = [];
        for (let i = 0; i < RUNS; i++) {
          const r = await baselineInteraction(browser, server.url, profile).catch((err) => (console.log(`  baseline run ${i + 1} failed: ${String(err).slice(0, 200)}`), null));
          if (r) runs.push(r);
        }
        const first = runs.length ? round(median(runs.map((r) => r.first_ms))) : NaN;
        const warm = runs.length ? round(median(runs.map((r) => r.warm_ms))) : NaN;
        baselineFirst = { first_ms: first, warm_ms: warm, ratio: round(first / Math.max(warm, 1)), runs };
        console.log(`${profile.name} baseline (DuckDB-first) country toggle: first ${ms(first)}, warm ${ms(warm)} (${(first / Math.max(warm, 1)).toFixed(2)}×)`);
      }
      for (const [name, route] of Object.entries(flag('engine-only') ? {} : pagesWithControls)) {
        const kinds = kindsByRoute[route];
        if (!kinds.length) {
          byPage[name] = { route, controls: 'none' };
          console.log(`${profile.name} ${name} ${route}: no chart controls`);
          continue;
        }
        const perKind: Record<string, { first_ms: number; warm_ms: number; ratio: number; quick_runs: number; runs: InteractionRun[] }> = {};
        for (const k of kinds) {
          const runs: InteractionRun[] = [];
          for (let i = 0; i < RUNS; i++) {
            const r = await interactionRun(browser, server.url, route, k, profile).catch((err) => (console.log(`  ${k.kind} run ${i + 1} failed: ${String(err).slice(0, 200)}`), null));
            if (r) runs.push(r);
          }
          if (!runs.length) continue;
          const first = round(median(runs.map((r) => r.first_ms)));
          const warm = round(median(runs.map((r) => r.warm_ms)));
          perKind[k.kind] = { first_ms: first, warm_ms: warm, ratio: round(first / Math.max(warm, 1)), quick_runs: runs.filter((r) => r.before_engine).length, runs };
          console.log(`${profile.name} ${name} ${k.kind}: first ${ms(first)}, warm ${ms(warm)} (${(first / Math.max(warm, 1)).toFixed(2)}×; before the engine in ${perKind[k.kind].quick_runs}/${RUNS}) [load ${os.loadavg()[0].toFixed(1)}]`);
        }
        byPage[name] = { route, controls: perKind };
      }
      if (flag('interactions-only') && !flag('with-engine')) {
        interactions[profile.name] = { pages: byPage, engine_ready: null, baseline: baselineFirst, load: os.loadavg() };
        continue;
      }
      const ready: EngineReady[] = [];
      for (let i = 0; i < ENGINE_RUNS; i++) {
        const r = await engineReady(server.url, profile).catch((err) => (console.log(`  engine ready run ${i + 1} failed: ${String(err).slice(0, 200)}`), null));
        if (!r) continue;
        ready.push(r);
        console.log(`${profile.name} engine ready run ${i + 1}/${ENGINE_RUNS}: cold ${ms(r.cold_ms)}, warm ${ms(r.warm_ms)}, repeat ${ms(r.repeat_ms)}; parts ${JSON.stringify(r.parts)}`);
      }
      let sql: { cold_ms: number; repeat_ms: number; runs: unknown[] } | null = null;
      if (flag('sql')) {
        const runs: Awaited<ReturnType<typeof sqlReady>>[] = [];
        for (let i = 0; i < ENGINE_RUNS; i++) {
          const r = await sqlReady(server.url, profile).catch((err) => (console.log(`  SQL ready run ${i + 1} failed: ${String(err).slice(0, 200)}`), null));
          if (!r) continue;
          runs.push(r);
          console.log(`${profile.name} SQL console ready run ${i + 1}/${ENGINE_RUNS}: cold ${ms(r.cold_ms)} (${r.decoded.cold} tables decoded), repeat ${ms(r.repeat_ms)} (${r.decoded.repeat} decoded)`);
        }
        if (runs.length) sql = { cold_ms: round(median(runs.map((r) => r.cold_ms))), repeat_ms: round(median(runs.map((r) => r.repeat_ms))), runs };
      }
      const med = (f: (r: (typeof ready)[number]) => number | null) => round(median(ready.map(f).filter((x): x is number => x !== null)));
      const engine = { cold_ms: med((r) => r.cold_ms), warm_ms: med((r) => r.warm_ms), repeat_ms: med((r) => r.repeat_ms), runs: ready };
      console.log(`${profile.name} engine ready (from intent): cold ${ms(engine.cold_ms)}, warm ${ms(engine.warm_ms)}, repeat visit ${ms(engine.repeat_ms)} (${(engine.repeat_ms / engine.cold_ms).toFixed(2)} of cold)`);
      interactions[profile.name] = { pages: byPage, engine_ready: engine, sql_ready: sql, baseline: baselineFirst, baseline_engine_ready_ms: results[profile.name]?.baseline.duckdb_ready_ms ?? null, load: os.loadavg() };
    }

    const embeds = readdirSync(path.join(DIST, 'embed'), { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(path.join(DIST, 'embed', d.name, 'index.html')))
      .map((d) => `/embed/${d.name}/`);
    const embedResults: Record<string, Awaited<ReturnType<typeof embedWeight>>> = {};
    for (const e of existsSync(path.join(DIST, 'embed')) && !flag('skip-embeds') ? embeds : []) embedResults[e] = await embedWeight(browser, server.url, e);

    // Pipeline
    let pipeline: unknown = null;
    const pipelineFile = path.join(REPO, 'bench', 'results', 'pipeline.json');
    if (!flag('skip-pipeline')) sh('npm', ['run', 'bench:pipeline']);
    if (existsSync(pipelineFile)) pipeline = JSON.parse(readFileSync(pipelineFile, 'utf8'));

    report(results, embedResults, pipeline, interactions);
  } finally {
    await browser.close();
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }
}

function report(
  results: Record<string, { site: ReturnType<typeof medianOf>; baseline: ReturnType<typeof medianOf>; runs: { site: RunResult[]; baseline: RunResult[] } }>,
  embeds: Record<string, Bytes & { requests: number }>,
  pipeline: unknown,
  interactions: Record<string, unknown> = {},
) {
  const rows: string[][] = [['Median of ' + RUNS + ' runs', 'site', 'baseline', 'site / baseline']];
  for (const [name, { site, baseline }] of Object.entries(results)) {
    rows.push([`**${name}**`, '', '', '']);
    rows.push(['time to first chart (painted)', ms(site.first_chart_ms), ms(baseline.first_chart_ms), ratio(site.first_chart_ms, baseline.first_chart_ms)]);
    rows.push(['first contentful paint', ms(site.fcp_ms), ms(baseline.fcp_ms), ratio(site.fcp_ms, baseline.fcp_ms)]);
    for (const k of [...KINDS, 'total'] as const) {
      if (k === 'other' && site.bytes_before_chart.other === 0 && baseline.bytes_before_chart.other === 0) continue;
      rows.push([`bytes before first chart: ${k}`, kb(site.bytes_before_chart[k]), kb(baseline.bytes_before_chart[k]), ratio(site.bytes_before_chart[k], baseline.bytes_before_chart[k])]);
    }
    rows.push(['DuckDB-WASM ready (site: after 1st interaction)', ms(site.duckdb_ready_ms), ms(baseline.duckdb_ready_ms), ratio(site.duckdb_ready_ms, baseline.duckdb_ready_ms)]);
    rows.push(['redraw after 1st interaction (site)', ms(site.first_redraw_ms), '–', '–']);
    rows.push(['warm re-render (new query)', ms(site.warm_rerender_ms), ms(baseline.warm_rerender_ms), ratio(site.warm_rerender_ms, baseline.warm_rerender_ms)]);
    rows.push(['bytes after both interactions', kb(site.bytes_total.total), kb(baseline.bytes_total.total), ratio(site.bytes_total.total, baseline.bytes_total.total)]);
  }
  console.log('\n' + table(rows));

  const budget: string[] = [];
  for (const [name, { site }] of Object.entries(results)) {
    budget.push(`${name}: ${site.bytes_before_chart.wasm === 0 ? 'PASS' : 'FAIL'} 0 WASM bytes before the chart (${kb(site.bytes_before_chart.wasm)})`);
    budget.push(`${name}: ${site.bytes_before_chart.js <= 30 * 1024 ? 'PASS' : 'FAIL'} ≤ 30 KB JS before the chart (${kb(site.bytes_before_chart.js)})`);
  }
  if (Object.keys(embeds).length) {
    const erows = [['Embed route (before interaction)', 'HTML', 'CSS', 'JS', 'data', 'total', '≤ 60 KB']];
    for (const [route, b] of Object.entries(embeds)) erows.push([route, kb(b.html), kb(b.css), kb(b.js), kb(b.data + b.wasm + b.other), kb(b.total), b.total <= 60 * 1024 ? 'PASS' : 'FAIL']);
    console.log('\n' + table(erows));
  }
  type P = { results: { scale: number; observations: number; synthetic: boolean; median_ms: Record<string, number> }[]; date: string };
  const p = pipeline as P | null;
  if (p?.results?.length) {
    const prow = [['Pipeline (median of runs)', 'observations', 'total', 'validate', 'write', 'rows / s']];
    for (const r of p.results) prow.push([`${r.scale}×${r.synthetic ? ' (synthetic)' : ''}`, r.observations.toLocaleString('en'), ms(r.median_ms.total), ms(r.median_ms.validate ?? null), ms(r.median_ms.write ?? null), Math.round(r.observations / (r.median_ms.total / 1000)).toLocaleString('en')]);
    console.log(`\n${table(prow)}\n(pipeline results of ${p.date})`);
  }
  type Per = { first_ms: number; warm_ms: number; ratio: number; quick_runs?: number };
  type IV = { sql_ready?: { cold_ms: number; repeat_ms: number } | null; pages: Record<string, { route: string; controls: Record<string, Per> | string }>; engine_ready: { cold_ms: number; warm_ms: number; repeat_ms: number } | null; baseline: Per | null; baseline_engine_ready_ms: number | null; load: number[] };
  for (const [name, v] of Object.entries(interactions) as [string, IV][]) {
    const irows = [[`${name}: first vs warm use (median of ${RUNS}; load ${v.load.map((l) => l.toFixed(1)).join(' ')})`, 'first', 'warm', 'first / warm', '≤ 2×', 'before engine']];
    for (const [page, pv] of Object.entries(v.pages)) {
      if (typeof pv.controls === 'string') {
        irows.push([`${page} ${pv.route}`, '–', '–', '–', 'no controls', '']);
        continue;
      }
      for (const [kind, kv] of Object.entries(pv.controls))
        irows.push([`${page}: ${kind}`, ms(kv.first_ms), ms(kv.warm_ms), `${kv.ratio.toFixed(2)}×`, kv.ratio <= 2 ? 'PASS' : 'FAIL', `${kv.quick_runs}/${RUNS}`]);
    }
    if (v.baseline) irows.push(['baseline (DuckDB-first): country toggle', ms(v.baseline.first_ms), ms(v.baseline.warm_ms), `${v.baseline.ratio.toFixed(2)}×`, v.baseline.ratio <= 2 ? 'PASS' : 'FAIL', '']);
    console.log('\n' + table(irows));
    const q = v.sql_ready;
    if (q) console.log(`${name}: SQL console ready from navigation: cold ${ms(q.cold_ms)}, repeat visit ${ms(q.repeat_ms)} → repeat/cold ${(q.repeat_ms / q.cold_ms).toFixed(2)}`);
    const e = v.engine_ready;
    if (e)
      console.log(
        `${name}: engine ready from intent: cold ${ms(e.cold_ms)}, warm ${ms(e.warm_ms)}, repeat visit ${ms(e.repeat_ms)} → repeat/cold ${(e.repeat_ms / e.cold_ms).toFixed(2)} (${e.repeat_ms < e.cold_ms / 3 ? 'PASS' : 'FAIL'} < 1/3); baseline engine ready from navigation ${ms(v.baseline_engine_ready_ms)}`,
      );
  }
  console.log('\nBudgets (DESIGN.md; informative, not a gate):\n  ' + budget.join('\n  '));

  mkdirSync(path.dirname(OUT), { recursive: true });
  writeFileSync(
    OUT,
    JSON.stringify(
      {
        generated_by: 'tools/bench.ts',
        date: new Date().toISOString(),
        machine: { node: process.version, platform: `${os.platform()}-${os.arch()}`, cpus: os.cpus().length, chromium: CHROMIUM },
        runs: RUNS,
        profiles: PROFILES,
        notes: {
          first_chart: 'ms from navigation start until the first `figure svg` is in the DOM plus two animation frames, and at least first contentful paint',
          bytes: 'encoded bytes on the wire (body + headers), brotli from tools/serve.ts; worker requests included',
          duckdb_ready: 'site: ms from the first interaction until the engine and tables are loaded; baseline: ms from navigation',
          baseline: 'bench/baseline/: same spec, SQL, engine loader and plotOptions; DuckDB-WASM loads and queries before the first draw',
          interactions:
            `per page (home, a country page, an embed) and control kind a figure there holds: a fresh page, loaded, ${READING_MS} ms of reading, the reader's intent (pointer on the control; for tooltips the pointer entering the figure above its plot; none for keyboard focus), 400 ms, then the first use (first_ms: use → drawn + 2 frames); warm_ms: median of the next 3 uses in the same page. baseline: the DuckDB-first page changed the same way after the same reading time (it waits for its engine), against its next 3 changes. engine_ready: from pointer intent to engine and tables loaded; in a persistent profile on disk: cold = fresh profile, warm = same page loaded again in the same tab, repeat = the browser restarted on the same profile. sql_ready: the SQL console sealed with every table, from navigation, cold and after a browser restart.`,
        },
        results,
        interactions,
        embeds,
        pipeline,
      },
      null,
      2,
    ) + '\n',
  );
  console.log(`\nwrote ${path.relative(REPO, OUT)}`);
}

await main();
