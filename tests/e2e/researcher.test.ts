/**
 * The researcher's path in Chromium, on the built site:
 *  - SQL console: every example query runs; results page by 50; the export is a CSV that reads
 *    back (papaparse) to the published table; hostile SQL (external reads, ATTACH, SET,
 *    INSTALL/LOAD, COPY … TO) is refused with a plain message by the statement check, and refused
 *    again by the sealed engine when the check is bypassed; nothing leaves the origin.
 *  - Chart: CSV of the view (changes with the view), SVG and PNG (2×) from the same SVG,
 *    citation with release, sources and today's date, copied to the clipboard, permalink.
 *  - Data page: the archive downloads.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, startSite, type Site, type Watched } from './harness.ts';
import { DIST } from './pages.ts';

let site: Site;
let origin: string;
const release = JSON.parse(readFileSync(path.join(DIST, 'data/release.json'), 'utf8')) as { release_id: string; created: string; row_counts: Record<string, number> };

beforeAll(async () => {
  site = await startSite(DIST);
  origin = new URL(site.url).origin;
});
afterAll(async () => {
  await site?.close();
});

function expectClean(w: Watched) {
  expect(w.consoleErrors, 'console errors').toEqual([]);
  expect(w.offOrigin, 'requests that left the origin').toEqual([]);
  expect(w.requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin)).toEqual([]);
}

async function bytesOf(d: Download): Promise<Buffer> {
  const stream = await d.createReadStream();
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]);
  return { name: d.suggestedFilename(), bytes: await bytesOf(d) };
}

describe('SQL console', () => {
  let w: Watched;
  let page: Page;

  const consoleState = () =>
    page.evaluate(() => {
      const el = document.querySelector('sql-console') as HTMLElement;
      return {
        outcome: el.dataset.outcome ?? '',
        status: document.querySelector('[data-sql-status-text]')!.textContent ?? '',
        message: (document.querySelector('[data-sql-message]') as HTMLElement).hidden ? '' : (document.querySelector('[data-sql-message-title]')!.textContent ?? ''),
        range: document.querySelector('[data-sql-range]')!.textContent ?? '',
        rows: document.querySelectorAll('[data-sql-table] tbody tr').length,
      };
    });

  async function run(sql: string) {
    await page.fill('[data-sql-text]', sql);
    await page.evaluate(() => delete (document.querySelector('sql-console') as HTMLElement).dataset.outcome);
    await page.click('[data-sql-run]');
    await page.waitForFunction(() => !!(document.querySelector('sql-console') as HTMLElement).dataset.outcome, null, { timeout: 60_000 });
    return consoleState();
  }

  beforeAll(async () => {
    w = await openPage(site, '/sql/');
    page = w.page;
    // The engine starts when the page is idle: the tables load, then the seal.
    await page.waitForSelector('sql-console[data-ready="true"]', { timeout: 120_000 });
  }, 180_000);
  afterAll(async () => {
    await w?.context.close();
  });

  it('runs every example query', async () => {
    const examples = await page.locator('[data-example]').all();
    expect(examples.length).toBeGreaterThanOrEqual(5);
    for (const b of examples) {
      const id = await b.getAttribute('data-example');
      await page.evaluate(() => delete (document.querySelector('sql-console') as HTMLElement).dataset.outcome);
      await b.click();
      await page.waitForFunction(() => !!(document.querySelector('sql-console') as HTMLElement).dataset.outcome, null, { timeout: 60_000 });
      const s = await consoleState();
      expect(s.outcome, `${id}: ${s.message}`).toBe('ok');
      expect(s.rows, id!).toBeGreaterThan(0);
    }
  });

  it('pages results by 50 rows', async () => {
    const s = await run('SELECT * FROM observations ORDER BY series_id, country_code, period_start, value');
    const total = new Intl.NumberFormat('en').format(release.row_counts.observations);
    expect(s.outcome).toBe('ok');
    expect(s.rows).toBe(50);
    expect(s.range).toBe(`Rows 1–50 of ${total}`);
    expect(await page.isDisabled('[data-sql-prev]')).toBe(true);
    await page.click('[data-sql-next]');
    expect((await consoleState()).range).toBe(`Rows 51–100 of ${total}`);
    await page.click('[data-sql-prev]');
    expect((await consoleState()).range).toBe(`Rows 1–50 of ${total}`);
  });

  it('exports the result as CSV that reads back to the published table', async () => {
    const s = await run('SELECT * FROM series ORDER BY series_id');
    expect(s.outcome).toBe('ok');
    const { name, bytes } = await download(page, () => page.click('[data-sql-export]'));
    expect(name).toBe(`irregular-atlas-query_${release.release_id}.csv`);
    const exported = Papa.parse<string[]>(bytes.toString('utf8'), { skipEmptyLines: true });
    const published = Papa.parse<string[]>(readFileSync(path.join(DIST, 'data/series.csv'), 'utf8'), { skipEmptyLines: true });
    expect(exported.errors).toEqual([]);
    expect(exported.data).toEqual(published.data);
  });

  it.each([
    ["SELECT * FROM read_csv('https://example.org/x.csv')", /read_csv\(\) cannot open files, URLs or other databases/],
    ["SELECT * FROM read_csv('/etc/passwd')", /read_csv\(\) cannot open/],
    ["SELECT * FROM 'https://example.org/x.parquet'", /cannot open 'https:\/\/example.org\/x.parquet'/],
    ["ATTACH 'https://example.org/db.duckdb' AS x", /read-only: ATTACH is not allowed/],
    ['SET enable_external_access = true', /read-only: SET is not allowed/],
    ['INSTALL httpfs', /read-only: INSTALL is not allowed/],
    ['LOAD httpfs', /read-only: LOAD is not allowed/],
    ["COPY observations TO 'out.csv'", /read-only: COPY is not allowed/],
    ['DROP TABLE observations', /read-only: DROP is not allowed/],
  ])('refuses %s with a plain message', async (sql, message) => {
    const s = await run(sql);
    expect(s.outcome).toBe('refused');
    expect(s.message).toMatch(message);
  });

  it('shows engine errors in plain words too', async () => {
    const s = await run('SELECT * FROM nope');
    expect(s.outcome).toBe('error');
    expect(s.message).toMatch(/There is no table nope/);
    const syntax = await run('SELECT FROM WHERE');
    expect(syntax.outcome).toBe('error');
    expect(syntax.message).toBe('The SQL has a syntax error.');
  });

  it('the sealed engine refuses on its own when the statement check is bypassed', async () => {
    const raw = (sql: string) =>
      page.evaluate((q) => (document.querySelector('sql-console') as unknown as { rawQuery(s: string): Promise<{ ok: boolean; error?: string }> }).rawQuery(q), sql);
    const cases: [string, RegExp][] = [
      ["SELECT * FROM read_csv('https://example.org/x.csv')", /Permission Error/],
      ["SELECT * FROM read_parquet('https://example.org/x.parquet')", /Permission Error|Catalog Error/],
      ["SELECT * FROM read_csv('/etc/passwd')", /Permission Error/],
      ["SELECT * FROM 'data/observations.csv'", /Permission Error|Catalog Error/],
      ["ATTACH 'https://example.org/db.duckdb' AS x", /Permission Error/],
      ["COPY observations TO 'out.csv'", /Permission Error/],
      ['LOAD httpfs', /Permission Error/],
      ['SET enable_external_access = true', /configuration has been locked/],
      ['SET lock_configuration = false', /configuration has been locked/],
    ];
    for (const [sql, err] of cases) {
      const r = await raw(sql);
      expect(r.ok, sql).toBe(false);
      expect(r.error, sql).toMatch(err);
    }
    // INSTALL cannot fetch anything either: whatever DuckDB answers, no request leaves the origin.
    await raw('INSTALL httpfs');
    expect(await raw('SELECT count(*) FROM observations')).toEqual({ ok: true, rows: 1 });
    expectClean(w);
  });

  it('the published tables come back whatever the engine object was made to do (DROP, CREATE, ATTACH)', async () => {
    const raw = (sql: string) =>
      page.evaluate((q) => (document.querySelector('sql-console') as unknown as { rawQuery(s: string): Promise<{ ok: boolean; error?: string }> }).rawQuery(q), sql);
    const before = await run('SELECT count(*) AS n, sum(value) AS total FROM observations');
    expect(before.outcome).toBe('ok');
    const cells = () => page.$$eval('sql-console [data-sql-table] tbody td', (tds) => tds.map((td) => td.textContent));
    const expected = await cells();
    expect((await raw("ATTACH 'https://example.org/db.duckdb' AS x")).ok).toBe(false);
    // An in-memory database needs no file access, so the engine lets it in; the console detaches it.
    await raw("ATTACH ':memory:' AS x");
    await raw('CREATE TABLE x.observations AS SELECT 1 AS n');
    for (const sql of [
      'DROP TABLE observations',
      'CREATE TABLE observations AS SELECT 1 AS n, 0 AS value',
      "CREATE TEMP TABLE series AS SELECT 'fake' AS series_id",
      'CREATE VIEW countries_v AS SELECT 1',
      'UPDATE sources SET title = 0',
    ]) {
      expect(await raw(sql), sql).toMatchObject({ ok: true });
    }
    expect((await raw('SELECT count(*) FROM observations')).ok).toBe(true);
    const after = await run('SELECT count(*) AS n, sum(value) AS total FROM observations');
    expect(after.outcome).toBe('ok');
    expect(await cells()).toEqual(expected);
    await run("SELECT count(*) FROM series WHERE series_id = 'fake'");
    expect(await cells()).toEqual(['0']);
    await run("SELECT count(*) FROM duckdb_views() WHERE NOT internal");
    expect(await cells()).toEqual(['0']);
    await run("SELECT count(*) FROM duckdb_databases() WHERE database_name = 'x'");
    expect(await cells()).toEqual(['0']);
    expectClean(w);
  });
});

describe('chart downloads and citation', () => {
  let w: Watched;
  let page: Page;
  const chart = 'chart-figure[data-chart="irregular-residence-comparison"]';

  beforeAll(async () => {
    w = await openPage(site, '/');
    page = w.page;
    await w.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await page.locator(`${chart} chart-actions`).scrollIntoViewIfNeeded();
  });
  afterAll(async () => {
    await w?.context.close();
  });

  const csvOfView = async () => {
    const { name, bytes } = await download(page, () => page.click(`${chart} button[data-act="csv"]`));
    expect(name).toBe(`irregular-residence-comparison_${release.release_id}.csv`);
    return Papa.parse<Record<string, string>>(bytes.toString('utf8'), { header: true, skipEmptyLines: true });
  };

  it('downloads the data in view as CSV, named after the chart and the release', async () => {
    const csv = await csvOfView();
    const columns = JSON.parse((await page.getAttribute(`${chart} chart-actions`, 'data-columns'))!);
    expect(csv.errors).toEqual([]);
    expect(csv.meta.fields).toEqual(columns);
    const count = Number(await page.textContent(`${chart} [data-table-count]`));
    expect(csv.data).toHaveLength(count);
    expect(new Set(csv.data.map((r) => r.country_code))).toEqual(new Set(['JPN', 'KOR', 'ESP', 'ITA']));
    expect(csv.data.every((r) => r.source_publisher && r.value_kind)).toBe(true);
  });

  it('downloads the chart as SVG and as a PNG at twice its size, drawn from the same SVG', async () => {
    const svg = await download(page, () => page.click(`${chart} button[data-act="svg"]`));
    expect(svg.name).toBe(`irregular-residence-comparison_${release.release_id}.svg`);
    const text = svg.bytes.toString('utf8');
    expect(text.startsWith('<?xml')).toBe(true);
    expect(text).toContain('People without legal residence in four countries');
    expect(text).toContain(release.release_id);
    expect(text).toContain('Sources: ');
    const parses = await page.evaluate((s) => !new DOMParser().parseFromString(s, 'image/svg+xml').querySelector('parsererror'), text);
    expect(parses).toBe(true);
    const width = Number(text.match(/<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="(\d+)"/)![1]);
    const height = Number(text.match(/<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="\d+" height="(\d+)"/)![1]);

    const png = await download(page, () => page.click(`${chart} button[data-act="png"]`));
    expect(png.name).toBe(`irregular-residence-comparison_${release.release_id}.png`);
    expect(png.bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.bytes.readUInt32BE(16)).toBe(width * 2);
    expect(png.bytes.readUInt32BE(20)).toBe(height * 2);
    // Not a blank canvas: a white PNG of this size compresses to a few KB.
    expect(png.bytes.length).toBeGreaterThan(30_000);
  });

  it('cites the view with the release, its sources and today’s date, and copies it', async () => {
    await page.click(`${chart} details[data-cite] summary`);
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    // The browser rewrites the built citation: this page's address and today's date.
    await page.waitForFunction(
      (t) => {
        const v = (document.querySelector('[data-cite-text]') as HTMLTextAreaElement).value;
        return v.includes(`${location.origin}/#`) && v.includes(`Accessed ${t}.`);
      },
      today,
    );
    const text = await page.inputValue(`${chart} [data-cite-text]`);
    const bib = await page.inputValue(`${chart} [data-cite-bibtex]`);
    expect(text).toContain(`Irregular Atlas, release ${release.release_id} (${release.created}).`);
    expect(text).toMatch(/Sources: Immigration Services Agency of Japan/);
    expect(text).toContain('Overstayers in Japan (ISA count)');
    expect(text).not.toContain('jpn_overstayers');
    expect(text).toContain(`${origin}/#irregular-residence-comparison`);
    expect(bib).toContain(`version      = {${release.release_id}}`);
    expect(bib).toContain(`urldate      = {${today}}`);
    await page.click(`${chart} button[data-act="copy-text"]`);
    await expect.poll(() => page.textContent(`${chart} [data-act-status]`)).toBe('Citation copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    await page.click(`${chart} button[data-act="copy-bibtex"]`);
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(bib);
    await page.click(`${chart} button[data-act="permalink"]`);
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${origin}/#irregular-residence-comparison`);
    // Share on a desktop: "title — URL", ready to paste (phones get the share sheet: e2e/social).
    const title = await page.getAttribute(`${chart} chart-actions`, 'data-title');
    await page.click(`${chart} button[data-act="share"]`);
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${title} — ${origin}/#irregular-residence-comparison`);
  });

  it('the CSV and the citation follow the view after a control change', async () => {
    const before = await page.textContent(`${chart} [data-table-count]`);
    await page.locator(`${chart} input[name="countries"][value="JPN"]`).uncheck();
    await page.waitForFunction(
      ([sel, n]) => document.querySelector(`${sel} [data-table-count]`)?.textContent !== n,
      [chart, before] as const,
      { timeout: 120_000 },
    );
    const csv = await csvOfView();
    expect(csv.data.length).toBeGreaterThan(0);
    expect(csv.data.some((r) => r.country_code === 'JPN')).toBe(false);
    await expect.poll(() => page.inputValue(`${chart} [data-cite-text]`)).not.toContain('jpn_overstayers');
    expect(await page.inputValue(`${chart} [data-cite-text]`)).toContain('?countries=KOR,ESP,ITA');
    expectClean(w);
  });
});

describe('data page', () => {
  it('downloads the whole dataset as one archive', async () => {
    const w = await openPage(site, '/data/');
    try {
      const zip = await download(w.page, () => w.page.click('a[data-download="archive"]'));
      expect(zip.name).toBe(`irregular-atlas-${release.release_id}.zip`);
      expect(zip.bytes.subarray(0, 2).toString()).toBe('PK');
      expect(zip.bytes.length).toBe(readFileSync(path.join(DIST, 'data', zip.name)).length);
      expectClean(w);
    } finally {
      await w.context.close();
    }
  });
});
