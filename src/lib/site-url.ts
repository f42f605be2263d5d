/**
 * The site's public address: `SITE_URL` at build time (astro.config.mjs passes it to Astro's
 * `site`). When it is not set the build names no domain at all: links in citations, embed
 * snippets and canonical tags stay root-relative, and the browser fills in the page's own origin
 * (chart-actions and embed-button rebuild their text from `location.origin`; elements marked
 * `data-relative-url` are completed by `completeRelativeUrls`).
 */

/** The configured site (Astro.site), or null when SITE_URL was not set. */
export function configuredSite(site: URL | undefined): URL | null {
  return site ?? null;
}

/** Absolute URL of a root-relative path when the site is known; else the path itself. */
export function publicUrl(path: string, site: URL | undefined): string {
  return site ? new URL(path, site).href : path;
}

/** Origin for snippets built at build time ('' when unknown: the browser completes them). */
export function publicOrigin(site: URL | undefined): string {
  return site ? site.origin : '';
}

/**
 * In the browser: text fields whose build-time text holds a root-relative URL (their
 * `data-relative-url`) get it prefixed with the page's origin, once.
 */
export function completeRelativeUrls(root: ParentNode = document): void {
  for (const el of root.querySelectorAll<HTMLTextAreaElement | HTMLInputElement>('[data-relative-url]')) {
    const rel = el.dataset.relativeUrl;
    if (!rel || !rel.startsWith('/')) continue;
    const abs = `${location.origin}${rel}`;
    if (!el.value.includes(abs)) el.value = el.value.split(rel).join(abs);
    delete el.dataset.relativeUrl;
  }
}
