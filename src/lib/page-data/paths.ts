/**
 * Internal links that respect the site's base path (BASE_PATH at build time), so the same pages
 * work at a domain root and under a sub-path.
 */
const BASE = (import.meta.env?.BASE_URL ?? '/').replace(/\/?$/, '/');

/** `page('countries/jpn/')` → `/countries/jpn/` (or `/sub/countries/jpn/`). */
export function page(path: string): string {
  return BASE + path.replace(/^\//, '');
}

export const countryHref = (code: string) => page(`countries/${code.toLowerCase()}/`);
export const seriesHref = (id: string) => page(`series/${id}/`);
export const sourceHref = (id: string) => page(`sources/#${id}`);
