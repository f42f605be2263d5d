/**
 * Content-Security-Policy and framing, as served (tools/serve.ts applies dist/_headers the way
 * the static host does): the header is on every page, it forbids inline script and eval, hostile
 * text in the URL never runs, the build contains no inline script, and only /embed/ pages may be
 * framed by another site.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { openPage, startSite, type Site } from './harness.ts';
import { DIST, fileOf, htmlPages, isEmbed } from './pages.ts';

let site: Site;
beforeAll(async () => {
  site = await startSite(DIST);
});
afterAll(async () => {
  await site?.close();
});

/** The CSP lines of public/_headers, read here independently of the server's parser. */
function policies(): { all: string; embed: string } {
  const text = readFileSync('public/_headers', 'utf8');
  const blocks = text.split(/\n(?=\S)/).filter((b) => !b.startsWith('#'));
  const cspOf = (glob: string) => {
    const block = blocks.find((b) => b.split('\n')[0].trim() === glob);
    const line = block?.split('\n').find((l) => /^\s+Content-Security-Policy:/i.test(l));
    if (!line) throw new Error(`public/_headers has no Content-Security-Policy for ${glob}`);
    return line.slice(line.indexOf(':') + 1).trim();
  };
  return { all: cspOf('/*'), embed: cspOf('/embed/*') };
}

const directives = (csp: string) =>
  new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values] as const),
  );

const PAGES = htmlPages();

describe('the policy itself', () => {
  const { all, embed } = policies();

  it('ships unchanged in the build', () => {
    expect(readFileSync(path.join(DIST, '_headers'), 'utf8')).toBe(readFileSync('public/_headers', 'utf8'));
  });

  it.each([
    ['every page', all, "'none'"],
    ['embed pages', embed, '*'],
  ])('%s: only our origin, no inline script, no eval', (_, csp, frameAncestors) => {
    const d = directives(csp);
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'self'"]);
    expect(d.get('frame-ancestors')).toEqual([frameAncestors]);
    // No other host may be named anywhere: every request stays on the origin.
    for (const [name, values] of d) {
      if (name === 'frame-ancestors') continue;
      for (const v of values) expect(v, `${name} ${v}`).toMatch(/^('self'|'none'|'wasm-unsafe-eval'|'unsafe-inline'|'sha256-[A-Za-z0-9+/]+=*'|data:|blob:)$/);
      // Inline style attributes only (Plot writes them); <style> blocks by hash, never 'unsafe-inline'.
      if (name !== 'style-src-attr') expect(values).not.toContain("'unsafe-inline'");
    }
  });
});

describe('headers on every page', () => {
  const { all, embed } = policies();

  it.each(PAGES)('%s', async (sitePath) => {
    const res = await fetch(site.url + sitePath);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy');
    if (isEmbed(sitePath)) {
      expect(csp).toBe(embed);
      expect(res.headers.get('x-frame-options')).toBeNull();
    } else {
      expect(csp).toBe(all);
      expect(directives(csp!).get('frame-ancestors')).toEqual(["'none'"]);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    await res.arrayBuffer();
  });

  it('also on a missing page (the 404 response)', async () => {
    const res = await fetch(site.url + '/no-such-page/');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toBe(all);
    await res.arrayBuffer();
  });
});

describe('no inline script in the build', () => {
  it.each(PAGES)('%s', (sitePath) => {
    const html = readFileSync(fileOf(sitePath), 'utf8');
    const { document } = parseHTML(html);
    const inline = [...document.querySelectorAll('script:not([src])')].filter(
      (s) => !['application/json', 'application/ld+json'].includes((s.getAttribute('type') ?? '').toLowerCase()),
    );
    expect(inline.map((s) => s.outerHTML.slice(0, 200))).toEqual([]);
    // Inline handlers and javascript: links would be blocked by the policy, i.e. broken.
    const handlers = [...document.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `<${el.tagName.toLowerCase()} ${a.name}>`),
    );
    expect(handlers).toEqual([]);
    expect([...document.querySelectorAll('[href^="javascript:" i], [src^="javascript:" i]')].length).toBe(0);
    // A <meta> policy would be a second, weaker source of truth; the header is the one.
    expect(document.querySelector('meta[http-equiv="Content-Security-Policy" i]')).toBeNull();
  });
});

describe('in the browser', () => {
  it('hostile URL state executes nothing and the chart still draws', async () => {
    const hostile =
      '/?countries=' +
      encodeURIComponent('<script>window.__xss=1</script>') +
      '&scale=' +
      encodeURIComponent('"><img src=x onerror="window.__xss=2">') +
      '&from=javascript:window.__xss=3&mode=' +
      encodeURIComponent("'><svg onload=alert(1)>");
    const w = await openPage(site, '/');
    const dialogs: string[] = [];
    w.page.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()));
    const violations: string[] = [];
    w.page.on('console', (m) => /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
    await w.page.goto(site.url + hostile, { waitUntil: 'load' });
    await w.page.waitForFunction(() => document.querySelector('chart-figure .chart-svg--live svg'), null, { timeout: 90_000 });
    expect(await w.page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await w.page.locator('img[src="x"], script:not([src])').count()).toBe(0);
    expect(dialogs).toEqual([]);
    // Nothing was even attempted: the page never built an element from the URL text.
    expect(violations).toEqual([]);
    expect(w.consoleErrors).toEqual([]);
    expect(w.offOrigin).toEqual([]);
    await w.context.close();
  });

  it('blocks inline script, inline handlers, javascript: URLs and string eval', async () => {
    const w = await openPage(site, '/');
    const r = await w.page.evaluate(async () => {
      const seen: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective));
      const win = window as unknown as Record<string, unknown>;
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.body.append(s);
      const img = document.createElement('img');
      img.setAttribute('onerror', 'window.__handler = 1');
      img.src = 'data:,not-an-image';
      document.body.append(img);
      const a = document.createElement('a');
      a.href = 'javascript:window.__jsurl=1';
      document.body.append(a);
      a.click();
      // A string timer is eval: it runs outside this DevTools call, so the page's policy applies.
      (setTimeout as unknown as (code: string, ms: number) => void)('window.__eval = 1', 0);
      await new Promise((res) => setTimeout(res, 400));
      return { seen, inline: win.__inline, handler: win.__handler, jsurl: win.__jsurl, evaluated: win.__eval };
    });
    expect(r.inline).toBeUndefined();
    expect(r.handler).toBeUndefined();
    expect(r.jsurl).toBeUndefined();
    expect(r.evaluated).toBeUndefined();
    expect(r.seen).toContain('script-src-elem');
    expect(r.seen).toContain('script-src-attr');
    // The string timer reports as script-src (eval), the rest as -elem / -attr.
    expect(r.seen).toContain('script-src');
    await w.context.close();
  });

  /**
   * Loads `child` in an iframe of a page from another origin (a second local server on another
   * port, with no policy of its own; a public origin would be stopped by Chromium's private
   * network rules before our headers are even read).
   */
  async function frameFromElsewhere(child: string) {
    const other = createServer((_, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<!doctype html><iframe src="${site.url}${child}" width="600" height="500"></iframe>`);
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const ctx = await site.browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`http://127.0.0.1:${(other.address() as AddressInfo).port}/`, { waitUntil: 'load' });
    const frame = page.frames().find((f) => f !== page.mainFrame())!;
    await frame.waitForLoadState('load').catch(() => undefined);
    return {
      frame,
      close: async () => {
        await ctx.close();
        await new Promise((resolve) => other.close(resolve));
      },
    };
  }

  it('another site cannot frame a normal page', async () => {
    const { frame, close } = await frameFromElsewhere('/');
    expect(frame.url()).toMatch(/^chrome-error:/);
    await close();
  });

  const embeds = PAGES.filter(isEmbed);
  it('another site can frame an embed page', async () => {
    expect(embeds.length, 'no /embed/ page in the build').toBeGreaterThan(0);
    const { frame, close } = await frameFromElsewhere(embeds[0]);
    expect(frame.url()).toBe(site.url + embeds[0]);
    expect(await frame.locator('svg').count()).toBeGreaterThan(0);
    await close();
  });
});
