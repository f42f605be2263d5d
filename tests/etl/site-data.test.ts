/**
 * The site's data step without raw inputs: a frozen release is published as it was frozen, by the
 * pipeline's own writer, under its own id (a fresh clone serves data that exists in data/releases).
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRelease } from '../../scripts/release.ts';
import { TABLE_ORDER } from '../../src/lib/contract/tables.ts';
import { publishFrozenRelease, rawInputsAvailable } from '../../scripts/site-data.ts';
import type { PipelineResult } from '../../scripts/pipeline.ts';
import { copyFixture, hashTree, leftovers, makeTempDir, runFixture } from '../fixtures/pipeline/helpers.ts';

let base: string;
let etlOut: string;
let releases: string;
let etl: PipelineResult;

beforeAll(async () => {
  base = await makeTempDir('atlas-site-data-');
  const input = await copyFixture(base);
  etlOut = join(base, 'etl');
  etl = await runFixture(input, etlOut);
  releases = join(base, 'releases');
  await makeRelease({ fromDir: etlOut, releasesDir: releases, repoDir: base, now: new Date('2026-11-23T12:00:00Z') });
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('publishing a frozen release (no raw inputs)', () => {
  it('rebuilds the publication the ETL wrote: same id, same tables and metadata, a zip', async () => {
    const out = join(base, 'restored');
    const r = await publishFrozenRelease({ releasesDir: releases, outDir: out });
    expect(r.id).toBe(etl.releaseId);
    expect(r.matchedRelease).toBe(etl.releaseId);
    const a = await hashTree(etlOut);
    const b = await hashTree(out);
    for (const t of TABLE_ORDER) {
      expect(b[`${t}.csv`], `${t}.csv`).toBe(a[`${t}.csv`]);
      expect(b[`${t}.parquet`], `${t}.parquet`).toBe(a[`${t}.parquet`]);
    }
    for (const f of ['datapackage.json', 'codebook.json', 'DICTIONARY.md']) expect(b[f], f).toBe(a[f]);
    expect(Object.keys(b)).toContain(`irregular-atlas-${etl.releaseId}.zip`);
    const manifest = JSON.parse(await readFile(join(out, 'release.json'), 'utf8'));
    expect(manifest.release_id).toBe(etl.releaseId);
    expect(manifest.generated_by).toMatch(/frozen release/);
    expect(await leftovers(out)).toEqual([]);
  });

  it('says which release is missing when the index names none', async () => {
    const empty = join(base, 'empty-releases');
    await mkdir(empty, { recursive: true });
    await writeFile(join(empty, 'index.json'), JSON.stringify({ latest: null, releases: [] }));
    await expect(publishFrozenRelease({ releasesDir: empty, outDir: join(base, 'none') })).rejects.toThrow(/names no release/);
  });

  it('runs the ETL only where raw inputs exist or downloading was asked for', () => {
    expect(rawInputsAvailable(join(base, 'no-such-folder'), {})).toBe(false);
    expect(rawInputsAvailable(base, {})).toBe(true);
    expect(rawInputsAvailable(join(base, 'no-such-folder'), { EUROSTAT_ONLINE: '1' })).toBe(true);
  });
});
