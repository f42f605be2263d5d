/**
 * Screenshots of one page of every page type of the built site (tests/e2e/pages.ts decides what a
 * type is), at 1280 and 375 px, light and dark, for people to look at before calling a change
 * done. Writes PNGs (full page, capped in height) and an index.html contact sheet.
 *
 *   npm run build && npx tsx tools/screenshots.ts [--out DIR] [--only TEXT] [--widths 1280,375] [--schemes light,dark]
 *
 * `--only` keeps the page types or paths that contain TEXT (e.g. `--only ja/` or `--only embed`).
 * Nothing here is a test: it takes pictures; the browser tests assert.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openPage, startSite } from '../tests/e2e/harness.ts';
import { onePagePerType } from '../tests/e2e/pages.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'test-results/look' },
    only: { type: 'string' },
    widths: { type: 'string', default: '1280,375' },
    schemes: { type: 'string', default: 'light,dark' },
    'max-height': { type: 'string', default: '4000' },
  },
});

const out = path.resolve(values.out!);
mkdirSync(out, { recursive: true });
const widths = values.widths!.split(',').map(Number);
const schemes = values.schemes!.split(',') as ('light' | 'dark')[];
const maxHeight = Number(values['max-height']);
const pages = onePagePerType().filter((p) => !values.only || p.type.includes(values.only) || p.path.includes(values.only));

const site = await startSite();
const shots: { file: string; path: string; width: number; scheme: string }[] = [];
try {
  for (const { path: sitePath } of pages) {
    for (const width of widths) {
      for (const scheme of schemes) {
        const w = await openPage(site, sitePath, { width, height: 900, colorScheme: scheme });
        await w.page.waitForLoadState('networkidle').catch(() => {});
        const height = await w.page.evaluate(() => document.documentElement.scrollHeight);
        const file = `${sitePath.replace(/^\/|\/$/g, '').replace(/[^a-zA-Z0-9._-]+/g, '_') || 'home'}-${width}-${scheme}.png`;
        await w.page.screenshot({ path: path.join(out, file), fullPage: true, clip: { x: 0, y: 0, width, height: Math.min(height, maxHeight) } });
        if (w.consoleErrors.length) console.warn(`${sitePath} ${width} ${scheme}: console errors: ${w.consoleErrors.join(' | ')}`);
        await w.context.close();
        shots.push({ file, path: sitePath, width, scheme });
        console.log(`${file}`);
      }
    }
  }
} finally {
  await site.close();
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
writeFileSync(
  path.join(out, 'index.html'),
  `<!doctype html><meta charset="utf-8"><title>Screenshots</title><style>body{font:14px system-ui;margin:1rem}figure{display:inline-block;vertical-align:top;margin:0 1rem 1rem 0}img{max-width:640px;border:1px solid #ccc}</style>\n` +
    shots.map((s) => `<figure><img src="${esc(s.file)}" loading="lazy" alt=""><figcaption>${esc(s.path)} · ${s.width} px · ${s.scheme}</figcaption></figure>`).join('\n'),
);
console.log(`${shots.length} screenshots of ${pages.length} page types in ${path.relative(process.cwd(), out)}/`);
