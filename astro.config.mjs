// Static site. SITE_URL and BASE_PATH let the same build run at a domain root or under a
// sub-path (e.g. GitHub Pages: BASE_PATH=/irregular-atlas/).
import { defineConfig } from 'astro/config';

const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  output: 'static',
  site: process.env.SITE_URL ?? 'https://irregular-atlas.example.org',
  base,
  trailingSlash: 'ignore',
  devToolbar: { enabled: false },
  build: {
    format: 'directory',
    // Small pages: inline the stylesheet (the CSP allows inline styles, not inline scripts).
    inlineStylesheets: 'auto',
  },
  vite: {
    build: {
      // Never inline scripts: the Content-Security-Policy forbids inline <script>.
      assetsInlineLimit: 0,
      chunkSizeWarningLimit: 2000,
    },
    ssr: {
      // Native engine used only at build time; keep it out of the bundle.
      external: ['@duckdb/node-api'],
    },
    optimizeDeps: {
      exclude: ['@duckdb/duckdb-wasm'],
    },
  },
});
