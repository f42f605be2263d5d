/**
 * Every internal link, asset and download of the built site resolves (tools/check-links.ts),
 * fragments included. External links are not checked: the tests run without network.
 */
import { describe, expect, it } from 'vitest';
import { checkLinks } from '../../tools/check-links.ts';
import { DIST, htmlPages } from './pages.ts';

describe('links in the build', () => {
  it('has no broken internal link or download', async () => {
    const report = await checkLinks(DIST, process.env.BASE_PATH ?? '/');
    const broken = report.broken.map((b) => `${b.page} -> ${b.link}: ${b.reason}`);
    console.log(`links: ${report.pages} pages, ${report.links} internal links and downloads, ${report.broken.length} broken`);
    expect(broken).toEqual([]);
    expect(report.pages).toBe(htmlPages().length);
    expect(report.links).toBeGreaterThan(report.pages);
  });

  it('links every published table as a download somewhere', async () => {
    // The data files are only useful if a page offers them; check-links proves they resolve.
    const { readFileSync, readdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const html = htmlPages()
      .map((p) => readFileSync(join(DIST, p.endsWith('/') ? p + 'index.html' : p), 'utf8'))
      .join('\n');
    const files = readdirSync(join(DIST, 'data')).filter((f) => /\.(parquet|csv)$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    const unlinked = files.filter((f) => !new RegExp(`href="[^"]*data/${f.replace('.', '\\.')}"`).test(html));
    expect(unlinked, 'published files no page links to').toEqual([]);
  });
});
