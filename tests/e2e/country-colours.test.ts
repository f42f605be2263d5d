/**
 * One colour per country, site-wide: in every chart of the built site (pages and embeds) a core
 * country's lines are the only ones in its colour, and at least one of its lines has it. The test
 * names home, each core country's page, Explore and the embeds explicitly, so it cannot pass by
 * finding no lines there. Explore's pre-rendered default shows Japan and Korea only; the four
 * countries are also drawn in Explore from the published data, the way the browser would.
 * Reads dist/ (npm run build) and public/data; no browser needed.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORE_COUNTRIES, COUNTRY_COLORS, type CoreCountry } from '../../src/lib/domain/countries.ts';
import { prepareChart } from '../../src/lib/charts/prepare-node.ts';
import { loadSpec } from '../../src/lib/charts/registry.ts';

const DIST = path.resolve('dist');

/** Line id → colour of each chart's wide SVG in an HTML page (or an SVG string). */
function chartLines(html: string): Map<string, string>[] {
  const parts = html.split('chart-svg--wide');
  return parts
    .slice(1)
    .map((part, i) => {
      const svg = part.slice(0, part.indexOf('</svg>'));
      const lines = new Map<string, string>();
      // Competing estimates draw one country's estimators in estimator hues (domain/estimators.ts), never country colours.
      const chart = [...parts[i].matchAll(/data-chart="([^"]+)"/g)].at(-1)?.[1];
      if (chart === 'competing-estimates') return lines;
      for (const m of svg.matchAll(/<circle[^>]*>/g)) {
        const line = /data-line="([^"]*)"/.exec(m[0])?.[1];
        const stroke = /stroke="(#[0-9A-Fa-f]{6})"/.exec(m[0])?.[1];
        if (line && stroke && !lines.has(line)) lines.set(line, stroke.toUpperCase());
      }
      return lines;
    });
}

/** Country code of a line id: `<series>:<country>[:<group>:<age>]`, or the code itself (event timelines: one row per country). */
/** The country of a line id: `series:COUNTRY` or, for a breakdown, `series:part:COUNTRY:decision`. */
const countryOf = (line: string) => (line.includes(':') ? (line.split(':').slice(1).find((x) => /^[A-Z]{3}$|^EU|^EA|^EFTA/.test(x)) ?? line.split(':')[1]) : line);

/** Problems with the colours of one chart (empty when it keeps the rule). */
function problems(lines: Map<string, string>): string[] {
  const out: string[] = [];
  for (const c of CORE_COUNTRIES) {
    const own = COUNTRY_COLORS[c].toUpperCase();
    const mine = [...lines].filter(([l]) => countryOf(l) === c);
    if (mine.length && !mine.some(([, col]) => col === own)) out.push(`${c} lines ${mine.map(([l, col]) => `${l}=${col}`).join(', ')} lack ${own}`);
    for (const [l, col] of lines) if (col === own && countryOf(l) !== c) out.push(`${l} uses ${c}'s colour ${own}`);
  }
  return out;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? htmlFiles(p) : f.endsWith('.html') ? [p] : [];
  });
}

const built = existsSync(path.join(DIST, 'index.html'));

describe.skipIf(!built)('one colour per country', () => {
  const page = (p: string) => readFileSync(path.join(DIST, p), 'utf8');
  /** The colour each country's lines have in the charts of a page. */
  const coloursOn = (p: string, c: CoreCountry) =>
    new Set(chartLines(page(p)).flatMap((lines) => [...lines].filter(([l]) => countryOf(l) === c).map(([, col]) => col)));

  for (const c of CORE_COUNTRIES) {
    it(`${c} is ${COUNTRY_COLORS[c]} on home, its country page, its page's embed and the home chart's embed`, () => {
      const own = COUNTRY_COLORS[c].toUpperCase();
      const slug = c.toLowerCase();
      const embed = `embed/${slug}-irregular-residence-1/index.html`;
      for (const p of ['index.html', `countries/${slug}/index.html`, embed, 'embed/irregular-residence-comparison/index.html']) {
        expect(coloursOn(p, c), p).toContain(own);
      }
    });
  }

  it('Explore draws each core country in its colour (pre-rendered default and the four countries)', async () => {
    expect(coloursOn('explore/index.html', 'JPN')).toContain(COUNTRY_COLORS.JPN.toUpperCase());
    expect(coloursOn('explore/index.html', 'KOR')).toContain(COUNTRY_COLORS.KOR.toUpperCase());
    const spec = await loadSpec('explore');
    const chart = await prepareChart(spec, {
      series: ['jpn_overstayers', 'kor_illegal_stay', 'esp_irregular_estimate_funcas', 'ita_irregular_estimate_ismu'],
      countries: [...CORE_COUNTRIES],
    });
    const [lines] = chartLines(`<div class="chart-svg chart-svg--wide">${chart.svg.wide}</div>`);
    for (const c of CORE_COUNTRIES) expect([...lines].filter(([l]) => countryOf(l) === c).map(([, col]) => col), c).toContain(COUNTRY_COLORS[c].toUpperCase());
    expect(problems(lines)).toEqual([]);
  });

  it('no chart on any page or embed gives a core country another colour, or its colour to another country', () => {
    const bad: string[] = [];
    for (const file of htmlFiles(DIST)) {
      chartLines(readFileSync(file, 'utf8')).forEach((lines, i) => {
        for (const p of problems(lines)) bad.push(`${path.relative(DIST, file)} #${i + 1}: ${p}`);
      });
    }
    expect(bad).toEqual([]);
  });
});
