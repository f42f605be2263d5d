/**
 * og:image and oEmbed URLs are absolute only when the build knows the site (SITE_URL; README,
 * "Site URL"): link unfurlers need absolute URLs, and without SITE_URL the build names no domain
 * (root-relative links, under BASE_PATH). SocialMeta.astro and the oEmbed route use these helpers.
 */
import { describe, expect, it } from 'vitest';
import { oembedJson, socialLinks } from '../../src/lib/social/oembed.ts';

const site = new URL('https://atlas.test.invalid/');

describe('social URLs and SITE_URL', () => {
  it('with SITE_URL: absolute image and oEmbed discovery URLs', () => {
    expect(socialLinks('irregular-residence-comparison', '/', site)).toEqual({
      image: 'https://atlas.test.invalid/og/irregular-residence-comparison.png',
      oembed: 'https://atlas.test.invalid/oembed/irregular-residence-comparison.json',
    });
    expect(socialLinks(null, '/', site)).toEqual({ image: 'https://atlas.test.invalid/og/site.png', oembed: null });
  });

  it('without SITE_URL: root-relative, under BASE_PATH, no domain', () => {
    expect(socialLinks('irregular-residence-comparison', '/', undefined)).toEqual({
      image: '/og/irregular-residence-comparison.png',
      oembed: '/oembed/irregular-residence-comparison.json',
    });
    expect(socialLinks('x', '/sub', undefined)).toEqual({ image: '/sub/og/x.png', oembed: '/sub/oembed/x.json' });
    expect(socialLinks(undefined, '/sub/', undefined).image).toBe('/sub/og/site.png');
  });

  it('oEmbed JSON: every URL absolute with SITE_URL, root-relative without', () => {
    const withSite = oembedJson({ id: 'x', title: 'T', height: 400, base: '/', site });
    expect(withSite.provider_url).toBe('https://atlas.test.invalid/');
    expect(withSite.thumbnail_url).toBe('https://atlas.test.invalid/og/x.png');
    expect(withSite.html).toContain('src="https://atlas.test.invalid/embed/x/');
    const without = oembedJson({ id: 'x', title: 'T', height: 400, base: '/', site: undefined });
    expect(without.provider_url).toBe('/');
    expect(without.thumbnail_url).toBe('/og/x.png');
    expect(without.html).not.toMatch(/https?:\/\//);
  });
});
