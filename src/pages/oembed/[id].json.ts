/** /oembed/<id>.json: the oEmbed answer of a chart view (lib/social/oembed.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { prepareChart } from '../../lib/charts/prepare-node.ts';
import { embedHeight } from '../../lib/embed/shape.ts';
import { oembedJson } from '../../lib/social/oembed.ts';
import { socialViews, type SocialView } from '../../lib/social/views.ts';

export const getStaticPaths: GetStaticPaths = async () =>
  (await socialViews()).filter((v) => v.spec).map((view) => ({ params: { id: view.id }, props: { view } }));

export const GET: APIRoute = async ({ props, site }) => {
  const { view } = props as { view: SocialView & { spec: NonNullable<SocialView['spec']> } };
  const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
  const chart = await prepareChart(view.spec, view.state);
  const body = oembedJson({ id: view.id, title: view.spec.title, height: embedHeight(view.spec, chart), base, site });
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'content-type': 'application/json+oembed' } });
};
