/**
 * Which social images the build draws, and how (node only). One image per chart view people
 * share: every registered chart in its default state (a shared URL with another state falls back
 * to it, and the card says "default view"), every chart view of the country and series pages
 * (lib/page-data/views.ts), and one site card for pages without a chart.
 */
import path from 'node:path';
import type { ChartSpec } from '../charts/spec.ts';
import { CHARTS, loadSpec } from '../charts/registry.ts';
import { prepareChart } from '../charts/prepare-node.ts';
import { publisherSummary, sourceDatasets, sourcesOf } from '../charts/sources.ts';
import { viewCaveat } from '../domain/caveats.ts';
import { latestRelease } from '../embed/releases.ts';
import { allSeries } from '../page-data/data.ts';
import { allViews } from '../page-data/views.ts';
import { socialPng, type SocialCard } from './image.ts';
import { localizeSpec } from '../charts/locale.ts';
import { CHART_TEXT, txFor } from '../i18n/chart-text/index.ts';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales.ts';
import { translator } from '../i18n/messages.ts';

export const SITE_CARD_ID = 'site';
export const SITE_NAME = 'Irregular Atlas';
/** The site card's line (the English catalog's `social.tagline`). */
export const SITE_TAGLINE = translator(DEFAULT_LOCALE)('social.tagline');

/** Site-relative path of a view's image (no leading slash; prefix the base). */
export const socialImagePath = (id: string) => `og/${id}.png`;

export interface SocialView {
  id: string;
  spec: ChartSpec | null;
  state: Record<string, unknown>;
  /** True for a registered chart in its default state (the fallback of any other state). */
  isDefault: boolean;
  /** The language the card is written in (English: the views of every page). */
  locale?: Locale;
}

/**
 * The cards drawn in another language: the site card and every registered chart in its default
 * state (a translated page showing a page view shares that view's English card; its title and
 * description tags are in the page's language).
 */
export async function localizedSocialViews(locale: Locale): Promise<SocialView[]> {
  const out: SocialView[] = [{ id: SITE_CARD_ID, spec: null, state: {}, isDefault: false, locale }];
  for (const id of Object.keys(CHARTS)) out.push({ id, spec: localizeSpec(await loadSpec(id), locale, CHART_TEXT[locale]), state: {}, isDefault: true, locale });
  return out;
}


export async function socialViews(): Promise<SocialView[]> {
  const out: SocialView[] = [{ id: SITE_CARD_ID, spec: null, state: {}, isDefault: false }];
  for (const id of Object.keys(CHARTS)) out.push({ id, spec: await loadSpec(id), state: {}, isDefault: true });
  for (const v of await allViews()) out.push({ id: v.id, spec: v.spec, state: v.state, isDefault: false });
  return out;
}

const FONT_CACHE = path.join(process.cwd(), 'node_modules', '.cache', 'atlas-fonts');

/** The card of a view: its chart drawn at build time with its title, caveat, sources and release. */
export async function socialCard(view: SocialView): Promise<SocialCard> {
  const locale = view.locale ?? DEFAULT_LOCALE;
  // Words in the card's language, whatever page the build rendered last.
  const tx = txFor(locale);
  const t = translator(locale);
  const release = latestRelease();
  const credit = tx('{site} · data release {id}', { site: t('site.name'), id: release.id ?? tx('unreleased') });
  if (!view.spec) return { title: t('site.name'), subtitle: t('social.tagline'), credit };
  const chart = await prepareChart(view.spec, view.state);
  const data = chart.rows[view.spec.encodings.dataset] ?? [];
  const seriesIds = new Set(data.map((r) => r.series_id).filter((s): s is string => typeof s === 'string'));
  const countries = [...new Set(data.map((r) => r.country_code).filter((c): c is string => typeof c === 'string'))];
  const categories = (await allSeries()).filter((s) => seriesIds.has(s.id));
  const sources = publisherSummary(sourcesOf(chart.rows, sourceDatasets(view.spec, chart.state as { layers?: string[] })), 3);
  const caveat = viewCaveat(categories, countries);
  return {
    title: view.spec.title,
    subtitle: view.isDefault ? tx('Default view · {subtitle}', { subtitle: view.spec.subtitle }) : view.spec.subtitle,
    chartSvg: chart.svg.wide,
    caveat: caveat && tx(caveat),
    source: sources ? tx('Sources: {sources}', { sources }) : null,
    credit,
  };
}

export async function renderSocialView(view: SocialView): Promise<Buffer> {
  return socialPng(await socialCard(view), FONT_CACHE);
}
