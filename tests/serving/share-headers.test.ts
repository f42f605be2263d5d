/**
 * Link previews from other sites (issue 12): their unfurlers fetch /og/*.png and /oembed/*.json,
 * sometimes from a browser page of another origin. Those two prefixes answer with
 * `Cross-Origin-Resource-Policy: cross-origin` and `Access-Control-Allow-Origin: *`; pages keep
 * `same-origin` and send no CORS header. Checked on the wire against the local server
 * (tools/serve.ts, which applies public/_headers as the hosts do) and in every generated host
 * configuration (deploy/*, tools/headers-config.ts).
 */
import { request } from 'node:http';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../tools/serve.ts';
import { blocks, generate } from '../../tools/headers-config.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
let base: string;
let server: Awaited<ReturnType<typeof serve>>;

function head(p: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path: p, method: 'GET', headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'atlas-share-headers-'));
  for (const d of ['og', 'oembed', 'countries/jpn']) await mkdir(path.join(base, d), { recursive: true });
  await copyFile(path.join(ROOT, 'public', '_headers'), path.join(base, '_headers'));
  await writeFile(path.join(base, 'index.html'), '<p>home</p>');
  await writeFile(path.join(base, 'countries', 'jpn', 'index.html'), '<p>Japan</p>');
  // A real PNG signature is not needed: the server types by extension.
  await writeFile(path.join(base, 'og', 'home.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  await writeFile(path.join(base, 'oembed', 'irregular-residence-comparison.json'), '{"version":"1.0","type":"rich"}');
  server = await serve({ root: base, compress: false });
});

afterAll(async () => {
  await server?.close();
  await rm(base, { recursive: true, force: true });
});

describe('local server: social images and oEmbed are readable cross-origin', () => {
  it.each(['/og/home.png', '/oembed/irregular-residence-comparison.json'])('%s: CORP cross-origin, CORS *', async (p) => {
    const r = await head(p, { origin: 'https://cms.example.net' });
    expect(r.status).toBe(200);
    expect(r.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(r.headers['access-control-allow-origin']).toBe('*');
  });

  it('oEmbed JSON is served as JSON', async () => {
    const r = await head('/oembed/irregular-residence-comparison.json');
    expect(r.headers['content-type']).toMatch(/^application\/json/);
  });

  it.each(['/', '/countries/jpn/'])('%s stays same-origin, without CORS', async (p) => {
    const r = await head(p, { origin: 'https://cms.example.net' });
    expect(r.status).toBe(200);
    expect(r.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(r.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('generated host configurations', () => {
  const text = readFileSync(path.join(ROOT, 'public', '_headers'), 'utf8');
  const bs = blocks(text);
  it.each(['/og/', '/oembed/'])('%s block: CORP cross-origin and CORS *, the rest same-origin', (prefix) => {
    const b = bs.find((x) => x.prefix === prefix);
    expect(b, `${prefix} block`).toBeDefined();
    expect(b!.headers).toContainEqual(['Cross-Origin-Resource-Policy', 'cross-origin']);
    expect(b!.headers).toContainEqual(['Access-Control-Allow-Origin', '*']);
    const rest = bs.find((x) => x.prefix === null)!;
    expect(rest.headers).toContainEqual(['Cross-Origin-Resource-Policy', 'same-origin']);
    expect(rest.headers.some(([k]) => k === 'Access-Control-Allow-Origin')).toBe(false);
  });

  it('each host file names both prefixes with the cross-origin policy', () => {
    const files = generate(text);
    const nginx = files['nginx.conf'];
    for (const prefix of ['/og/', '/oembed/']) {
      const block = nginx.slice(nginx.indexOf(`location ^~ ${prefix} {`));
      expect(block.slice(0, block.indexOf('}'))).toContain('add_header Cross-Origin-Resource-Policy "cross-origin" always;');
      expect(files.Caddyfile).toContain(`path ${prefix}*`);
      expect(files['apache.htaccess']).toContain(`m#^${prefix}#`);
    }
    const v = JSON.parse(files['vercel.json']) as { headers: { source: string; headers: { key: string; value: string }[] }[] };
    const matching = (p: string) => v.headers.filter((h) => new RegExp(`^${h.source}$`).test(p));
    for (const p of ['/og/home.png', '/oembed/x.json']) {
      expect(matching(p)).toHaveLength(1);
      expect(matching(p)[0].headers).toContainEqual({ key: 'Cross-Origin-Resource-Policy', value: 'cross-origin' });
      expect(matching(p)[0].headers).toContainEqual({ key: 'Access-Control-Allow-Origin', value: '*' });
    }
    expect(matching('/oga/')[0]?.headers).toContainEqual({ key: 'Cross-Origin-Resource-Policy', value: 'same-origin' });
  });
});
