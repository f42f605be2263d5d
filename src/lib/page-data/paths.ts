/**
 * Internal links that respect the site's base path (BASE_PATH at build time), so the same pages
 * work at a domain root and under a sub-path, and the page's language: a link from a Japanese
 * page goes to the Japanese page where one exists (lib/i18n/locales.ts isTranslatedPath), else to
 * the English one. The language is the page's (set by lib/i18n/page.ts pageLocale, which every
 * page calls first), or the one passed.
 */
import { chartLocale } from '../charts/locale.ts';
import { localLink, type Locale } from '../i18n/locales.ts';

const BASE = (import.meta.env?.BASE_URL ?? '/').replace(/\/?$/, '/');

/** `page('countries/jpn/')` → `/countries/jpn/` (or `/sub/countries/jpn/`, or `/ja/countries/jpn/`). */
export function page(path: string, locale: Locale = chartLocale()): string {
  return localLink(BASE + path.replace(/^\//, ''), locale, BASE);
}

export const countryHref = (code: string, locale?: Locale) => page(`countries/${code.toLowerCase()}/`, locale);
export const seriesHref = (id: string, locale?: Locale) => page(`series/${id}/`, locale);
export const sourceHref = (id: string, locale?: Locale) => page(`sources/#${id}`, locale);
