/**
 * /<locale>/data-text.json: a language's data text (series titles and notes, programme names,
 * rule-change titles), which the browser fetches only after the query engine answered a chart's
 * query on a translated page (lib/charts/data-text.ts). Built from data/i18n/<locale>/*.yml.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { PREFIXED_LOCALES, type Locale } from '../../lib/i18n/locales.ts';
import { readDataTexts } from '../../lib/i18n/data-text-files.ts';

export const getStaticPaths: GetStaticPaths = () => PREFIXED_LOCALES.map((locale) => ({ params: { locale } }));

export const GET: APIRoute = ({ params }) =>
  new Response(JSON.stringify(readDataTexts(params.locale as Locale)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
