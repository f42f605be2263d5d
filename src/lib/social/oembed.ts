/**
 * oEmbed (https://oembed.com, type "rich"): one static JSON per chart view, found through
 * `<link rel="alternate" type="application/json+oembed">` on the chart's page and its embed page,
 * so editors that embed by pasting a link (Ghost, Notion, WordPress…) get the iframe.
 * URLs are absolute when SITE_URL is set (as oEmbed consumers need); without it they stay
 * root-relative like every other build-time link (src/lib/site-url.ts).
 */
import { embedPath, embedSnippet } from '../embed/params.ts';
import { publicUrl } from '../site-url.ts';
import { SITE_CARD_ID, SITE_NAME, socialImagePath } from './views.ts';
import { CHARTS } from '../charts/registry.ts';
import { SOCIAL_HEIGHT, SOCIAL_WIDTH } from './image.ts';

export const oembedPath = (id: string) => `oembed/${id}.json`;

/**
 * The og:image and oEmbed discovery URLs of a page (SocialMeta.astro): absolute when the build
 * knows the site (SITE_URL), root-relative (under BASE_PATH) otherwise. `view` is a chart view id,
 * or null for a page without a chart (the site card, no oEmbed).
 */
export function socialLinks(view: string | null | undefined, base: string, site: URL | undefined, locale = 'en'): { image: string; oembed: string | null } {
  const b = base.endsWith('/') ? base : `${base}/`;
  const id = view ?? SITE_CARD_ID;
  // The site card and the registered charts have a card in every language (lib/social/views.ts).
  const lang = locale !== 'en' && (id === SITE_CARD_ID || Object.hasOwn(CHARTS, id)) ? `${locale}/` : '';
  return {
    image: publicUrl(`${b}${lang}${socialImagePath(id)}`, site),
    oembed: view ? publicUrl(`${b}${oembedPath(view)}`, site) : null,
  };
}

export interface OEmbedInput {
  id: string;
  title: string;
  height: number;
  base: string;
  site: URL | undefined;
}

export function oembedJson(o: OEmbedInput) {
  const src = publicUrl(embedPath(o.base, o.id), o.site);
  return {
    version: '1.0',
    type: 'rich',
    provider_name: SITE_NAME,
    provider_url: publicUrl(o.base, o.site),
    title: o.title,
    html: embedSnippet({ src, loader: publicUrl(`${o.base}embed.js`, o.site), title: o.title, height: o.height }),
    width: 640,
    height: Math.round(o.height),
    thumbnail_url: publicUrl(`${o.base}${socialImagePath(o.id)}`, o.site),
    thumbnail_width: SOCIAL_WIDTH,
    thumbnail_height: SOCIAL_HEIGHT,
    cache_age: 86400,
  };
}
