/**
 * Writes the site's response headers for static hosts that do not read a `_headers` file, from that
 * file (public/_headers, the one source of truth: Netlify and Cloudflare Pages read it as is, and
 * tools/serve.ts applies it in every browser test). Generated files, in deploy/:
 *   vercel.json       Vercel (copy to the repository root, or merge its "headers")
 *   nginx.conf        nginx `location` blocks (include inside the `server` block)
 *   Caddyfile         Caddy `header` directives (import inside the site block)
 *   apache.htaccess   Apache 2.4 with mod_headers (.htaccess in the document root)
 *
 *   tsx tools/headers-config.ts          write deploy/*
 *   tsx tools/headers-config.ts --check  exit 1 if deploy/* is out of date
 *
 * Every path pattern of _headers except `/*` becomes its own block carrying the full set of
 * headers that path gets (the catch-all's, with the pattern's own replacing or removing them),
 * and the catch-all block excludes those prefixes. So no host has to merge or remove headers,
 * and the framing rule (embed routes may be framed anywhere, nothing else may) holds everywhere.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { headersFor, parseHeadersFile } from './serve.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HEADER = 'Generated from public/_headers by tools/headers-config.ts: do not edit by hand.';

export interface Block {
  /** Path prefix (`/embed/`), or an exact file path (`/embed.js`, with `exact`), or null for everything else. */
  prefix: string | null;
  exact?: boolean;
  headers: [string, string][];
}

/** Header names as the file spells them (headersFor lower-cases). */
function spelling(text: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    const name = t.startsWith('!') ? t.slice(1).trim() : /^[A-Za-z-]+:/.test(t) ? t.slice(0, t.indexOf(':')) : null;
    if (name && /^\s/.test(line)) m.set(name.toLowerCase(), name);
  }
  return m;
}

/** One block per path pattern, plus the catch-all. Patterns are `/prefix/*` or one file (`/embed.js`). */
export function blocks(text: string): Block[] {
  const rules = parseHeadersFile(text);
  const names = spelling(text);
  const globs = text
    .split(/\r?\n/)
    .filter((l) => l.trim() && !l.trim().startsWith('#') && !/^\s/.test(l))
    .map((l) => l.trim());
  const prefixes = [...new Set(globs.filter((g) => g !== '/*'))].map((g) => {
    if (/^\/[A-Za-z0-9._-]+\.[a-z]+$/.test(g)) return { prefix: g, exact: true };
    if (!/^(\/[A-Za-z0-9._-]+)+\/\*$/.test(g)) throw new Error(`_headers pattern "${g}" is not of the form /prefix/* (one or more segments) or /file.ext`);
    return { prefix: g.slice(0, -1), exact: false };
  });
  const named = (h: Record<string, string>): [string, string][] => Object.entries(h).map(([k, v]) => [names.get(k) ?? k, v]);
  return [
    { prefix: null, headers: named(headersFor(rules, '/')) },
    ...prefixes.map((p) => ({ prefix: p.prefix, exact: p.exact, headers: named(headersFor(rules, p.exact ? p.prefix : `${p.prefix}x`)) })),
  ];
}

const esc = (re: string) => re.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function vercel(bs: Block[]): string {
  const others = bs.filter((b) => b.prefix).map((b) => esc(b.prefix!.slice(1)) + (b.exact ? '$' : ''));
  const headers = bs.map((b) => ({
    source: b.prefix ? (b.exact ? b.prefix : `${b.prefix}(.*)`) : `/((?!${others.join('|')}).*)`,
    headers: b.headers.map(([key, value]) => ({ key, value })),
  }));
  // vercel.json has no comment field: the header line is in docs/deploy-embeds.md.
  return JSON.stringify({ headers }, null, 2) + '\n';
}

export function nginx(bs: Block[]): string {
  const out = [`# ${HEADER}`, '# Include inside the server block that serves dist/ (root /path/to/dist;).', ''];
  for (const b of bs) {
    out.push(`location ${b.prefix ? `${b.exact ? '=' : '^~'} ${b.prefix}` : '/'} {`);
    for (const [k, v] of b.headers) out.push(`  add_header ${k} "${v.replace(/"/g, '\\"')}" always;`);
    out.push('  try_files $uri $uri/ $uri.html =404;', '}', '');
  }
  return out.join('\n');
}

export function caddy(bs: Block[]): string {
  const prefixes = bs.filter((b) => b.prefix).map((b) => (b.exact ? b.prefix! : `${b.prefix}*`));
  const out = [`# ${HEADER}`, '# Import inside the site block that serves dist/ (root * /path/to/dist; file_server).', ''];
  bs.forEach((b, i) => {
    const m = `@atlas${i}`;
    out.push(b.prefix ? `${m} path ${b.exact ? b.prefix : `${b.prefix}*`}` : `${m} not path ${prefixes.join(' ')}`);
    out.push(`header ${m} {`);
    for (const [k, v] of b.headers) out.push(`  ${k} "${v.replace(/"/g, '\\"')}"`);
    out.push('}', '');
  });
  return out.join('\n');
}

export function apache(bs: Block[]): string {
  const out = [`# ${HEADER}`, '# Apache 2.4 with mod_headers; place in the document root (dist/) as .htaccess.', ''];
  const specific = bs.filter((b) => b.prefix);
  specific.forEach((b, i) => {
    out.push(`<${i === 0 ? 'If' : 'ElseIf'} "%{REQUEST_URI} =~ m#^${b.exact ? `${esc(b.prefix!)}$` : b.prefix}#">`);
    for (const [k, v] of b.headers) out.push(`  Header always set ${k} "${v.replace(/"/g, '\\"')}"`);
    out.push(`</${i === 0 ? 'If' : 'ElseIf'}>`);
  });
  const rest = bs.find((b) => !b.prefix)!;
  out.push(specific.length ? '<Else>' : '<IfModule mod_headers.c>');
  for (const [k, v] of rest.headers) out.push(`  Header always set ${k} "${v.replace(/"/g, '\\"')}"`);
  out.push(specific.length ? '</Else>' : '</IfModule>', '');
  return out.join('\n');
}

export function generate(text = readFileSync(path.join(REPO, 'public/_headers'), 'utf8')): Record<string, string> {
  const bs = blocks(text);
  return { 'vercel.json': vercel(bs), 'nginx.conf': nginx(bs), Caddyfile: caddy(bs), 'apache.htaccess': apache(bs) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = path.join(REPO, 'deploy');
  const files = generate();
  if (process.argv.includes('--check')) {
    const stale = Object.entries(files).filter(([f, t]) => !existsSync(path.join(dir, f)) || readFileSync(path.join(dir, f), 'utf8') !== t);
    if (stale.length) {
      console.error(`out of date: ${stale.map(([f]) => `deploy/${f}`).join(', ')} (run tsx tools/headers-config.ts)`);
      process.exit(1);
    }
  } else {
    mkdirSync(dir, { recursive: true });
    for (const [f, t] of Object.entries(files)) writeFileSync(path.join(dir, f), t);
    console.log(`wrote ${Object.keys(files).map((f) => `deploy/${f}`).join(', ')}`);
  }
}
