/**
 * Hostile input in the browser.
 *
 * 1. A slice of the seeded URL cases of tests/site/url-cases.ts (the Node test runs 1,200 per
 *    chart) against the built page of every interactive chart: real navigations, then in-page
 *    remounts of a pristine <chart-figure> under a new query string (the engine stays warm, so
 *    every case gets a full DuckDB re-render in a few hundred ms). Each case: no page error, no
 *    dialog, no script execution (window.__xss trap, no CSP violation, no element with an inline
 *    handler), the chart draws, and the controls show exactly the state Node parses from the
 *    same query string.
 * 2. Text from the data is rendered as text: in the built HTML (every published value holding
 *    `<`, `>`, `&` or `"` is escaped wherever it appears) and live, with Parquet tables whose
 *    text columns carry script payloads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { parseHTML } from 'linkedom';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Page } from 'playwright-core';
import { openPage, startSite, type Site, type Watched } from './harness.ts';
import { DIST, fileOf, htmlPages, isEmbed } from './pages.ts';
import { CHARTS, loadSpec } from '../../src/lib/charts/registry.ts';
import type { ChartSpec } from '../../src/lib/charts/spec.ts';
import { hasUrlState, parseState } from '../../src/lib/charts/url-state.ts';
import { urlCases } from '../site/url-cases.ts';

const SEED = 20261123;
const NAVIGATIONS = 12;
const MAX_NAVIGABLE_URL = 8_000;
const REMOUNTS = 48;

let site: Site;
beforeAll(async () => {
  site = await startSite(DIST);
});
afterAll(async () => {
  await site?.close();
});

const specs = (await Promise.all(Object.keys(CHARTS).map(loadSpec))).filter((s) => s.url.length > 0);

/** The first built page that shows `spec` with URL state on, and the chart's parameter prefix. */
function pageFor(spec: ChartSpec): { path: string; prefix: string; options: Record<string, string[]>; built: Record<string, unknown> } {
  // the chart's own page before an embed of it, shallow pages before deep ones
  const depth = (p: string) => p.split('/').filter(Boolean).length;
  const order = htmlPages().sort((a, b) => Number(isEmbed(a)) - Number(isEmbed(b)) || depth(a) - depth(b) || a.localeCompare(b));
  for (const p of order) {
    const { document } = parseHTML(readFileSync(fileOf(p), 'utf8'));
    const el = document.querySelector(`chart-figure[data-chart="${spec.id}"][data-url-state="on"]`);
    if (el) {
      // checkbox values offered by the page (open lists such as explore's series are filled at build time)
      const options: Record<string, string[]> = {};
      for (const i of el.querySelectorAll('form[data-controls] input[type="checkbox"]')) (options[i.getAttribute('name')!] ??= []).push(i.getAttribute('value')!);
      return { path: p, prefix: el.getAttribute('data-url-prefix') ?? '', options, built: JSON.parse(el.getAttribute('data-state')!) };
    }
  }
  throw new Error(`no page in ${DIST} shows chart ${spec.id} with URL state`);
}

interface Seen {
  state: Record<string, unknown>;
  form: Record<string, string[]>;
  rangeMax: Record<string, number>;
  live: boolean;
  search: string;
  trapped: unknown;
  inlineHandlers: string[];
  strayElements: number;
  svgWidth: number;
}

/** What the page shows now: the figure's state, its form, whether anything ran. */
async function look(page: Page, selector: string): Promise<Seen> {
  return page.evaluate((selector) => {
    const el = document.querySelector(selector) as HTMLElement;
    const form = el.querySelector<HTMLFormElement>('form[data-controls]');
    const fd = form ? new FormData(form) : null;
    const names = form ? [...new Set(Array.from(form.elements).map((e) => (e as HTMLInputElement).name).filter(Boolean))] : [];
    const svg = Array.from(el.querySelectorAll<SVGSVGElement>('[data-plot] svg')).find((s) => s.getBoundingClientRect().width > 0);
    const inlineHandlers = Array.from(document.querySelectorAll('*')).flatMap((n) =>
      Array.from(n.attributes)
        .filter((a) => /^on/i.test(a.name))
        .map((a) => `${n.tagName}[${a.name}]`),
    );
    return {
      state: JSON.parse(el.dataset.state ?? '{}'),
      form: Object.fromEntries(names.map((n) => [n, fd!.getAll(n).map(String)])),
      // A range input holds its value within its max (the latest year with data, when `to` is open).
      rangeMax: Object.fromEntries(Array.from(form?.querySelectorAll<HTMLInputElement>('input[type="range"]') ?? []).map((i) => [i.name, Number(i.max)])),
      live: !!el.querySelector('.chart-svg--live svg'),
      search: location.search,
      trapped: (window as unknown as { __xss?: unknown }).__xss,
      inlineHandlers,
      strayElements: document.querySelectorAll('img[src="x"], iframe, script:not([src]), object, embed').length,
      svgWidth: svg ? svg.getBoundingClientRect().width : 0,
    };
  }, selector);
}

/** The form as FormData would read the expected state: ticked boxes in page order, one radio, two ranges. */
function formOf(spec: ChartSpec, state: Record<string, unknown>, options: Record<string, string[]>, rangeMax: Record<string, number> = {}): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const year = (key: string) => String(Math.min(Number(state[key]), rangeMax[key] ?? Infinity));
  for (const c of spec.controls) {
    if (c.kind === 'year-range') {
      out[c.fromKey] = [year(c.fromKey)];
      out[c.toKey] = [year(c.toKey)];
    } else if (c.kind === 'checkboxes') {
      const on = state[c.key] as string[];
      out[c.key] = (options[c.key] ?? []).filter((v) => on.includes(v));
    } else out[c.key] = [String(state[c.key])];
  }
  return out;
}

function expectSafe(seen: Seen, w: Watched, dialogs: string[], label: string) {
  expect(seen.trapped, `${label}: script ran`).toBeUndefined();
  expect(seen.inlineHandlers, label).toEqual([]);
  expect(seen.strayElements, label).toBe(0);
  expect(dialogs, label).toEqual([]);
  // page errors and CSP violations both land here
  expect(w.consoleErrors, label).toEqual([]);
  expect(w.offOrigin, label).toEqual([]);
}

describe.each(specs.map((s) => [s.id, s] as const))('URL fuzz in Chromium: %s', (_, spec) => {
  const { path: pagePath, prefix, options, built } = pageFor(spec);
  const all = urlCases(spec, 1_200, SEED, prefix, options);
  // an even spread over the fixed payloads and the random cases
  const withQ = (s: string) => (s.startsWith('?') ? s : `?${s}`);
  const picked = all.filter((_, i) => i % Math.floor(all.length / (NAVIGATIONS + REMOUNTS)) === 0).slice(0, NAVIGATIONS + REMOUNTS);
  // Real navigations take URLs an HTTP server accepts (request lines past ~8 KB are refused by
  // Node, nginx and the CDNs alike); longer ones are still checked, through history.replaceState.
  const fits = (c: (typeof picked)[number]) => (pagePath + withQ(c.search)).length <= MAX_NAVIGABLE_URL;
  const slice = [...picked.filter(fits), ...picked.filter((c) => !fits(c))];
  // what the page shows when the URL holds none of the chart's parameters
  const defaults = built;
  // pages such as /maps/ and country pages hold several figures: always address this chart's own
  const figure = `chart-figure[data-chart="${spec.id}"][data-url-state="on"]`;
  let w: Watched;
  const dialogs: string[] = [];

  async function check(search: string, label: string) {
    const { page } = w;
    const actual = await page.evaluate(() => location.search);
    const expected = parseState(spec, actual, prefix) as Record<string, unknown>;
    const wakes = hasUrlState(spec, actual, prefix);
    if (wakes) {
      await page.waitForFunction(
        ([want, selector]) => {
          const el = document.querySelector(selector);
          return !!el?.querySelector('.chart-svg--live svg') && el.getAttribute('data-state') === want;
        },
        [JSON.stringify(expected), figure] as const,
        { timeout: 60_000 },
      );
    } else await page.waitForTimeout(50);
    const seen = await look(page, figure);
    const what = `${label} ${JSON.stringify(search.slice(0, 160))}`;
    expectSafe(seen, w, dialogs, what);
    expect(seen.state, what).toEqual(wakes ? expected : defaults);
    expect(seen.form, what).toEqual(formOf(spec, wakes ? expected : defaults, options, seen.rangeMax));
    expect(seen.live, what).toBe(wakes);
    expect(seen.svgWidth, `${what}: chart drawn`).toBeGreaterThan(200);
  }

  beforeAll(async () => {
    w = await openPage(site, pagePath);
    w.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  });
  afterAll(async () => {
    await w?.context.close();
  });

  it(`checks ${NAVIGATIONS} hostile and valid URLs as real navigations`, async () => {
    expect(slice.length).toBe(NAVIGATIONS + REMOUNTS);
    for (const [i, c] of slice.slice(0, NAVIGATIONS).entries()) {
      await w.page.goto(site.url + pagePath + withQ(c.search), { waitUntil: 'load' });
      await check(c.search, `navigation ${i}`);
    }
  });

  it(`checks ${REMOUNTS} more by remounting the chart under a new query string`, async () => {
    const { page } = w;
    await page.goto(site.url + pagePath, { waitUntil: 'load' });
    await page.evaluate((selector) => {
      (window as unknown as { __pristine: string }).__pristine = document.querySelector(selector)!.outerHTML;
    }, figure);
    for (const [i, c] of slice.slice(NAVIGATIONS).entries()) {
      const ok = await page.evaluate(([search, selector]) => {
        try {
          history.replaceState(null, '', location.pathname + search);
        } catch {
          return false;
        }
        const holder = document.createElement('div');
        holder.innerHTML = (window as unknown as { __pristine: string }).__pristine;
        document.querySelector(selector)!.replaceWith(...Array.from(holder.childNodes));
        return true;
      }, [withQ(c.search), figure] as const);
      expect(ok, `replaceState refused ${JSON.stringify(c.search.slice(0, 100))}`).toBe(true);
      await check(c.search, `remount ${i}`);
    }
    // the engine started once and stayed warm: every remount was a real DuckDB re-render
    const wasm = w.requests.filter((u) => u.endsWith('.wasm'));
    expect(wasm.length).toBeGreaterThanOrEqual(1);
  });
});

describe('text from the data is rendered as text', () => {
  /** Every distinct published text value with a character HTML cares about. */
  function specialValues(): string[] {
    const out = new Set<string>();
    for (const f of readdirSync(path.join(DIST, 'data')).filter((f) => f.endsWith('.csv'))) {
      const { data } = Papa.parse<Record<string, string>>(readFileSync(path.join(DIST, 'data', f), 'utf8'), { header: true, skipEmptyLines: true });
      for (const row of data) for (const v of Object.values(row)) if (v && /[<>&"]/.test(v) && v.length >= 6) out.add(v);
    }
    return [...out];
  }

  it('escapes data fields holding <, >, & or " in every built page', () => {
    const values = specialValues();
    expect(values.length).toBeGreaterThan(10);
    let rendered = 0;
    const problems: string[] = [];
    for (const p of htmlPages()) {
      const html = readFileSync(fileOf(p), 'utf8');
      const { document } = parseHTML(html);
      const decoded =
        (document.documentElement.textContent ?? '') +
        '\n' +
        [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.value)).join('\n');
      for (const v of values) {
        if (decoded.includes(v) || decoded.includes(JSON.stringify(v).slice(1, -1))) rendered++;
        // `<` and `&` must always be escaped; a raw `"` is harmless in text but would end an
        // attribute; a raw `>` is harmless in both (inside a quoted attribute it is plain text).
        for (let at = html.indexOf(v); at >= 0; at = html.indexOf(v, at + 1)) {
          const insideTag = html.lastIndexOf('<', at) > html.lastIndexOf('>', at);
          if (/[<&]/.test(v) || (insideTag && v.includes('"'))) problems.push(`${p}: ${insideTag ? 'in a tag' : 'unescaped'}: ${v.slice(0, 120)}`);
        }
      }
      // The rows embedded for the browser survive their trip through an attribute.
      for (const el of document.querySelectorAll('chart-figure[data-rows]')) {
        expect(() => JSON.parse(el.getAttribute('data-rows')!), p).not.toThrow();
      }
    }
    console.log(`data escaping: ${values.length} published values with <, >, & or "; ${rendered} renderings checked`);
    expect(problems).toEqual([]);
    expect(rendered).toBeGreaterThan(0);
  });

  describe('live, with script payloads in the Parquet text columns', () => {
    let dir: string;
    const hostile: Record<string, Buffer> = {};
    const PAYLOAD = {
      publisher: '<img src=x onerror=window.__xss=1> ',
      title: '"><script>window.__xss=2</script> & ',
      reg: '<svg onload=window.__xss=4>',
      rule: '<iframe srcdoc="<script>parent.__xss=5</script>">',
      note: '<b onmouseover=window.__xss=6>note</b> ',
    };

    beforeAll(async () => {
      // Real tables with payloads prepended to their text columns; written to a temp folder only.
      dir = mkdtempSync(path.join(os.tmpdir(), 'hostile-parquet-'));
      const db = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' });
      const conn = await db.connect();
      const src = (t: string) => `read_parquet('${path.join(DIST, 'data', `${t}.parquet`)}')`;
      const q = (s: string) => `'${s.replaceAll("'", "''")}'`;
      const recipes: Record<string, string> = {
        sources: `SELECT * REPLACE (${q(PAYLOAD.publisher)} || publisher AS publisher, ${q(PAYLOAD.title)} || title AS title,
                    CASE WHEN hash(source_id) % 2 = 0 THEN 'javascript:window.__xss=3' ELSE url END AS url) FROM ${src('sources')}`,
        regularizations: `SELECT * REPLACE (${q(PAYLOAD.reg)} || name_en AS name_en) FROM ${src('regularizations')}`,
        rule_changes: `SELECT * REPLACE (${q(PAYLOAD.rule)} || title_en AS title_en) FROM ${src('rule_changes')}`,
        observations: `SELECT * REPLACE (${q(PAYLOAD.note)} || coalesce(note, '') AS note) FROM ${src('observations')}`,
      };
      for (const [t, sql] of Object.entries(recipes)) {
        const out = path.join(dir, `${t}.parquet`);
        await conn.run(`COPY (${sql}) TO '${out}' (FORMAT parquet, COMPRESSION zstd)`);
        hostile[t] = readFileSync(out);
      }
      conn.closeSync();
    });
    afterAll(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('re-renders table, sources and tooltips without running anything', async () => {
      const w = await openPage(site, '/');
      const dialogs: string[] = [];
      w.page.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()));
      for (const [t, body] of Object.entries(hostile)) {
        await w.page.route(`**/data/${t}.parquet`, (route) => route.fulfill({ status: 200, body, contentType: 'application/vnd.apache.parquet' }));
      }
      const { page } = w;
      await page.locator('input[name="countries"][value="JPN"]').uncheck();
      await page.waitForFunction(() => {
        const el = document.querySelector('chart-figure');
        return !!el?.querySelector('.chart-svg--live svg') && JSON.parse(el.getAttribute('data-state') ?? '{}').countries?.length === 3;
      }, null, { timeout: 90_000 });
      // The first redraw comes from the rows in the page; the engine then re-runs the view on the
      // hostile tables and replaces it, since its answer differs. Wait for that second drawing.
      await page.waitForFunction((marker) => document.querySelector('chart-figure')?.textContent?.includes(marker), PAYLOAD.publisher.trim(), { timeout: 120_000 });

      // Hover every marker and a spread of points so each tooltip kind renders hostile text.
      const points = page.locator('chart-figure .chart-svg--live svg [data-tip]');
      const n = await points.count();
      const tips: string[] = [];
      for (let i = 0; i < n; i += Math.max(1, Math.floor(n / 40))) {
        await points.nth(i).hover({ force: true });
        const tip = page.locator('[data-tooltip]');
        if (await tip.isVisible()) tips.push(await tip.innerText());
      }
      const seen = await look(page, 'chart-figure');
      expectSafe(seen, w, dialogs, 'hostile Parquet');
      const text = await page.locator('chart-figure').innerText();
      // The payloads are on screen as text: proof they went through, and were not parsed.
      expect(text).toContain(PAYLOAD.publisher.trim());
      expect(text).toContain(PAYLOAD.title.trim());
      expect(tips.join('\n')).toContain(PAYLOAD.reg);
      expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
      await w.context.close();
    });
  });
});
