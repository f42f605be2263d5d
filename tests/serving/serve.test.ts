/**
 * The preview server (tools/serve.ts) serves only files inside its root and answers a
 * malformed URL with 400 (issue 16: `/..%2fdist-secret/secret.txt` served a sibling folder,
 * and a malformed escape answered 500).
 */
import { request } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../tools/serve.ts';

let base: string;
let server: Awaited<ReturnType<typeof serve>>;

/** A raw GET: the path goes on the wire exactly as written (fetch would normalise it). */
function get(path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'atlas-serve-'));
  await mkdir(join(base, 'dist', 'data'), { recursive: true });
  await mkdir(join(base, 'dist-secret'));
  await writeFile(join(base, 'dist', 'index.html'), '<p>home</p>');
  await writeFile(join(base, 'dist', 'data', 'a.csv'), 'x\n1\n');
  await writeFile(join(base, 'dist', '..hidden.txt'), 'dots in a name are fine');
  await writeFile(join(base, 'dist-secret', 'secret.txt'), 'SECRET');
  server = await serve({ root: join(base, 'dist'), compress: false });
});

afterAll(async () => {
  await server.close();
  await rm(base, { recursive: true, force: true });
});

describe('preview server paths', () => {
  it('serves files inside the root', async () => {
    expect(await get('/')).toMatchObject({ status: 200, body: '<p>home</p>' });
    expect(await get('/data/a.csv')).toMatchObject({ status: 200, body: 'x\n1\n' });
    expect(await get('/data/%61.csv')).toMatchObject({ status: 200 });
    expect(await get('/..hidden.txt')).toMatchObject({ status: 200 });
  });

  it.each([
    '/..%2fdist-secret/secret.txt',
    '/..%2Fdist-secret%2Fsecret.txt',
    '/%2e%2e/dist-secret/secret.txt',
    '/data/..%2f..%2fdist-secret/secret.txt',
    '/..%5cdist-secret/secret.txt',
    '/../dist-secret/secret.txt',
    '//..%2f..%2fdist-secret/secret.txt',
  ])('never serves a sibling folder: %s', async (path) => {
    const res = await get(path);
    expect(res.body).not.toContain('SECRET');
    expect([400, 403, 404]).toContain(res.status);
  });

  it.each(['/%E0%A4%A', '/%', '/a%zz', '/x%00.html'])('answers a malformed URL with 400: %s', async (path) => {
    expect((await get(path)).status).toBe(400);
  });
});
