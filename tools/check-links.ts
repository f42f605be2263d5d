/**
 * Checks every internal link, image, script, stylesheet and download in the built site.
 * A link is broken when the file it points to is not in dist/ (a folder needs index.html),
 * or when its #fragment names no element id on the target page.
 *
 * Usage: tsx tools/check-links.ts [dist]   (exit 1 and a list when anything is broken)
 */
import { readdir, readFile } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';

export interface BrokenLink {
  page: string;
  link: string;
  reason: string;
}

export interface LinkReport {
  pages: number;
  links: number;
  broken: BrokenLink[];
}

async function* walk(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else yield full;
  }
}

/** Maps a site path to the file that serves it, or null. */
function resolveFile(root: string, sitePath: string): string | null {
  const clean = decodeURIComponent(sitePath.split('#')[0].split('?')[0]);
  const target = path.join(root, clean);
  if (!target.startsWith(root)) return null;
  if (existsSync(target) && statSync(target).isFile()) return target;
  const index = path.join(target, 'index.html');
  if (existsSync(index)) return index;
  return null;
}

export async function checkLinks(root = 'dist', base = '/'): Promise<LinkReport> {
  root = path.resolve(root);
  const idsByFile = new Map<string, Set<string>>();
  const pages: string[] = [];
  for await (const file of walk(root)) if (file.endsWith('.html')) pages.push(file);

  const idsOf = async (file: string) => {
    let ids = idsByFile.get(file);
    if (!ids) {
      const { document } = parseHTML(await readFile(file, 'utf8'));
      ids = new Set([...document.querySelectorAll('[id]')].map((el) => el.getAttribute('id') ?? ''));
      for (const a of document.querySelectorAll('a[name]')) ids.add(a.getAttribute('name') ?? '');
      idsByFile.set(file, ids);
    }
    return ids;
  };

  const broken: BrokenLink[] = [];
  let links = 0;
  for (const file of pages) {
    const html = await readFile(file, 'utf8');
    const { document } = parseHTML(html);
    const pageUrl = '/' + path.relative(root, file).replace(/index\.html$/, '').replace(/\\/g, '/');
    const page = pageUrl;
    const refs: string[] = [];
    for (const el of document.querySelectorAll('a[href], link[href]')) refs.push(el.getAttribute('href') ?? '');
    for (const el of document.querySelectorAll('script[src], img[src], iframe[src], source[src]')) refs.push(el.getAttribute('src') ?? '');
    for (const ref of refs) {
      if (!ref || /^(mailto:|tel:|javascript:|data:|blob:)/i.test(ref)) continue;
      if (/^https?:\/\//i.test(ref) || ref.startsWith('//')) continue; // external: checked by nobody at build time (no network)
      links++;
      const url = new URL(ref, 'http://site' + pageUrl);
      let sitePath = url.pathname;
      if (base !== '/' && sitePath.startsWith(base)) sitePath = '/' + sitePath.slice(base.length);
      const target = ref.startsWith('#') ? file : resolveFile(root, sitePath);
      if (!target) {
        broken.push({ page, link: ref, reason: 'no such file in the build' });
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && target.endsWith('.html') && !(await idsOf(target)).has(fragment)) {
        broken.push({ page, link: ref, reason: `no element with id "${fragment}"` });
      }
    }
  }
  return { pages: pages.length, links, broken };
}

if (process.argv[1]?.endsWith('check-links.ts')) {
  const root = process.argv[2] ?? 'dist';
  const report = await checkLinks(root, process.env.BASE_PATH ?? '/');
  for (const b of report.broken) console.log(`BROKEN ${b.page} -> ${b.link}: ${b.reason}`);
  console.log(`${report.pages} pages, ${report.links} internal links, ${report.broken.length} broken`);
  process.exit(report.broken.length ? 1 : 0);
}
