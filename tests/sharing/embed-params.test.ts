/**
 * Embed URLs, snippets, the default height and the loader's size (src/lib/embed/, public/embed.js).
 * The behaviour of the loader and the height reporter in a real browser is in tests/e2e/embed.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { transformSync } from 'esbuild';
import { brotliCompressSync } from 'node:zlib';
import {
  differsFromDefault,
  embedPath,
  embedSearch,
  embedSnippet,
  parseTheme,
  stateParams,
  type ParamField,
} from '../../src/lib/embed/params.ts';
import { defaultHeight, estimateHeight, svgBox, FIT_WIDTHS } from '../../src/lib/embed/height.ts';
import { fullChartHref } from '../../src/lib/embed/links.ts';
import { spec } from '../../src/charts/irregular-residence-comparison.ts';
import { parseLoose, parseState } from '../../src/lib/charts/url-state.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const fields: ParamField[] = spec.url;
const defaults = parseLoose(spec, {}) as Record<string, unknown>;

describe('embed query string', () => {
  it('is empty for the default view, so the embed needs no chart code', () => {
    expect(embedSearch(fields, defaults, defaults)).toBe('');
    expect(differsFromDefault('', stateParams(fields, defaults))).toBe(false);
  });

  it('carries the whole state when the view differs, and reads back to the same state', () => {
    const state = parseState(spec, '?countries=JPN,KOR&scale=log');
    const q = embedSearch(fields, state, defaults);
    expect(q).toContain('countries=JPN,KOR');
    expect(q).toContain('scale=log');
    expect(q).toContain('from=1990');
    expect(parseState(spec, q)).toEqual(state);
    expect(differsFromDefault(q, stateParams(fields, defaults))).toBe(true);
  });

  it('treats default values written out as the default view', () => {
    const q = embedSearch(fields, parseState(spec, '?scale=log'), defaults).replace('scale=log', 'scale=linear');
    expect(differsFromDefault(q, stateParams(fields, defaults))).toBe(false);
  });

  it('adds the theme only when it is not auto', () => {
    expect(embedSearch(fields, defaults, defaults, 'dark')).toBe('?theme=dark');
    expect(parseTheme('?theme=dark')).toBe('dark');
    expect(parseTheme('?theme=purple')).toBe('auto');
    expect(parseTheme('')).toBe('auto');
  });

  it('links back to the full chart without the embed-only theme', () => {
    expect(fullChartHref('/', spec.id, '?scale=log&theme=dark')).toBe(`/?scale=log#${spec.id}`);
    // a chart without a page of its own links to the home page, with no dangling fragment
    expect(fullChartHref('/atlas/', 'no-such-page', '?a=1')).toBe('/atlas/');
  });
});

describe('embed paths and snippet', () => {
  it('builds latest and pinned paths under the site base', () => {
    expect(embedPath('/', 'c')).toBe('/embed/c/');
    expect(embedPath('/atlas/', 'c', '2026.11.23-0f311b3c')).toBe('/atlas/embed/v/2026.11.23-0f311b3c/c/');
  });

  it('writes an iframe with the sandbox, a default height, the loader, and escaped attributes', () => {
    const s = embedSnippet({ src: 'https://x.org/embed/c/?a=1&b=2', loader: 'https://x.org/embed.js', title: 'A "quoted" <title>', height: 812.4 });
    expect(s).toMatch(/^<iframe src="https:\/\/x\.org\/embed\/c\/\?a=1&amp;b=2" data-atlas-embed /);
    expect(s).toContain('title="A &quot;quoted&quot; &lt;title&gt;"');
    expect(s).toContain('sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"');
    expect(s).toContain('loading="lazy"');
    expect(s).toContain('height="812"');
    expect(s).toMatch(/<script async src="https:\/\/x\.org\/embed\.js"><\/script>$/);
  });
});

describe('default height', () => {
  const shape = {
    wide: { width: 760, height: 502 },
    narrow: { width: 343, height: 420 },
    title: spec.title,
    subtitle: spec.subtitle,
    key: ['Official count', 'Research estimate', 'Estimate range', ...spec.layers.map((l) => l.label)],
    sourceChars: 190,
  };

  it('reads a Plot SVG size from its viewBox', () => {
    expect(svgBox('<svg class="x" width="760" height="502" viewBox="0 0 760 502">')).toEqual({ width: 760, height: 502 });
  });

  it('fits the tallest of the common widths', () => {
    const h = defaultHeight(shape);
    for (const w of [...FIT_WIDTHS, 375, 768]) expect(h).toBeGreaterThanOrEqual(estimateHeight(w, shape));
    expect(h % 10).toBe(0);
  });

  it('grows when the text wraps more on a phone', () => {
    expect(estimateHeight(320, shape)).toBeGreaterThan(estimateHeight(768, shape));
  });
});

describe('public/embed.js', () => {
  const source = readFileSync(path.join(ROOT, 'public/embed.js'), 'utf8');

  it('is at most 2 KB minified', () => {
    const min = transformSync(source, { minify: true, loader: 'js' }).code;
    expect(min.length).toBeLessThanOrEqual(2048);
    // what a host page actually downloads (compressed, unminified with its comments)
    expect(brotliCompressSync(Buffer.from(source)).length).toBeLessThan(1400);
  });

  it('has no dependencies and talks only the atlas message types', () => {
    expect(source).not.toMatch(/\bimport\b|\brequire\(/);
    expect(source).toContain('atlas:height');
    expect(source).toContain('atlas:hello');
    expect(source).toContain('data-atlas-embed');
  });
});
