/**
 * Frozen releases are verified before the build copies them (issue 16: a release Parquet
 * rewritten with every value ×10 built and served, and the pinned embed showed it).
 * The test tampers with a copy of the committed releases, never with data/releases itself.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, rm, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReleaseVerificationError, verifyReleases } from '../../scripts/lib/verify-release.ts';

const RELEASES = join(import.meta.dirname, '../../data/releases');
let base: string;
let latest: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'atlas-verify-release-'));
  latest = JSON.parse(await readFile(join(RELEASES, 'index.json'), 'utf8')).latest;
});
afterAll(async () => rm(base, { recursive: true, force: true }));

async function copyOf(name: string) {
  const dir = join(base, name);
  await cp(RELEASES, dir, { recursive: true });
  return dir;
}

const failure = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);

describe('frozen releases are verified against their recorded hashes', () => {
  it('the committed releases verify', async () => {
    const n = await verifyReleases(RELEASES);
    expect(n).toBeGreaterThanOrEqual((await readdir(join(RELEASES, latest))).length);
  });

  it('a Parquet file rewritten with every value ×10 fails, naming the file; the build step exits 1 and copies nothing', async () => {
    const dir = await copyOf('times-ten');
    const file = join(dir, latest, 'observations.parquet');
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
    await conn.run(`CREATE TABLE t AS SELECT * REPLACE (value * 10 AS value) FROM read_parquet(${lit(file)})`);
    await conn.run(`COPY t TO ${lit(file)} (FORMAT parquet, COMPRESSION zstd)`);
    conn.closeSync();
    db.closeSync();

    const e = await failure(verifyReleases(dir));
    expect(e).toBeInstanceOf(ReleaseVerificationError);
    expect((e as ReleaseVerificationError).file).toBe(file);
    expect((e as ReleaseVerificationError).message).toMatch(/observations\.parquet: does not match the hash in .*release\.json/);

    const to = join(base, 'public-releases');
    const run = spawnSync(join(import.meta.dirname, '../../node_modules/.bin/tsx'), ['tools/copy-releases.ts', '--from', dir, '--to', to], {
      cwd: join(import.meta.dirname, '../..'),
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${latest}/observations.parquet: does not match`);
    expect(await readdir(base)).not.toContain('public-releases');
  });

  it('an edited datapackage.json, a stray file and a renamed release folder fail too', async () => {
    const edited = await copyOf('edited');
    await writeFile(join(edited, latest, 'datapackage.json'), '{}\n');
    expect(((await failure(verifyReleases(edited))) as Error).message).toMatch(/datapackage\.json: does not match the hash in index\.json/);

    const stray = await copyOf('stray');
    await writeFile(join(stray, latest, 'extra.parquet'), 'PAR1');
    expect(((await failure(verifyReleases(stray))) as Error).message).toMatch(/extra\.parquet: is recorded neither/);

    const renamed = await copyOf('renamed');
    await cp(join(renamed, latest), join(renamed, '2099.01.01-00000000'), { recursive: true });
    expect(((await failure(verifyReleases(renamed))) as Error).message).toMatch(/2099\.01\.01-00000000\/release\.json: names release/);
  });
});
