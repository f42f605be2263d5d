/**
 * A page's language at build time, from its path (English at the root, `/ja/…` etc.), and the
 * chart language set to match, so every figure, table and note on the page is drawn in it.
 */
import { localeOfPath, type Locale } from './locales.ts';
import { CHART_TEXT } from './chart-text/index.ts';
import { setChartLocale } from '../charts/locale.ts';

const BASE = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

/** The language of the page at `url`, with the chart language set to it. */
export function pageLocale(url: URL): Locale {
  const locale = localeOfPath(url.pathname, BASE);
  setChartLocale(locale, CHART_TEXT[locale]);
  return locale;
}
