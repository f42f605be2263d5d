/**
 * The CSP allows inline <style> blocks only by hash (public/_headers: style-src-elem). Every
 * <style> in the built pages — Plot's rules inside each SVG, the no-JavaScript rule — must have
 * its hash listed, and Plot must write the same block in the browser as at build time.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

const DIST = path.resolve('dist');
const headers = readFileSync('public/_headers', 'utf8');
const allowed = new Set([...headers.matchAll(/'sha256-([A-Za-z0-9+/=]+)'/g)].map((m) => m[1]));
const sha = (t: string) => createHash('sha256').update(t, 'utf8').digest('base64');

function* htmlFiles(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* htmlFiles(p);
    else if (e.name.endsWith('.html')) yield p;
  }
}

describe('inline <style> blocks are allowed by hash', () => {
  it.skipIf(!existsSync(DIST))('every block of every built page', () => {
    const missing = new Map<string, string>();
    let n = 0;
    for (const f of htmlFiles(DIST)) {
      for (const m of readFileSync(f, 'utf8').matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) {
        n++;
        if (!allowed.has(sha(m[1]))) missing.set(sha(m[1]), `${path.relative(DIST, f)}: ${m[1].slice(0, 60)}`);
      }
    }
    expect(n).toBeGreaterThan(0);
    expect([...missing.values()]).toEqual([]);
  });

  it("Plot's block, as the browser writes it", () => {
    const { document } = parseHTML('<!doctype html><html><body></body></html>');
    const svg = Plot.plot({ document, className: 'chart-svg-plot', marks: [Plot.dot([1, 2], { x: (d: number) => d })] }) as unknown as Element;
    const text = svg.querySelector('style')?.textContent ?? '';
    expect(allowed.has(sha(text)), text).toBe(true);
  });
});
