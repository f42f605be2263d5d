// Static site. SITE_URL and BASE_PATH let the same build run at a domain root or under a
// sub-path (e.g. GitHub Pages: BASE_PATH=/irregular-atlas/).
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ENGINE_FILES, hashedEngineName } from './tools/duckdb-engine-files.mjs';

const base = process.env.BASE_PATH ?? '/';

/**
 * SITE_URL (e.g. https://atlas.example.net) feeds Astro's `site`: canonical links, citations,
 * BibTeX and embed snippets name it. Unset, the build names no domain (src/lib/site-url.ts).
 */
function siteUrl(value) {
  const v = value?.trim();
  if (!v) return undefined;
  let url;
  try {
    url = new URL(v);
  } catch {
    throw new Error(`SITE_URL must be an absolute http(s) URL, got "${v}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`SITE_URL must be an http(s) URL, got "${v}"`);
  return url.href;
}

// duckdb-wasm depends on its own apache-arrow version; resolve ours to the same copy so the
// browser bundle carries one Arrow, not two (about 150 KB less JavaScript after interaction).
const requireFromDuckdb = createRequire(createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm'));
const duckdbArrow = path.join(path.dirname(requireFromDuckdb.resolve('apache-arrow')), 'Arrow.dom.mjs');

// Size of the engine as served before compression: the browser counts decompressed bytes while
// Content-Length gives the compressed size, so the progress bar needs the real total.
const wasmBytes = statSync(createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm')).size;

// Engine files named by a hash of the bytes served, as tools/copy-duckdb-assets.ts copies them
// (cached as immutable; the worker is patched so the compiled wasm can be cached, see there).
export const duckdbWasm = hashedEngineName(ENGINE_FILES.wasm);
export const duckdbWorker = hashedEngineName(ENGINE_FILES.worker);

// Release id of the latest data (public/data/release.json): the browser keeps decoded tables per
// release (src/lib/db/browser.ts), so a new release is decoded afresh. Empty: nothing is kept.
const releaseFile = path.join(path.dirname(new URL(import.meta.url).pathname), 'public', 'data', 'release.json');
const dataRelease = existsSync(releaseFile) ? (JSON.parse(readFileSync(releaseFile, 'utf8')).release_id ?? '') : '';

export default defineConfig({
  output: 'static',
  // Stories (src/content/stories/*.mdx) place charts and cited values as components.
  integrations: [mdx()],
  site: siteUrl(process.env.SITE_URL),
  base,
  // English at the root with the URLs it always had; the other languages under /ja/ /ko/ /es/ /it/
  // (the one home of that rule is src/lib/i18n/locales.ts; pages live in src/pages/[locale]/).
  i18n: { locales: ['en', 'ja', 'ko', 'es', 'it'], defaultLocale: 'en', routing: { prefixDefaultLocale: false } },
  trailingSlash: 'ignore',
  devToolbar: { enabled: false },
  build: {
    format: 'directory',
    // Stylesheets are files: the CSP allows inline <style> only by hash (public/_headers).
    inlineStylesheets: 'never',
  },
  vite: {
    resolve: { alias: { 'apache-arrow': duckdbArrow } },
    define: {
      'import.meta.env.PUBLIC_DUCKDB_WASM_BYTES': JSON.stringify(wasmBytes),
      'import.meta.env.PUBLIC_DUCKDB_WASM': JSON.stringify(duckdbWasm),
      'import.meta.env.PUBLIC_DUCKDB_WORKER': JSON.stringify(duckdbWorker),
      'import.meta.env.PUBLIC_DATA_RELEASE': JSON.stringify(dataRelease),
    },
    build: {
      // Never inline scripts: the Content-Security-Policy forbids inline <script>.
      assetsInlineLimit: 0,
      chunkSizeWarningLimit: 2000,
    },
    ssr: {
      // Native engine used only at build time; keep it out of the bundle.
      external: ['@duckdb/node-api', '@resvg/resvg-js', 'harfbuzzjs', 'subset-font'],
    },
    optimizeDeps: {
      exclude: ['@duckdb/duckdb-wasm'],
    },
  },
});
