/**
 * The site's languages and how a language shows in a URL. English lives at the root with the
 * URLs it always had; every other language is a path prefix (`/ja/countries/JPN/`). This file is
 * the one home for that rule: pages, the language switcher, hreflang links, embeds and exports
 * all ask it.
 */
export const LOCALES = ['en', 'ja', 'ko', 'es', 'it'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';

/** Languages served under a prefix. */
export const PREFIXED_LOCALES = LOCALES.filter((l) => l !== DEFAULT_LOCALE);

/** BCP 47 tag handed to Intl for numbers and dates (British date order for English). */
export const INTL_TAG: Record<Locale, string> = {
  en: 'en-GB',
  ja: 'ja-JP',
  ko: 'ko-KR',
  es: 'es-ES',
  it: 'it-IT',
};

/** Each language named in itself, for the switcher. */
export const LANGUAGE_NAMES: Record<Locale, string> = {
  en: 'English',
  ja: '日本語',
  ko: '한국어',
  es: 'Español',
  it: 'Italiano',
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function normalBase(base: string): string {
  return base.endsWith('/') ? base : `${base}/`;
}

/** The language a site path belongs to: its first segment after the base, else English. */
export function localeOfPath(pathname: string, base = '/'): Locale {
  const b = normalBase(base);
  const rest = pathname.startsWith(b) ? pathname.slice(b.length) : pathname.replace(/^\//, '');
  const first = rest.split('/')[0];
  return isLocale(first) && first !== DEFAULT_LOCALE ? first : DEFAULT_LOCALE;
}

/**
 * The same page in another language: strips the current language prefix (if any) and adds the
 * target's. Query string and hash are kept, so a chart's view survives the switch.
 */
export function pathInLocale(url: string, target: Locale, base = '/'): string {
  const b = normalBase(base);
  const m = /^([^?#]*)(.*)$/.exec(url)!;
  let pathname = m[1];
  const tail = m[2];
  if (!pathname.startsWith(b)) pathname = b + pathname.replace(/^\//, '');
  let rest = pathname.slice(b.length);
  const first = rest.split('/')[0];
  if (isLocale(first) && first !== DEFAULT_LOCALE) rest = rest.slice(first.length).replace(/^\//, '');
  const prefix = target === DEFAULT_LOCALE ? '' : `${target}/`;
  return `${b}${prefix}${rest}${tail}`;
}

/** A site path (without base, e.g. `countries/JPN/`) in a language, base included. */
export function localHref(path: string, locale: Locale, base = '/'): string {
  const prefix = locale === DEFAULT_LOCALE ? '' : `${locale}/`;
  return `${normalBase(base)}${prefix}${path.replace(/^\//, '')}`;
}

/**
 * Pages that exist in every language, as site paths without base or language (`countries/JPN/`);
 * every other page is English only for now, and links to it from a translated page go to English.
 * The one home of that list: the nav, the language switcher, embeds' links back and tests ask it.
 */
const TRANSLATED: RegExp[] = [/^$/, /^embed\/[^/]+\/$/, /^countries\/[a-z0-9_]+\/$/, /^series\/[a-z0-9_]+\/$/, /^countries\/$/, /^regularizations\/$/, /^rule-changes\/$/, /^maps\/$/, /^series\/$/, /^explore\/$/];

export function isTranslatedPath(path: string): boolean {
  const p = path.replace(/^\//, '').replace(/[?#].*$/, '');
  return TRANSLATED.some((r) => r.test(p));
}

/**
 * A site link (base included, as the English site writes it) for a page in `locale`: the page in
 * that language where it exists, else the English page.
 */
export function localLink(href: string, locale: Locale, base = '/'): string {
  if (locale === DEFAULT_LOCALE) return href;
  const b = normalBase(base);
  if (!href.startsWith(b)) return href;
  const rest = href.slice(b.length);
  return isTranslatedPath(rest) ? pathInLocale(href, locale, base) : href;
}
