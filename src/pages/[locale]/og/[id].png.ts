/**
 * /<locale>/og/<id>.png: the social image of the site card and of each registered chart in
 * Japanese, Korean, Spanish or Italian (lib/social/views.ts), drawn with the fonts that draw kana,
 * hangul and accents. 1200 × 630 PNG.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { localizedSocialViews, renderSocialView, type SocialView } from '../../../lib/social/views.ts';
import { PREFIXED_LOCALES } from '../../../lib/i18n/locales.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const out = [];
  for (const locale of PREFIXED_LOCALES) for (const view of await localizedSocialViews(locale)) out.push({ params: { locale, id: view.id }, props: { view } });
  return out;
};

export const GET: APIRoute = async ({ props }) => {
  const png = await renderSocialView((props as { view: SocialView }).view);
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
