/**
 * /og/<id>.png: the social image (og:image, twitter:image) of a chart view or of the site, drawn
 * at build time (lib/social/). 1200 × 630 PNG.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { renderSocialView, socialViews, type SocialView } from '../../lib/social/views.ts';

export const getStaticPaths: GetStaticPaths = async () => (await socialViews()).map((view) => ({ params: { id: view.id }, props: { view } }));

export const GET: APIRoute = async ({ props }) => {
  const png = await renderSocialView((props as { view: SocialView }).view);
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
