/**
 * A small static server for the built site (dist/), used by `npm start`, the browser tests and
 * the benchmarks. It behaves like the static hosts we deploy to:
 *  - applies the `_headers` file (Netlify / Cloudflare Pages syntax) that ships in dist/, so the
 *    Content-Security-Policy and framing rules tested here are the ones deployed;
 *  - compresses text with brotli or gzip when the client asks (bytes measured are realistic);
 *  - serves `.wasm` as application/wasm (streaming compilation needs it);
 *  - sends `Cache-Control: no-cache` unless the headers file says otherwise (hashed engine and
 *    script files are immutable there), and answers `If-None-Match` with 304;
 *  - serves only files inside the root: the decoded path is resolved and checked with
 *    path.relative (so `/..%2fsibling/x` and `/%2e%2e/x` cannot reach a sibling folder), and a
 *    malformed URL or escape (`/%E0%A4%A`, a NUL byte) answers 400, not 500.
 *
 * Usage: tsx tools/serve.ts [--port 4321] [--root dist] [--host 127.0.0.1]
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.cff': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.parquet': 'application/vnd.apache.parquet',
  '.zip': 'application/zip',
  '.xml': 'application/xml',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|wasm|xml|manifest))|image\/svg/;

interface HeaderRule {
  pattern: RegExp;
  headers: [string, string][];
}

/** Parses a `_headers` file: a path pattern line, then indented `Name: value` lines. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  let current: HeaderRule | null = null;
  for (const raw of text.split(/\r?\n/)) {
    if (!raw.trim() || raw.trim().startsWith('#')) continue;
    if (!/^\s/.test(raw)) {
      const glob = raw.trim();
      const re = '^' + glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*') + '$';
      current = { pattern: new RegExp(re), headers: [] };
      rules.push(current);
    } else if (current && raw.trim().startsWith('!')) {
      // `! Name` detaches a header set by an earlier rule (Cloudflare Pages syntax).
      current.headers.push([raw.trim().slice(1).trim(), '\u0000detach']);
    } else if (current) {
      const i = raw.indexOf(':');
      if (i > 0) current.headers.push([raw.slice(0, i).trim(), raw.slice(i + 1).trim()]);
    }
  }
  return rules;
}

/** Headers for a URL path: later rules override earlier ones for the same header name. */
export function headersFor(rules: HeaderRule[], urlPath: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules) {
    if (!rule.pattern.test(urlPath)) continue;
    for (const [k, v] of rule.headers) {
      if (v === '\u0000detach') delete out[k.toLowerCase()];
      else out[k.toLowerCase()] = v;
    }
  }
  return out;
}

/**
 * The file a request path names, or why it names none: 'bad' for a URL that does not parse or
 * decode (or holds a NUL), 'outside' for a path that leaves the root once decoded and resolved.
 */
export function resolveInside(root: string, requestUrl: string): { url: URL; rel: string; file: string } | 'bad' | 'outside' {
  let url: URL;
  let rel: string;
  try {
    url = new URL(requestUrl, 'http://localhost');
    rel = decodeURIComponent(url.pathname);
  } catch {
    return 'bad';
  }
  if (rel.includes('\0')) return 'bad';
  const file = path.resolve(root, `.${rel}`);
  const inside = path.relative(root, file);
  if (inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside)) return 'outside';
  return { url, rel, file };
}

export interface ServeOptions {
  root?: string;
  port?: number;
  host?: string;
  /** Disable compression (to measure raw bytes). */
  compress?: boolean;
}

export async function serve(opts: ServeOptions = {}): Promise<{ server: Server; url: string; close: () => Promise<void> }> {
  const root = path.resolve(opts.root ?? 'dist');
  if (!existsSync(root)) throw new Error(`${root} does not exist: run \`npm run build\` first`);
  const headersPath = path.join(root, '_headers');
  const rules = existsSync(headersPath) ? parseHeadersFile(readFileSync(headersPath, 'utf8')) : [];
  const compress = opts.compress ?? true;
  const cache = new Map<string, Buffer>();

  const server = createServer(async (req, res) => {
    try {
      const target = resolveInside(root, req.url ?? '/');
      if (target === 'bad') return send(res, 400, 'text/plain', Buffer.from('bad request'));
      if (target === 'outside') return send(res, 403, 'text/plain', Buffer.from('forbidden'));
      const { url, rel } = target;
      let file = target.file;
      let st = await stat(file).catch(() => null);
      if (st?.isDirectory()) {
        if (!rel.endsWith('/')) {
          res.writeHead(301, { location: rel + '/' + url.search });
          return res.end();
        }
        file = path.join(file, 'index.html');
        st = await stat(file).catch(() => null);
      }
      if (!st) {
        const notFound = path.join(root, '404.html');
        const body = existsSync(notFound) ? await readFile(notFound) : Buffer.from('not found');
        return send(res, 404, MIME['.html'], body, headersFor(rules, rel));
      }
      const type = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      const etag = `"${st.size.toString(36)}-${Math.round(st.mtimeMs).toString(36)}"`;
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { etag, ...headersFor(rules, rel) });
        return res.end();
      }
      let body: Buffer = await readFile(file);
      // Revalidate by default; the headers file makes hashed files (/_astro/, /duckdb/) immutable.
      const extra: Record<string, string> = { 'cache-control': 'no-cache', ...headersFor(rules, rel), etag };
      const accept = String(req.headers['accept-encoding'] ?? '');
      if (compress && COMPRESSIBLE.test(type) && body.length > 512) {
        const enc = /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : null;
        if (enc) {
          const key = `${enc}:${file}:${st.mtimeMs}`;
          let packed = cache.get(key);
          if (!packed) {
            packed =
              enc === 'br'
                ? zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } })
                : zlib.gzipSync(body, { level: 9 });
            cache.set(key, packed);
          }
          body = packed;
          extra['content-encoding'] = enc;
          extra['vary'] = 'accept-encoding';
        }
      }
      send(res, 200, type, req.method === 'HEAD' ? Buffer.alloc(0) : body, extra, body.length);
    } catch (err) {
      send(res, 500, 'text/plain', Buffer.from(String(err)));
    }
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : opts.port;
  return {
    server,
    url: `http://${opts.host ?? '127.0.0.1'}:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function send(
  res: import('node:http').ServerResponse,
  status: number,
  type: string,
  body: Buffer,
  headers: Record<string, string> = {},
  length = body.length,
) {
  res.writeHead(status, { 'content-type': type, 'content-length': String(length), ...headers });
  res.end(body);
}

// CLI
if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('serve.ts')) {
  const args = process.argv.slice(2);
  const get = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const { url } = await serve({
    root: get('root') ?? 'dist',
    port: Number(get('port') ?? process.env.PORT ?? 4321),
    host: get('host') ?? '127.0.0.1',
  });
  console.log(`serving ${get('root') ?? 'dist'} at ${url}`);
}
