/**
 * The PNG export draws Japanese and Korean text with the fonts the site serves (issue 12), on a
 * machine that has none: Chromium runs here with a fontconfig that sees only DejaVu (Latin,
 * accents; no kana, no hangul). A chart's title is set to a name in kana and hangul (as the coming
 * translations will put there), and the real "PNG" button of the built page saves it.
 *
 * Tofu test: two titles that differ only in their CJK characters. Without the site's fonts (their
 * requests refused) both PNGs come out byte-identical, since every missing character draws the
 * same empty box; that shows this browser has no CJK font of its own. With the fonts, the two
 * differ: each character drew its own glyph. The served faces are checked glyph by glyph in
 * tests/sharing/export-fonts.test.ts.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../tools/serve.ts';
import type { ExportFontManifest } from '../../src/lib/chart-actions/export-fonts.ts';
import { CHROMIUM, CHROMIUM_ARGS } from './harness.ts';

const chart = 'chart-figure';
let server: Awaited<ReturnType<typeof serve>>;
let browser: Browser;
let page: Page;
let fcDir: string;
const fontRequests: string[] = [];
let refuseFonts = false;

beforeAll(async () => {
  fcDir = mkdtempSync(path.join(tmpdir(), 'atlas-fc-'));
  writeFileSync(
    path.join(fcDir, 'fonts.conf'),
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>/usr/share/fonts/truetype/dejavu</dir>\n  <cachedir>${fcDir}/cache</cachedir>\n</fontconfig>\n`,
  );
  server = await serve({ root: 'dist', port: 0 });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, env: { ...process.env, FONTCONFIG_FILE: path.join(fcDir, 'fonts.conf') } });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  await page.addInitScript(`Object.defineProperty(navigator, 'connection', { configurable: true, get: () => ({ saveData: true, effectiveType: '4g' }) })`);
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.origin !== new URL(server.url).origin) return route.abort();
    if (u.pathname.startsWith('/fonts/')) {
      fontRequests.push(u.pathname);
      if (refuseFonts) return route.abort();
    }
    return route.continue();
  });
  await page.goto(`${server.url}/`, { waitUntil: 'load' });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(fcDir, { recursive: true, force: true });
});

async function exportPng(title: string): Promise<Buffer> {
  await page.evaluate((t) => document.querySelector<HTMLElement>('chart-actions')!.setAttribute('data-title', t), title);
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click(`${chart} button[data-act="png"]`)]);
  return readFileSync((await d.path())!);
}

/** Characters a served face holds in a block (kanji and hangul come as the pages use them). */
function served(family: string, from: number, to: number): string[] {
  const m = JSON.parse(readFileSync(path.join('dist', 'fonts', 'export', 'faces.json'), 'utf8')) as ExportFontManifest;
  const face = m.faces.find((f) => f.family === family && f.weight === 700)!;
  return face.ranges.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i)).filter((c) => c >= from && c <= to).map((c) => String.fromCodePoint(c));
}

describe('PNG export with CJK text, on a browser without CJK fonts', () => {
  const hangul = served('Atlas Noto Sans KR', 0xac00, 0xd7a3);
  const kanji = served('Atlas Noto Sans JP', 0x4e00, 0x9fff);
  const A = `ナガノ ${hangul[0]}${hangul[1]} ${kanji[0]} Ñandú: People without legal residence`;
  const B = `ミヤギ ${hangul[2]}${hangul[3]} ${kanji[1]} Ñandú: People without legal residence`;

  it('without the served fonts, different kana and hangul draw the same boxes (tofu)', async () => {
    refuseFonts = true;
    const a = await exportPng(A);
    const b = await exportPng(B);
    expect(a.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(a.equals(b)).toBe(true);
  });

  it('with them, each character draws its own glyph, from faces of the site origin fetched on export', async () => {
    refuseFonts = false;
    fontRequests.length = 0;
    const a = await exportPng(A);
    expect(fontRequests).toContain('/fonts/export/faces.json');
    expect(fontRequests.some((p) => /NotoSansJP-\d+\.woff2$/.test(p))).toBe(true);
    expect(fontRequests.some((p) => /NotoSansKR-\d+\.woff2$/.test(p))).toBe(true);
    const b = await exportPng(B);
    expect(a.equals(b)).toBe(false);
    mkdirSync(path.join('test-results', 'screenshots'), { recursive: true });
    writeFileSync(path.join('test-results', 'screenshots', 'png-export-cjk.png'), a);
  });

  it('a Latin-only title fetches no CJK face', async () => {
    fontRequests.length = 0;
    await exportPng('People without legal residence in four countries');
    expect(fontRequests.filter((p) => /JP|KR/.test(p))).toEqual([]);
  });
});
