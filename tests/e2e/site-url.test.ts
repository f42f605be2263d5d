/**
 * SITE_URL is the one place a domain enters the build. Built without it (as here), no page or
 * file names a placeholder or a local domain; citations and snippets stay root-relative and the
 * browser completes them (src/lib/site-url.ts).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publicOrigin, publicUrl } from '../../src/lib/site-url.ts';

const DIST = join(process.cwd(), 'dist');
const TEXT = /\.(html|js|json|xml|txt|css|svg|md|cff)$/;

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (TEXT.test(name)) yield p;
  }
}

describe('site URL', () => {
  it('absolute only when SITE_URL is configured', () => {
    const site = new URL('https://atlas.test.invalid/');
    expect(publicUrl('/data/', site)).toBe('https://atlas.test.invalid/data/');
    expect(publicUrl('/data/', undefined)).toBe('/data/');
    expect(publicOrigin(site)).toBe('https://atlas.test.invalid');
    expect(publicOrigin(undefined)).toBe('');
  });

  it.skipIf(!!process.env.SITE_URL)('no built file names example.org, example.com or localhost', () => {
    const offenders: string[] = [];
    let scanned = 0;
    for (const f of files(DIST)) {
      scanned++;
      const text = readFileSync(f, 'utf8');
      const m = text.match(/[a-z0-9.-]*\bexample\.(org|com)\b|\blocalhost\b|127\.0\.0\.1/i);
      if (m) offenders.push(`${relative(DIST, f)}: ${m[0]}`);
    }
    expect(scanned).toBeGreaterThan(100);
    expect(offenders).toEqual([]);
  });
});
