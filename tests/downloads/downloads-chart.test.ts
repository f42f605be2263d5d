/**
 * Chart downloads made in the browser, checked on the same inputs in Node: the framed SVG
 * (src/lib/chart-actions/svg-export.ts) built from the headline chart's SVG as it is in the built
 * page is a valid standalone SVG (resvg renders it, at 1× and 2×) that carries the title, the
 * sources and the release; the chart CSV (files.ts) reads back with papaparse to the rows in view;
 * file names carry the chart id and the release.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvColumns, downloadName, fileBase, rowsToCsv } from '../../src/lib/chart-actions/files.ts';
import { standaloneSvg, svgSize, wrap, xmlEscape } from '../../src/lib/chart-actions/svg-export.ts';
import { clientColumns } from '../../src/lib/charts/pack.ts';
import { prepareChart } from '../../src/lib/charts/prepare-node.ts';
import { spec as headline } from '../../src/charts/irregular-residence-comparison.ts';

const dist = path.resolve(process.env.E2E_DIST ?? 'dist');

describe('file names', () => {
  it('carry the chart id and the release id', () => {
    expect(downloadName('irregular-residence-comparison', '2026.11.23-0f311b3c', 'csv')).toBe('irregular-residence-comparison_2026.11.23-0f311b3c.csv');
    expect(downloadName('series-lines', null, 'png')).toBe('series-lines_unreleased.png');
    expect(downloadName('a/b c', '1', 'svg')).toBe('a-b-c_1.svg');
  });
});

describe('chart CSV', () => {
  it('has the columns the chart uses (sources included, drawing-only ones left out) and the rows in view', async () => {
    const chart = await prepareChart(headline, { countries: ['JPN', 'ITA'], from: 2000, to: 2020 });
    const cols = csvColumns(clientColumns(headline)[headline.encodings.dataset]);
    expect(cols.slice(0, 3)).toEqual(['series_id', 'label', 'country_code']);
    expect(cols).toEqual(expect.arrayContaining(['period', 'value', 'unit', 'value_kind', 'source_publisher', 'source_title', 'source_url']));
    expect(cols).not.toContain('line_id');
    const rows = chart.rows.data;
    const parsed = Papa.parse<Record<string, string>>(rowsToCsv(rows, cols), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual(cols);
    expect(parsed.data).toHaveLength(rows.length);
    expect(new Set(parsed.data.map((r) => r.country_code))).toEqual(new Set(['JPN', 'ITA']));
    parsed.data.forEach((r, i) => {
      for (const c of cols) expect(r[c], `${i}.${c}`).toBe(rows[i][c] === null || rows[i][c] === undefined ? '' : String(rows[i][c]));
    });
  });
});

describe('standalone SVG', () => {
  it('frames the chart SVG of the built page with title, sources and release, and renders at 1× and 2×', () => {
    const file = path.join(dist, 'index.html');
    if (!existsSync(file)) throw new Error(`${file} missing: run \`npm run data && npm run build\` first`);
    const html = readFileSync(file, 'utf8');
    const chartSvg = html.match(/<div class="chart-svg chart-svg--wide"[^>]*>(<svg[\s\S]*?<\/svg>)<\/div>/)?.[1];
    expect(chartSvg, 'wide chart SVG in dist/index.html').toBeTruthy();
    const size = svgSize(chartSvg!);
    const framed = standaloneSvg(chartSvg!, {
      title: headline.title,
      subtitle: headline.subtitle,
      footer: ['Sources: Immigration Services Agency of Japan; Fondazione ISMU & others.', 'Irregular Atlas, data release 2026.11.23-92f589b1 (2026-11-23). https://x.example/#c'],
    });
    expect(framed.markup.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(framed.width).toBe(size.width + 32);
    expect(framed.height).toBeGreaterThan(size.height + 60);
    expect(framed.markup).toContain(xmlEscape(headline.title));
    expect(framed.markup).toContain('ISMU &amp; others');
    expect(framed.markup).toContain('2026.11.23-92f589b1');
    for (const zoom of [1, 2]) {
      const png = new Resvg(framed.markup, { fitTo: { mode: 'zoom', value: zoom }, font: { loadSystemFonts: false } }).render();
      expect(png.width).toBe(framed.width * zoom);
      expect(png.height).toBe(framed.height * zoom);
    }
  });

  it('wraps long text within the width', () => {
    const lines = wrap('word '.repeat(100).trim(), 300, 11);
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(Math.floor(300 / (11 * 0.54)));
  });
});

describe('file name of a chart', () => {
  it('is the spec id for a chart drawn as registered, else the title as a slug', () => {
    expect(fileBase('irregular-residence-comparison', 'People without legal residence', true)).toBe('irregular-residence-comparison');
    expect(fileBase('series-lines', 'Japan: People without legal residence', false)).toBe('japan-people-without-legal-residence');
    expect(fileBase('series-lines', 'España: regularización (2005)', false)).toBe('espana-regularizacion-2005');
    expect(fileBase('series-lines', '日本', false)).toBe('series-lines');
  });
});
