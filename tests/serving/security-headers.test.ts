/**
 * Issue 16, headers: COOP on every page, CORP cross-origin where other sites embed or fetch
 * (embeds, data, releases, scripts, the engine), HSTS in every generated HTTPS host config.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blocks, generate } from '../../tools/headers-config.ts';

const text = readFileSync(new URL('../../public/_headers', import.meta.url), 'utf8');
const get = (b: { headers: [string, string][] }, name: string) => b.headers.find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];

describe('security headers', () => {
  const bs = blocks(text);

  it('every path gets COOP same-origin and HSTS', () => {
    for (const b of bs) {
      expect(get(b, 'Cross-Origin-Opener-Policy'), String(b.prefix)).toBe('same-origin');
      expect(get(b, 'Strict-Transport-Security'), String(b.prefix)).toMatch(/^max-age=\d{7,}/);
    }
  });

  it('what other sites load is marked cross-origin (CORP), so embeds keep working', () => {
    for (const prefix of ['/embed/', '/data/', '/releases/', '/_astro/', '/duckdb/']) {
      expect(get(bs.find((b) => b.prefix === prefix)!, 'Cross-Origin-Resource-Policy'), prefix).toBe('cross-origin');
    }
  });

  it('the generated host configs carry the same headers and are up to date', () => {
    const files = generate(text);
    for (const [name, body] of Object.entries(files)) {
      expect(body, name).toContain('Strict-Transport-Security');
      expect(body, name).toContain('Cross-Origin-Opener-Policy');
      expect(readFileSync(new URL(`../../deploy/${name}`, import.meta.url), 'utf8'), name).toBe(body);
    }
  });
});
