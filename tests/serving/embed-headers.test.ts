/**
 * Framing policy on every host: embed routes may be framed anywhere, other pages nowhere. The
 * deploy/ configurations are generated from public/_headers (tools/headers-config.ts); this
 * checks they are up to date and say the same thing as the file the browser tests run with.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { blocks, generate } from '../../tools/headers-config.ts';
import { headersFor, parseHeadersFile } from '../../tools/serve.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const text = readFileSync(path.join(ROOT, 'public/_headers'), 'utf8');

describe('public/_headers', () => {
  const rules = parseHeadersFile(text);
  it('lets embed routes be framed by anyone', () => {
    const h = headersFor(rules, '/embed/irregular-residence-comparison/');
    expect(h['content-security-policy']).toMatch(/frame-ancestors \*/);
    expect(h['x-frame-options']).toBeUndefined();
  });
  it('forbids framing of every other page', () => {
    for (const p of ['/', '/countries/jpn/', '/embedded/', '/data/']) {
      const h = headersFor(rules, p);
      expect(h['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      expect(h['x-frame-options']).toBe('DENY');
    }
  });
  it('serves scripts, the engine and the data with CORS (embeds sandboxed without allow-same-origin)', () => {
    for (const p of ['/_astro/x.js', '/duckdb/duckdb-eh.wasm', '/data/series.parquet', '/releases/2026.11.23-0f311b3c/series.parquet']) {
      expect(headersFor(rules, p)['access-control-allow-origin']).toBe('*');
    }
  });
});

describe('deploy/ header configurations', () => {
  const files = generate(text);
  for (const [name, content] of Object.entries(files)) {
    it(`deploy/${name} is up to date (tsx tools/headers-config.ts)`, () => {
      expect(readFileSync(path.join(ROOT, 'deploy', name), 'utf8')).toBe(content);
    });
  }

  it('gives the embed block frame-ancestors * and no X-Frame-Options, the rest DENY', () => {
    const bs = blocks(text);
    const embed = bs.find((b) => b.prefix === '/embed/')!;
    const rest = bs.find((b) => b.prefix === null)!;
    expect(embed.headers.find(([k]) => k === 'Content-Security-Policy')![1]).toMatch(/frame-ancestors \*/);
    expect(embed.headers.some(([k]) => k === 'X-Frame-Options')).toBe(false);
    expect(rest.headers).toContainEqual(['X-Frame-Options', 'DENY']);
  });

  it('Vercel: the catch-all source does not match embed paths, the embed source does', () => {
    const v = JSON.parse(files['vercel.json']) as { headers: { source: string; headers: { key: string; value: string }[] }[] };
    // Vercel sources are path-to-regexp patterns; these use plain regex groups, testable as regexes.
    const re = (s: string) => new RegExp(`^${s}$`);
    const matching = (p: string) => v.headers.filter((h) => re(h.source).test(p));
    expect(matching('/embed/x/')).toHaveLength(1);
    expect(matching('/embed/x/')[0].headers.some((h) => h.key === 'X-Frame-Options')).toBe(false);
    expect(matching('/countries/jpn/')).toHaveLength(1);
    expect(matching('/countries/jpn/')[0].headers).toContainEqual({ key: 'X-Frame-Options', value: 'DENY' });
  });
});
