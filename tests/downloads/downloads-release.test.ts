/**
 * scripts/release.ts, tools/copy-releases.ts and scripts/package-archive.ts on the real
 * publication (public/data, from `npm run data`) copied to a temporary folder: a first release
 * counts every row as added; a second publication with rows removed, changed and added gives
 * exactly those counts per series; the layout of a release folder is the documented one; the
 * archive is byte-for-byte reproducible.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RELEASE_FILES, makeRelease, readIndex } from '../../scripts/release.ts';
import { copyReleases } from '../../tools/copy-releases.ts';
import { archiveName, packageArchive } from '../../scripts/package-archive.ts';

const PUBLISHED = path.resolve('public/data');
let tmp: string;
let pub1: string;
let pub2: string;
let releases: string;

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Rewrites observations.parquet of `dir` with SQL over its current rows, and fixes release.json to match. */
async function editObservations(dir: string, newId: string, sql: (rel: string) => string) {
  const file = path.join(dir, 'observations.parquet');
  const out = path.join(dir, 'observations.new.parquet');
  const db = await DuckDBInstance.create(':memory:', { threads: '1' });
  const conn = await db.connect();
  await conn.run(`COPY (${sql(`read_parquet('${file}')`)}) TO '${out}' (FORMAT parquet, COMPRESSION zstd)`);
  const rows = Number((await conn.runAndReadAll(`SELECT count(*) FROM read_parquet('${out}')`)).getRows()[0][0]);
  conn.closeSync();
  db.closeSync();
  rmSync(file);
  cpSync(out, file);
  rmSync(out);
  const m = JSON.parse(readFileSync(path.join(dir, 'release.json'), 'utf8'));
  m.release_id = newId;
  m.row_counts.observations = rows;
  m.files['observations.parquet'] = { bytes: statSync(file).size, sha256: sha(readFileSync(file)) };
  writeFileSync(path.join(dir, 'release.json'), JSON.stringify(m, null, 2));
}

beforeAll(async () => {
  if (!existsSync(path.join(PUBLISHED, 'release.json'))) throw new Error('public/data missing: run `npm run data` first');
  tmp = mkdtempSync(path.join(tmpdir(), 'atlas-release-'));
  pub1 = path.join(tmp, 'pub1');
  pub2 = path.join(tmp, 'pub2');
  releases = path.join(tmp, 'releases');
  cpSync(PUBLISHED, pub1, { recursive: true });
  cpSync(PUBLISHED, pub2, { recursive: true });
  // Second publication: jpn_overstayers loses its 3 earliest rows, kor_illegal_stay gets 2 values
  // changed, esp_irregular_estimate_funcas gains one row (a copy moved to a new period).
  await editObservations(pub2, '2030.01.01-abcdef12', (rel) => `
    WITH o AS (SELECT *, row_number() OVER (PARTITION BY series_id ORDER BY period_start, period, sex, age, citizenship_code, status, value_kind, source_id, value) AS k FROM ${rel})
    SELECT * EXCLUDE (k) REPLACE (CASE WHEN series_id = 'kor_illegal_stay' AND k <= 2 THEN value + 1 ELSE value END AS value)
    FROM o WHERE NOT (series_id = 'jpn_overstayers' AND k <= 3)
    UNION ALL
    SELECT * EXCLUDE (k) REPLACE ('1999' AS period, DATE '1999-01-01' AS period_start, DATE '1999-12-31' AS period_end)
    FROM o WHERE series_id = 'esp_irregular_estimate_funcas' AND k = 1
    ORDER BY series_id, country_code, period_start`);
});

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('scripts/release.ts', () => {
  it('freezes a first release: the documented files, every row counted as added', async () => {
    const first = await makeRelease({ fromDir: pub1, releasesDir: releases, note: 'test' });
    const m = JSON.parse(readFileSync(path.join(pub1, 'release.json'), 'utf8'));
    expect(first.created).toBe(true);
    expect(first.id).toBe(m.release_id);
    expect(readdirSync(first.dir).sort()).toEqual([...RELEASE_FILES].sort());
    for (const t of ['observations', 'series', 'regularizations', 'rule_changes', 'sources', 'countries']) {
      expect(sha(readFileSync(path.join(first.dir, `${t}.parquet`)))).toBe(m.files[`${t}.parquet`].sha256);
    }
    const e = first.entry;
    expect(e.diff.previous).toBeNull();
    expect(e.diff.tables.observations).toEqual({ added: m.row_counts.observations, changed: 0, removed: 0 });
    expect(e.diff.tables.series.added).toBe(m.row_counts.series);
    const perSeries = Object.values(e.diff.series).reduce((n, c) => n + c.added, 0);
    expect(perSeries).toBe(m.row_counts.observations);
    expect(e.diff.series.jpn_overstayers.added).toBe(m.series_row_counts.jpn_overstayers);
    // The frozen datapackage keeps only the files that are in the folder.
    const dp = JSON.parse(readFileSync(path.join(first.dir, 'datapackage.json'), 'utf8'));
    expect(dp.resources.map((r: { path: string }) => r.path).sort()).toEqual(RELEASE_FILES.filter((f) => f.endsWith('.parquet')).sort());
    expect(dp.version).toBe(first.id);
  });

  it('does nothing for a release id that already exists', async () => {
    const again = await makeRelease({ fromDir: pub1, releasesDir: releases });
    expect(again.created).toBe(false);
    expect((await readIndex(releases)).releases).toHaveLength(1);
  });

  it('diffs the next release against the previous one, per series and per table', async () => {
    const second = await makeRelease({ fromDir: pub2, releasesDir: releases });
    expect(second.created).toBe(true);
    const index = await readIndex(releases);
    expect(index.latest).toBe('2030.01.01-abcdef12');
    expect(index.releases.map((r) => r.id)).toEqual(['2030.01.01-abcdef12', JSON.parse(readFileSync(path.join(pub1, 'release.json'), 'utf8')).release_id]);
    const d = second.entry.diff;
    expect(d.previous).toBe(index.releases[1].id);
    expect(d.series).toEqual({
      esp_irregular_estimate_funcas: { added: 1, changed: 0, removed: 0 },
      jpn_overstayers: { added: 0, changed: 0, removed: 3 },
      kor_illegal_stay: { added: 0, changed: 2, removed: 0 },
    });
    expect(d.tables.observations).toEqual({ added: 1, changed: 2, removed: 3 });
    for (const t of ['series', 'regularizations', 'rule_changes', 'sources', 'countries'] as const) {
      expect(d.tables[t], t).toEqual({ added: 0, changed: 0, removed: 0 });
    }
  });

  it('copy-releases puts every release folder and the index under public/releases', () => {
    const to = path.join(tmp, 'site-releases');
    const n = copyReleases(releases, to);
    expect(n).toBe(1 + 2 * RELEASE_FILES.length);
    expect(existsSync(path.join(to, 'index.json'))).toBe(true);
    for (const f of RELEASE_FILES) expect(existsSync(path.join(to, '2030.01.01-abcdef12', f)), f).toBe(true);
  });

  it('the committed first release matches the documented layout', async () => {
    const index = await readIndex(path.resolve('data/releases'));
    expect(index.releases.length).toBeGreaterThan(0);
    for (const r of index.releases) {
      expect(r.id).toMatch(/^\d{4}\.\d{2}\.\d{2}-[0-9a-f]{8}$/);
      expect(readdirSync(path.resolve('data/releases', r.path)).sort()).toEqual([...RELEASE_FILES].sort());
    }
    expect(index.releases.at(-1)!.diff.previous).toBeNull();
  });
});

describe('scripts/package-archive.ts', () => {
  it('writes the archive with every table and metadata file, reproducibly', async () => {
    const a = await packageArchive(pub1);
    const first = readFileSync(a.path);
    const b = await packageArchive(pub1);
    expect(sha(readFileSync(b.path))).toBe(sha(first));
    const id = JSON.parse(readFileSync(path.join(pub1, 'release.json'), 'utf8')).release_id;
    expect(a.name).toBe(archiveName(id));
    const names = Object.keys(unzipSync(new Uint8Array(first))).map((e) => e.split('/')[1]);
    expect(names.sort()).toEqual(
      ['README.txt', 'datapackage.json', 'codebook.json', 'DICTIONARY.md', 'CITATION.cff', 'coverage.csv', 'release.json',
        ...['observations', 'series', 'regularizations', 'rule_changes', 'sources', 'countries'].flatMap((t) => [`${t}.parquet`, `${t}.csv`])].sort(),
    );
  });

  it('removes the archive of an earlier release from the folder', async () => {
    writeFileSync(path.join(pub1, 'irregular-atlas-2000.01.01-00000000.zip'), 'old');
    await packageArchive(pub1);
    expect(readdirSync(pub1).filter((f) => f.endsWith('.zip'))).toHaveLength(1);
  });
});
