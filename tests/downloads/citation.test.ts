/**
 * Citations (src/lib/chart-actions/citation.ts): the plain line and the BibTeX entry carry the
 * title, the series, the sources, the data release (id and date), the permalink and the access
 * date; BibTeX specials are escaped. Checked on hand-made input, on the headline chart's real rows
 * (public/data), and on every chart of the built site (the citation rendered into the HTML).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { bibtexEscape, buildCitation, citationBibtex, citationText, citeKey, sourcesPhrase } from '../../src/lib/chart-actions/citation.ts';
import { sourceDatasets, sourcesOf, type SourceRef } from '../../src/lib/charts/sources.ts';
import { prepareChart } from '../../src/lib/charts/prepare-node.ts';
import { spec as headline } from '../../src/charts/irregular-residence-comparison.ts';

const release = { id: '2026.11.23-92f589b1', date: '2026-11-23' };
const few: SourceRef[] = [
  { publisher: 'Immigration Services Agency of Japan', title: 'Number of overstayers as of 1 January 2024', url: 'https://www.moj.go.jp/isa/' },
  { publisher: 'Korea Immigration Service', title: 'Statistics monthly', url: null },
];

describe('citation text', () => {
  it('follows "<title> [series]. Irregular Atlas, release <id> (<date>). Sources: …. <permalink>. Accessed <today>."', () => {
    const text = citationText({
      title: 'People without legal residence in four countries',
      series: ['Overstayers (Japan)', 'People staying illegally (South Korea)', 'Overstayers (Japan)'],
      sources: few,
      release,
      permalink: 'https://atlas.example/?countries=JPN,KOR#irregular-residence-comparison',
      accessed: '2026-12-01',
    });
    expect(text).toBe(
      'People without legal residence in four countries [series: Overstayers (Japan); People staying illegally (South Korea)]. ' +
        'Irregular Atlas, release 2026.11.23-92f589b1 (2026-11-23). ' +
        'Sources: Immigration Services Agency of Japan, "Number of overstayers as of 1 January 2024"; Korea Immigration Service, "Statistics monthly". ' +
        'https://atlas.example/?countries=JPN,KOR#irregular-residence-comparison. Accessed 2026-12-01.',
    );
  });

  it('names documents when there are few, and the publishers (most cited first, then a count) when there are many', () => {
    expect(sourcesPhrase(few)).toContain('"Statistics monthly"');
    const many: SourceRef[] = Array.from({ length: 30 }, (_, i) => ({ publisher: `Publisher ${String.fromCharCode(65 + (i % 12))}`, title: `Doc ${i}`, url: null }));
    const phrase = sourcesPhrase(many);
    expect(phrase).toMatch(/^Publisher [A-L](; Publisher [A-L]){7} and 4 other publishers$/);
    expect(sourcesPhrase([])).toBe('none listed');
  });
});

describe('BibTeX', () => {
  const input = {
    title: 'Rates & shares: 50% of {everything} #1_a',
    series: ['esp_irregular_estimate_funcas'],
    sources: few,
    release,
    permalink: 'https://atlas.example/series/esp_irregular_estimate_funcas/#chart',
    accessed: '2026-12-01',
  };

  it('is one @misc entry with author, title, release, date, url and access date', () => {
    const bib = citationBibtex(input, citeKey('series-lines', release.id));
    expect(bib).toMatch(/^@misc\{irregularatlas_series_lines_2026_11_23_92f589b1,\n/);
    expect(bib).toContain('version      = {2026.11.23-92f589b1}');
    expect(bib).toContain('date         = {2026-11-23}');
    expect(bib).toContain('year         = {2026}');
    expect(bib).toContain('urldate      = {2026-12-01}');
    expect(bib).toContain('url          = {https://atlas.example/series/esp_irregular_estimate_funcas/#chart}');
    expect(bib).toContain('author       = {{Irregular Atlas contributors}}');
    expect(bib).toMatch(/howpublished = \{Irregular Atlas, data release 2026.11.23-92f589b1 \(2026-11-23\)\}/);
    expect(bib).toContain('Immigration Services Agency of Japan');
    expect(bib.trim().endsWith('}')).toBe(true);
  });

  it('escapes LaTeX specials and keeps braces balanced', () => {
    const bib = citationBibtex(input, 'k');
    expect(bib).toContain('Rates \\& shares: 50\\% of \\{everything\\} \\#1\\_a');
    expect(bib).toContain('esp\\_irregular\\_estimate\\_funcas');
    let depth = 0;
    for (let i = 0; i < bib.length; i++) {
      if (bib[i] === '\\') {
        i++;
        continue;
      }
      if (bib[i] === '{') depth++;
      if (bib[i] === '}') depth--;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
    expect(bibtexEscape('a\\b ~ ^')).toBe('a\\textbackslash{}b \\~{} \\^{}');
  });
});

describe('the headline chart, on the published data', () => {
  it('cites the release of public/data, the series drawn and the publishers behind them', async () => {
    const published = JSON.parse(readFileSync('public/data/release.json', 'utf8'));
    const chart = await prepareChart(headline, {});
    const refs = sourcesOf(chart.rows, sourceDatasets(headline, chart.state as { layers?: string[] }));
    expect(refs.length).toBeGreaterThan(0);
    const series = [...new Set(chart.rows.data.map((r) => String(r.series_id)))];
    const c = buildCitation(
      { title: headline.title, series, sources: refs, release: { id: published.release_id, date: published.created }, permalink: 'https://x.example/#c', accessed: '2026-12-01' },
      citeKey(headline.id, published.release_id),
    );
    for (const text of [c.text, c.bibtex]) {
      expect(text).toContain(published.release_id);
      expect(text).toContain(published.created);
      expect(text).toContain('Sources: ');
      // The most cited publisher of the view is always named.
      expect(text).toContain(sourcesPhrase(refs).split(';')[0].replace(/ and \d+ other publishers?$/, '').replace(/[&%$#_]/g, (ch) => (text === c.bibtex ? `\\${ch}` : ch)));
    }
    for (const id of series) expect(c.text).toContain(id);
  });
});

describe('citations rendered in the built site', () => {
  const dist = path.resolve(process.env.E2E_DIST ?? 'dist');
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const n of readdirSync(dir)) {
      const f = path.join(dir, n);
      if (statSync(f).isDirectory()) {
        if (!['_astro', 'duckdb', 'data', 'releases'].includes(n)) walk(f);
      } else if (n === 'index.html') pages.push(f);
    }
  };

  it('every chart cites the published release and its sources, and names its files after the chart and the release', () => {
    if (!existsSync(path.join(dist, 'index.html'))) throw new Error(`${dist}/index.html missing: run \`npm run data && npm run build\` first`);
    const releaseId = JSON.parse(readFileSync(path.join(dist, 'data/release.json'), 'utf8')).release_id as string;
    walk(dist);
    let charts = 0;
    for (const file of pages) {
      const html = readFileSync(file, 'utf8');
      // Only the <chart-actions> blocks are parsed (170 whole pages take seconds).
      const blocks = html.match(/<chart-actions[\s\S]*?<\/chart-actions>/g);
      if (!blocks) continue;
      const { document } = parseHTML(`<!doctype html><html><body>${blocks.join('')}</body></html>`);
      for (const el of Array.from(document.querySelectorAll('chart-actions'))) {
        charts++;
        const where = `${path.relative(dist, file)} ${el.getAttribute('data-chart')}`;
        expect(el.getAttribute('data-release'), where).toBe(releaseId);
        const text = el.querySelector('[data-cite-text]')!.textContent!;
        const bib = el.querySelector('[data-cite-bibtex]')!.textContent!;
        // English pages word it in English; a translated page (/ja/…) in its language, with the same release.
        const english = !/^(ja|ko|es|it)\//.test(path.relative(dist, file));
        if (english) {
          expect(text, where).toContain(`release ${releaseId}`);
          expect(text, where).toMatch(/Sources: (?!none listed)\S/);
        } else {
          expect(text, where).toContain(releaseId);
          expect(text, where).not.toMatch(/Sources:|none listed/);
        }
        expect(bib, where).toContain(`version      = {${releaseId}}`);
        expect(JSON.parse(el.getAttribute('data-columns')!).length, where).toBeGreaterThan(3);
        for (const act of ['csv', 'svg', 'png', 'permalink', 'copy-text', 'copy-bibtex']) {
          expect(el.querySelector(`button[data-act="${act}"]`), `${where} ${act}`).not.toBeNull();
        }
      }
    }
    expect(charts).toBeGreaterThan(1);
  });
});
